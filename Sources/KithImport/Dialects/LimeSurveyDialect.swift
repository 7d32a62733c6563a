import KithCore

/// LimeSurvey response export (CSV): headings as question codes (`ucla[SQ001]`) or
/// question text (`Question [Sub-question]`), responses as answer codes or full
/// answers; every field quoted. `id, submitdate, lastpage, startlanguage, seed,
/// startdate, datestamp` first; an empty `submitdate` is an incomplete response.
/// Multiple choice is one column per option holding `Y` or nothing. Code headings
/// and answer codes carry no wording: name them with `--map`.
package struct LimeSurveyDialect: Dialect {
    package static let name = "limesurvey"
    package static let title = "LimeSurvey"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first else { return nil }
        let names = first.prefix(10).map { $0.trimmingSpaces().lowercased() }
        guard names.first == "id" || names.first == "response id", names.contains("submitdate") || names.contains("date submitted") else {
            return nil
        }
        let limeOnly = ["lastpage", "last page", "startlanguage", "start language", "seed"].filter { names.contains($0) }.count
        return limeOnly >= 2 ? 90 : nil
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let submitColumn: Int?
    private let lastPageColumn: Int?
    private let choices: [Int: (question: String, choice: String)]
    package let notes: [String]

    package init(head: [[String]], file: String) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        let data = Array(head.dropFirst(generic.headerRows).prefix(200))
        var choices: [Int: (String, String)] = [:]
        var codes = 0
        columns = generic.columns.map { column in
            var column = column
            switch column.header.lowercased() {
            case "id", "response id": column.role = .sourceID
            case "submitdate", "date submitted": column.role = .submitTime
            case "startdate", "date started": column.role = .startTime
            case "ipaddr", "ip address": column.role = .identifier(.ipAddress)
            case "datestamp", "date last action", "lastpage", "last page", "startlanguage", "start language", "seed", "refurl", "referrer url",
                "token":
                column.role = .metadata
            default:
                guard column.role == .question else { break }
                let answers = data.compactMap { column.index < $0.count ? $0[column.index].trimmingSpaces() : nil }.filter { !$0.isEmpty }
                if column.header.hasSuffix("]"), let open = column.header.lastIndex(of: "["), !answers.isEmpty, answers.allSatisfy({ $0 == "Y" }) {
                    choices[column.index] = (
                        String(column.header[..<open]),
                        String(column.header[column.header.index(after: open)..<column.header.index(before: column.header.endIndex)])
                    )
                }
                if !answers.isEmpty, answers.allSatisfy({ LimeSurveyDialect.isAnswerCode($0) }) { codes += 1 }
            }
            return column
        }
        self.choices = choices
        submitColumn = columns.first { $0.role == .submitTime }?.index
        lastPageColumn = columns.first { ["lastpage", "last page"].contains($0.header.lowercased()) }?.index
        notes =
            codes > 0
            ? [
                "\(codes) column\(codes == 1 ? " holds" : "s hold") LimeSurvey answer codes (A1, A2…), not labels: "
                    + "export with 'Full answers', or name the codes in a map file (labels: {\"A1\": 1})."
            ] : []
    }

    static func isAnswerCode(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter, text.count <= 6 else { return false }
        return text.dropFirst().allSatisfy(\.isNumber) && text.count > 1 || text.hasPrefix("AO")
    }

    package var dateOrder: DateOrder { .yearFirst }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { choices[index] }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        guard let submitColumn else { return .complete }
        guard submitColumn >= record.count || record[submitColumn].trimmedSpaces().isEmpty else { return .complete }
        var page = ""
        if let lastPageColumn, lastPageColumn < record.count {
            let text = String(decoding: record[lastPageColumn].trimmedSpaces(), as: UTF8.self)
            if Int(text) != nil { page = " (last page \(text))" }
        }
        return .partial("not submitted\(page)")
    }
}
