import KithCore

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
