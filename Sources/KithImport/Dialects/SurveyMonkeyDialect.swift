import KithCore

/// SurveyMonkey "All responses" spreadsheet export (expanded columns).
///
/// Two header rows: row 1 holds the metadata names and each question's text over
/// its *first* column only; row 2 holds `Response` / `Open-Ended Response` under
/// single-column questions and the row label (matrix) or option text
/// (multi-select) under each column of a multi-column question. Dates are US
/// month/day/year with AM/PM, or `YYYY-MM-DD HH:MM:SS` in some exports; no zone.
/// No status column: an abandoned response shows only as blank answers.
package struct SurveyMonkeyDialect: Dialect {
    package static let name = "surveymonkey"
    package static let title = "SurveyMonkey"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard head.count >= 2, let first = head.first else { return nil }
        let keys = first.prefix(12).map { TextKey($0).value }
        guard keys.contains("respondent id"), keys.contains("collector id") else { return nil }
        let second = head[1].map { $0.trimmingSpaces() }
        return second.contains("Response") || second.contains("Open-Ended Response") || second.prefix(9).allSatisfy(\.isEmpty) ? 95 : 60
    }

    package let headerRows = 2
    package let columns: [SourceColumn]
    private let choices: [Int: (question: String, choice: String)]

    package init(head: [[String]], file: String) throws {
        guard head.count >= 2 else {
            throw ImportError.malformed(file: file, line: 2, column: nil, expected: "a second header row (SurveyMonkey exports have two)")
        }
        let top = head[0]
        let second = head[1]
        let data = Array(head.dropFirst(2).prefix(200))
        var columns: [SourceColumn] = []
        var choices: [Int: (String, String)] = [:]
        var stem = ""
        var stemStart = 0
        let width = max(top.count, second.count)
        for index in 0..<width {
            let above = index < top.count ? top[index].trimmingSpaces() : ""
            let below = index < second.count ? second[index].trimmingSpaces() : ""
            if !above.isEmpty {
                stem = above
                stemStart = index
            }
            if below.isEmpty {
                // Metadata columns have their name in row 1 and nothing in row 2.
                columns.append(SourceColumn(index: index, header: above, role: StandardHeaders.role(of: above).orMetadata(for: above)))
                continue
            }
            let role = StandardHeaders.role(of: stem)
            if role != .question, index == stemStart {
                columns.append(SourceColumn(index: index, header: stem, role: role))
                continue
            }
            switch below {
            case "Response", "Open-Ended Response":
                columns.append(SourceColumn(index: index, header: stem, role: .question))
            default:
                let header = "\(stem) - \(below)"
                columns.append(SourceColumn(index: index, header: header, role: .question))
                // A column whose every answer is its own label is one choice of a multi-select.
                let answers = data.compactMap { index < $0.count ? $0[index].trimmingSpaces() : nil }.filter { !$0.isEmpty }
                if !answers.isEmpty, answers.allSatisfy({ $0 == below }) {
                    choices[index] = (stem, below)
                }
            }
        }
        self.columns = StandardHeaders.keepFirst(columns)
        self.choices = choices
    }

    package var dateOrder: DateOrder { .monthFirst }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { choices[index] }
}

extension ColumnRole {
    /// A metadata-looking column that names no standard field is tool bookkeeping, not a question.
    func orMetadata(for header: String) -> ColumnRole {
        self == .question && header.isEmpty ? .metadata : self
    }
}

extension StandardHeaders {
    /// Only the first column of each standard role keeps it; later ones become tool metadata.
    static func keepFirst(_ columns: [SourceColumn]) -> [SourceColumn] {
        var taken: Set<String> = []
        return columns.map { column in
            var column = column
            switch column.role {
            case .question, .metadata, .identifier: break
            default: if !taken.insert(column.role.description).inserted { column.role = .metadata }
            }
            return column
        }
    }
}
