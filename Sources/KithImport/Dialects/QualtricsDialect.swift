import Foundation
import KithCore

/// Qualtrics CSV/TSV export (2017 on), choice text or numeric values.
///
/// Three header rows: export tags (`StartDate`, `Q3_1`), question text
/// (`<question> - <row>` for matrix rows, `- Selected Choice` / `- Text` for
/// text-entry options), and `{"ImportId":"QID3_1"}` JSON (dates carry a
/// `timeZone`). Exports without the ImportId row have two. `Status` marks
/// previews, tests and spam (text or numeric); `Finished` false/0 is a partial
/// response. Numeric exports carry the designer's recode values (need not be
/// 1..n: name them with `--map`); `-99` (and `-999` for multi-value fields) is
/// "seen but not answered".
package struct QualtricsDialect: Dialect {
    package static let name = "qualtrics"
    package static let title = "Qualtrics"

    static let metadataTags: Set<String> = [
        "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
        "RecordedDate", "ResponseId", "ResponseID", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
        "ExternalReference", "ExternalDataReference", "LocationLatitude", "LocationLongitude",
        "DistributionChannel", "UserLanguage"
    ]

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first else { return nil }
        let tags = Set(first.map { $0.trimmingSpaces() })
        let known = tags.intersection(metadataTags).count
        if head.count >= 3, head[2].contains(where: { $0.trimmingSpaces().hasPrefix("{\"ImportId\"") }) { return 95 }
        guard known >= 4, tags.contains("ResponseId") || tags.contains("ResponseID") else { return nil }
        return 80
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let statusColumn: Int?
    private let finishedColumn: Int?
    private let progressColumn: Int?
    private let zones: [Int: String]
    package let notes: [String]

    package init(head: [[String]], file: String) throws {
        guard head.count >= 2 else {
            throw ImportError.malformed(
                file: file, line: 2, column: nil, expected: "the question-text header row (Qualtrics exports have three header rows, older ones two)")
        }
        let tags = head[0].map { $0.trimmingSpaces() }
        let texts = head[1]
        let hasImportRow = head.count >= 3 && head[2].contains { $0.trimmingSpaces().hasPrefix("{\"ImportId\"") }
        headerRows = hasImportRow ? 3 : 2
        var zones: [Int: String] = [:]
        if hasImportRow {
            for (index, cell) in head[2].enumerated() {
                guard let data = cell.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let zone = object["timeZone"] as? String
                else { continue }
                zones[index] = zone
            }
        }
        self.zones = zones
        var columns: [SourceColumn] = []
        for index in 0..<max(tags.count, texts.count) {
            let tag = index < tags.count ? tags[index] : ""
            var text = index < texts.count ? texts[index].trimmingSpaces() : ""
            let role: ColumnRole
            switch tag {
            case "StartDate": role = .startTime
            case "EndDate": role = .submitTime
            case "Status": role = .status
            case "Progress": role = .progress
            case "Finished": role = .finished
            case "ResponseId", "ResponseID": role = .sourceID
            case "IPAddress": role = .identifier(.ipAddress)
            case "RecipientEmail": role = .identifier(.email)
            case "RecipientFirstName", "RecipientLastName": role = .identifier(.name)
            case "LocationLatitude", "LocationLongitude": role = .identifier(.location)
            case "Duration (in seconds)", "RecordedDate", "ExternalReference", "ExternalDataReference", "DistributionChannel", "UserLanguage", "":
                role = .metadata
            default:
                role = StandardHeaders.role(of: tag) == .question ? .question : StandardHeaders.role(of: tag)
            }
            // "Question - Selected Choice" is the choice column of a question with a text-entry option.
            for suffix in [" - Selected Choice"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
            if text.isEmpty { text = tag }
            columns.append(
                SourceColumn(
                    index: index, header: role == .question ? text : (tag.isEmpty ? text : tag), role: role,
                    name: role == .question && !tag.isEmpty ? tag : nil))
        }
        self.columns = StandardHeaders.keepFirst(columns)
        statusColumn = columns.first { $0.role == .status }?.index
        finishedColumn = columns.first { $0.role == .finished }?.index
        progressColumn = columns.first { $0.role == .progress }?.index
        var notes: [String] = []
        if !hasImportRow { notes.append("Two header rows (export tags, question text): an export without the ImportId row.") }
        if let zone = zones.values.first { notes.append("Dates are in \(zone) (named in the ImportId row); times are given with that offset.") }
        self.notes = notes
    }

    package var missingCodes: Set<Int> { [-99, -999] }
    package var dateOrder: DateOrder { .yearFirst }
    package func timeZone(ofColumn index: Int) -> String? { zones[index] }
    package var multiSelectSeparator: String? { "," }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        if let statusColumn, statusColumn < record.count {
            let status = String(decoding: record[statusColumn].trimmedSpaces(), as: UTF8.self)
            if let excluded = QualtricsDialect.exclusion(status) { return .excluded(excluded) }
        }
        if let finishedColumn, finishedColumn < record.count {
            let finished = String(decoding: record[finishedColumn].trimmedSpaces(), as: UTF8.self).lowercased()
            if finished == "false" || finished == "0" {
                var progress = ""
                if let progressColumn, progressColumn < record.count {
                    let text = String(decoding: record[progressColumn].trimmedSpaces(), as: UTF8.self)
                    if Int(text) != nil { progress = " (progress \(text)%)" }
                }
                return .partial("not finished\(progress)")
            }
        }
        return .complete
    }

    /// Why a `Status` value is not a response (text or numeric export), or nil for responses.
    static func exclusion(_ status: String) -> String? {
        switch status.lowercased() {
        case "survey preview", "1", "offline survey preview", "17": "survey preview"
        case "survey test", "test", "2": "survey test"
        case "spam", "8", "9", "12": "spam"
        default: nil
        }
    }
}
