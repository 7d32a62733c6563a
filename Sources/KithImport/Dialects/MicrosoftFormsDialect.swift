import KithCore

/// Microsoft Forms: the Excel workbook saved as CSV UTF-8, CSV or Unicode Text.
///
/// `ID, Start time, Completion time, Email, Name` (then `Last modified time` in newer
/// forms) before the questions; `Email` is `anonymous` for anonymous forms;
/// multi-select answers as `a;b;`; dates as the saving machine's locale shows them.
package struct MicrosoftFormsDialect: Dialect {
    package static let name = "microsoft-forms"
    package static let title = "Microsoft Forms"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first(where: { $0.contains { !$0.isEmpty } }) else { return nil }
        let names = first.prefix(6).map { $0.trimmingSpaces().lowercased() }
        guard names.count >= 5, names[0] == "id", names[1] == "start time", names[2] == "completion time", names[3] == "email", names[4] == "name"
        else { return nil }
        return 90
    }

    package let headerRows: Int
    package let columns: [SourceColumn]

    package init(head: [[String]], file: String) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        columns = generic.columns.map { column in
            var column = column
            switch column.header.lowercased() {
            case "id": column.role = .sourceID
            case "last modified time", "total points", "quiz feedback": column.role = .metadata
            default: if column.header.hasPrefix("Points - ") || column.header.hasPrefix("Feedback - ") { column.role = .metadata }
            }
            return column
        }
    }

    package var multiSelectSeparator: String? { ";" }
}
