import KithCore

/// KoboToolbox CSV export ("XML values and headers" or labels).
///
/// `;`-separated, every field quoted; headers `group/name`; choice *names*
/// (`hardly_ever_or_never`) rather than labels, read as labels once `_` is a space;
/// select_multiple as a space-separated summary column plus one `question/choice`
/// column of 1/0 per choice; system columns `_id`, `_uuid`, `_submission_time`
/// (UTC), `_validation_status` (not approved → excluded), `_status`,
/// `_submitted_by`, `__version__`, `_tags`, `_index`. An optional second header row
/// holds HXL hashtags.
package struct KoboDialect: Dialect {
    package static let name = "kobo"
    package static let title = "KoboToolbox"

    static let system: Set<String> = [
        "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
        "__version__", "_tags", "_index", "_xform_id_string", "meta/instanceID", "_parent_index",
        "_attachments", "_geolocation", "formhub/uuid", "meta/rootUuid", "meta/deprecatedID", "audit", "audit_URL"
    ]

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first else { return nil }
        let names = Set(first.map { $0.trimmingSpaces() })
        let system = names.intersection(KoboDialect.system).count
        guard names.contains("_uuid") || names.contains("_submission_time"), system >= 2 else { return nil }
        return 90
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let validationColumn: Int?
    private let choices: [Int: (question: String, choice: String)]

    package init(head: [[String]], file: String) throws {
        guard let first = head.first else { throw ImportError.unusable(file: file, reason: .noHeaderRow) }
        let hxl = head.count > 1 && head[1].contains { $0.hasPrefix("#") } && head[1].allSatisfy { $0.isEmpty || $0.hasPrefix("#") }
        headerRows = hxl ? 2 : 1
        let names = first.map { $0.trimmingSpaces() }
        let nameSet = Set(names)
        var choices: [Int: (String, String)] = [:]
        columns = names.enumerated().map { index, name in
            let role: ColumnRole
            switch name {
            case "start": role = .startTime
            case "end": role = .submitTime
            case "_id": role = .sourceID
            case "_validation_status": role = .status
            case "phonenumber": role = .identifier(.phone)
            case "_geolocation": role = .identifier(.location)
            case "today", "deviceid", "username", "simserial", "subscriberid", "": role = .metadata
            default:
                if KoboDialect.system.contains(name) || name.hasPrefix("_") && !name.contains("/") {
                    role = .metadata
                    break
                }
                role = StandardHeaders.role(of: name.split(separator: "/").last.map(String.init) ?? name)
                if let slash = name.lastIndex(of: "/"), nameSet.contains(String(name[..<slash])) {
                    choices[index] = (String(name[..<slash]), String(name[name.index(after: slash)...]))
                }
            }
            return SourceColumn(index: index, header: name, role: role)
        }
        self.choices = choices
        validationColumn = names.firstIndex(of: "_validation_status")
    }

    package var dateOrder: DateOrder { .yearFirst }
    package func timeZone(ofColumn index: Int) -> String? { columns[index].header == "_submission_time" ? "UTC" : nil }
    package var multiSelectSeparator: String? { " " }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { choices[index] }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        guard let validationColumn, validationColumn < record.count else { return .complete }
        let value = TextKey(String(decoding: record[validationColumn].trimmedSpaces(), as: UTF8.self)).value
        return value == "validation status not approved" || value == "not approved" ? .excluded("validation status: not approved") : .complete
    }
}
