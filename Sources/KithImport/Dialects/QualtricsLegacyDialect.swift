import Foundation
import KithCore

/// Qualtrics exports from before 2017: `V1..V10` tags over the metadata in row 1,
/// names (`ResponseID`, `Status`, `Finished`…) and question text
/// (`<question>-<row>`) in row 2, and a trailing comma on every line.
package struct QualtricsLegacyDialect: Dialect {
    package static let name = "qualtrics-legacy"
    package static let title = "Qualtrics (legacy export, before 2017)"

    package static func recognise(_ head: [[String]]) -> Int? {
        guard head.count >= 2, let first = head.first, first.count >= 10 else { return nil }
        guard (1...10).allSatisfy({ first[$0 - 1].trimmingSpaces() == "V\($0)" }) else { return nil }
        return head[1].contains("ResponseID") ? 95 : 70
    }

    package let headerRows = 2
    package let columns: [SourceColumn]
    private let statusColumn: Int?
    private let finishedColumn: Int?

    package init(head: [[String]], file: String) throws {
        guard head.count >= 2 else {
            throw ImportError.malformed(file: file, line: 2, column: nil, expected: "the second header row of a legacy Qualtrics export")
        }
        let names = head[1]
        var columns: [SourceColumn] = []
        for index in 0..<max(head[0].count, names.count) {
            let name = index < names.count ? names[index].trimmingSpaces() : ""
            let role: ColumnRole
            switch name {
            case "ResponseID": role = .sourceID
            case "StartDate": role = .startTime
            case "EndDate": role = .submitTime
            case "Status": role = .status
            case "Finished": role = .finished
            case "IPAddress": role = .identifier(.ipAddress)
            case "EmailAddress": role = .identifier(.email)
            case "Name": role = .identifier(.name)
            case "LocationLatitude", "LocationLongitude": role = .identifier(.location)
            case "ResponseSet", "ExternalDataReference", "LocationAccuracy", "": role = .metadata
            default: role = .question
            }
            let tag = index < head[0].count ? head[0][index].trimmingSpaces() : ""
            columns.append(
                SourceColumn(
                    index: index, header: role == .question ? QualtricsLegacyDialect.splitStem(name) : name, role: role,
                    name: role == .question && !tag.isEmpty ? tag : nil))
        }
        self.columns = StandardHeaders.keepFirst(columns)
        statusColumn = columns.first { $0.role == .status }?.index
        finishedColumn = columns.first { $0.role == .finished }?.index
    }

    /// "Stem-Statement" (no spaces around the dash) → "Stem - Statement".
    static func splitStem(_ text: String) -> String {
        guard !text.contains(" - "), let dash = text.lastIndex(of: "-"), dash > text.startIndex else { return text }
        let before = text[text.index(before: dash)]
        let after = text.index(after: dash) < text.endIndex ? text[text.index(after: dash)] : " "
        guard before != " ", after != " ", before.isPunctuation || before.isLetter, after.isUppercase else { return text }
        return "\(text[..<dash]) - \(text[text.index(after: dash)...])"
    }

    package var missingCodes: Set<Int> { [-99, -999] }
    package var dateOrder: DateOrder { .yearFirst }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        if let statusColumn, statusColumn < record.count,
            let excluded = QualtricsDialect.exclusion(String(decoding: record[statusColumn].trimmedSpaces(), as: UTF8.self))
        {
            return .excluded(excluded)
        }
        if let finishedColumn, finishedColumn < record.count {
            let finished = String(decoding: record[finishedColumn].trimmedSpaces(), as: UTF8.self).lowercased()
            if finished == "0" || finished == "false" { return .partial("not finished") }
        }
        return .complete
    }
}
