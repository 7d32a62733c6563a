import KithCore

/// Typeform CSV: `#` (response token), the questions, hidden fields, then
/// `Response Type` (completed / partial, in exports that include partials),
/// `Start Date (UTC)`, `Stage Date (UTC)`, `Submit Date (UTC)`, `Network ID`, `Tags`.
/// Multi-select answers are joined with `,`.
package struct TypeformDialect: Dialect {
    package static let name = "typeform"
    package static let title = "Typeform"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first, first.first?.trimmingSpaces() == "#" else { return nil }
        let names = Set(first.map { $0.trimmingSpaces() })
        return names.contains("Submit Date (UTC)") || names.contains("Network ID") ? 90 : nil
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let typeColumn: Int?

    package init(head: [[String]], file: String) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        columns = generic.columns.map { column in
            var column = column
            switch column.header {
            case "#": column.role = .sourceID
            case "Response Type": column.role = .status
            case "Start Date (UTC)": column.role = .startTime
            case "Submit Date (UTC)": column.role = .submitTime
            case "Stage Date (UTC)", "Network ID", "Tags", "Ending": column.role = .metadata
            default: break
            }
            return column
        }
        typeColumn = columns.first { $0.header == "Response Type" }?.index
    }

    package var dateOrder: DateOrder { .yearFirst }
    package func timeZone(ofColumn index: Int) -> String? { columns[index].header.hasSuffix("(UTC)") ? "UTC" : nil }
    package var multiSelectSeparator: String? { "," }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        guard let typeColumn, typeColumn < record.count else { return .complete }
        return String(decoding: record[typeColumn].trimmedSpaces(), as: UTF8.self).lowercased() == "partial"
            ? .partial("partial response") : .complete
    }
}
