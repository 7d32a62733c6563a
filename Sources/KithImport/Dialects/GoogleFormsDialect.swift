import KithCore

/// Google Forms "Download responses (.csv)".
///
/// One header row, `Timestamp` first (`2026/03/17 8:29:43 PM GMT+1`: year first,
/// 12-hour clock, zone suffix); grids as `Question [Row]`; checkbox answers
/// joined with `, ` (options may contain commas: split against the options seen).
/// No response id and no status: repeated submissions are separate rows, found
/// as near-identical rows.
package struct GoogleFormsDialect: Dialect {
    package static let name = "google-forms"
    package static let title = "Google Forms"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first, first.first?.trimmingSpaces() == "Timestamp" else { return nil }
        let dates = head.dropFirst().prefix(20).compactMap { $0.first }.filter { !$0.isEmpty }
        let googleLike = dates.contains { text in
            let upper = text.uppercased()
            return text.count >= 4 && text.prefix(4).allSatisfy(\.isNumber)
                && (upper.hasSuffix("GMT") || upper.contains("GMT+") || upper.contains("GMT-"))
        }
        return googleLike ? 85 : 55
    }

    package let headerRows: Int
    package let columns: [SourceColumn]

    package init(head: [[String]], file: String) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        columns = generic.columns.map { column in
            var column = column
            if column.header == "Timestamp" { column.role = .submitTime }
            return column
        }
    }

    package var dateOrder: DateOrder { .yearFirst }
    package var multiSelectSeparator: String? { ", " }
}
