/// The column of an export that names each response's provider, contract or service. Such a
/// column is kept as a question and also gives each response its provider, so `provider` and
/// the column's own header ("Service") both group responses by it.
package enum ProviderColumn {
    /// Headers that name the provider (compared as `TextKey`s: case and spacing aside).
    package static let headers: Set<String> = [
        "provider", "service provider", "contract", "service", "organisation", "organization"
    ]

    /// Whether a column with this header gives each response its provider.
    package static func isHeader(_ header: String) -> Bool { headers.contains(TextKey(header).value) }
}
