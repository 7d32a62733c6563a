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

/// SmartSurvey (layout assumed: no package documentation was found; see docs/dialects.md §5).
///
/// `UserNo, Name, Email, IP Address, Unique ID, Started, Ended`, then questions as
/// `Qn. text`, matrix rows as `Qn. question: row`, one column per multi-select
/// option (the option text when ticked); an empty `Ended` is a partial response.
package struct SmartSurveyDialect: Dialect {
    package static let name = "smartsurvey"
    package static let title = "SmartSurvey"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first else { return nil }
        let names = Set(first.prefix(12).map { $0.trimmingSpaces() })
        guard names.contains("UserNo"), names.contains("Started") || names.contains("Ended") else { return nil }
        return 85
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let endedColumn: Int?
    private let choices: [Int: (question: String, choice: String)]

    package init(head: [[String]], file: String) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        let data = Array(head.dropFirst(generic.headerRows).prefix(200))
        var choices: [Int: (String, String)] = [:]
        columns = generic.columns.map { column in
            var column = column
            switch column.header {
            case "UserNo": column.role = .sourceID
            case "Unique ID": column.role = .metadata
            case "Started": column.role = .startTime
            case "Ended": column.role = .submitTime
            default:
                guard column.role == .question, let colon = column.header.range(of: ": ", options: .backwards) else { break }
                let choice = String(column.header[colon.upperBound...])
                let answers = data.compactMap { column.index < $0.count ? $0[column.index].trimmingSpaces() : nil }.filter { !$0.isEmpty }
                if !answers.isEmpty, answers.allSatisfy({ $0 == choice }) {
                    choices[column.index] = (String(column.header[..<colon.lowerBound]), choice)
                }
            }
            return column
        }
        self.choices = choices
        endedColumn = columns.first { $0.header == "Ended" }?.index
    }

    package var dateOrder: DateOrder { .dayFirst }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { choices[index] }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        guard let endedColumn else { return .complete }
        return endedColumn >= record.count || record[endedColumn].trimmedSpaces().isEmpty ? .partial("not finished (no end time)") : .complete
    }
}

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
