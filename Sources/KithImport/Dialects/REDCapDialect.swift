import Foundation
import KithCore

/// A REDCap data dictionary (the project's codebook, "Data Dictionary" download):
/// each field's form, type, label and choices (`1, Label | 2, Label`).
package struct REDCapDictionary: Sendable {
    package struct Field: Sendable {
        package var name: String
        package var form: String
        package var type: String
        /// The field label without HTML.
        package var label: String
        /// Code → label for radio, dropdown, checkbox, yesno and truefalse fields.
        package var choices: [(code: String, label: String)]
        package var validation: String
        package var identifier: Bool
    }

    package var path: String
    package var fields: [String: Field]
    package var order: [String]

    /// Reads a data dictionary file.
    package static func load(path: String) throws -> REDCapDictionary {
        var reader = try CSVReader(path: path, displayName: path)
        let rows = try reader.readRows(limit: 100_000)
        guard let header = rows.first, TextKey(header.first ?? "").value == "variable field name" else {
            throw ImportError.unusable(file: path, reason: .notADataDictionary)
        }
        var dictionary = REDCapDictionary(path: path, fields: [:], order: [])
        for row in rows.dropFirst() where row.count >= 5 && !row[0].trimmingSpaces().isEmpty {
            func cell(_ index: Int) -> String { index < row.count ? row[index].trimmingSpaces() : "" }
            let type = cell(3).lowercased()
            var choices: [(String, String)] = []
            switch type {
            case "yesno": choices = [("1", "Yes"), ("0", "No")]
            case "truefalse": choices = [("1", "True"), ("0", "False")]
            case "radio", "dropdown", "checkbox":
                for part in cell(5).components(separatedBy: "|") {
                    guard let comma = part.firstIndex(of: ",") else { continue }
                    let code = part[..<comma].trimmingCharacters(in: .whitespaces)
                    let label = REDCapDictionary.plain(String(part[part.index(after: comma)...]))
                    if !code.isEmpty { choices.append((code, label)) }
                }
            default: break
            }
            let field = Field(
                name: cell(0), form: cell(1), type: type, label: REDCapDictionary.plain(cell(4)), choices: choices,
                validation: cell(7).lowercased(), identifier: cell(10).lowercased() == "y")
            dictionary.fields[field.name] = field
            dictionary.order.append(field.name)
        }
        return dictionary
    }

    /// A label without HTML tags and surrounding spaces.
    static func plain(_ text: String) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return result.trimmingSpaces()
    }

    /// A data dictionary saved beside an export: `NAME-dictionary.csv`, `NAME_dictionary.csv`,
    /// `NAME_DataDictionary.csv`, or REDCap's own `PROJECT_DataDictionary_….csv` beside `PROJECT_DATA_….csv`.
    package static func besideExport(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let stem = url.deletingPathExtension().lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for candidate in ["\(stem)-dictionary.csv", "\(stem)_dictionary.csv", "\(stem)_DataDictionary.csv", "\(stem)-DataDictionary.csv"]
        where names.contains(candidate) {
            return directory + "/" + candidate
        }
        if let range = stem.range(of: "_DATA") {
            let project = stem[..<range.lowerBound]
            if let found = names.sorted().last(where: { $0.hasPrefix("\(project)_DataDictionary") && $0.lowercased().hasSuffix(".csv") }) {
                return directory + "/" + found
            }
        }
        return nil
    }
}

/// REDCap records export (CSV, raw codes or labels), classic or longitudinal.
///
/// `record_id` first (the person; with the event it keys the row),
/// `redcap_event_name` as the wave in longitudinal projects (`baseline_arm_1` →
/// `baseline`), `redcap_repeat_instrument`/`_instance`, `<form>_timestamp`
/// (`[not completed]` for a survey started but not submitted) and
/// `<form>_complete` (0 incomplete → partial, 1 unverified, 2 complete);
/// checkboxes as `field___code` (1/0). Raw codes are read through the data
/// dictionary (`--dictionary`, or one saved beside the export).
package struct REDCapDialect: Dialect {
    package static let name = "redcap"
    package static let title = "REDCap"
    package var unfinishedTime: String? { "[not completed]" }

    package static func recognise(_ head: [[String]]) -> Int? {
        guard let first = head.first else { return nil }
        let names = first.map { $0.trimmingSpaces() }
        if names.contains("redcap_event_name") || names.contains("redcap_repeat_instrument") || names.contains("redcap_survey_identifier") {
            return 90
        }
        if names.first == "record_id", names.contains(where: { $0.hasSuffix("_complete") }) { return 80 }
        return nil
    }

    package let headerRows: Int
    package let columns: [SourceColumn]
    package let dictionary: REDCapDictionary?
    package let notes: [String]
    private let recordColumn: Int
    private let completeColumns: [(index: Int, form: String)]
    private let codes: [Int: [String: String]]
    private let choices: [Int: (question: String, choice: String)]

    package init(head: [[String]], file: String) throws {
        try self.init(head: head, file: file, dictionary: nil, found: false)
    }

    package static func make(head: [[String]], file: String, options: SourceOptions) throws -> REDCapDialect {
        guard let path = options.dictionary else { return try REDCapDialect(head: head, file: file) }
        return try REDCapDialect(head: head, file: file, dictionary: REDCapDictionary.load(path: path), found: options.dictionaryWasFound)
    }

    init(head: [[String]], file: String, dictionary: REDCapDictionary?, found: Bool) throws {
        let generic = try GenericDialect(head: head, file: file)
        headerRows = generic.headerRows
        let names = generic.columns.map(\.header)
        var notes: [String] = []
        var dictionary = dictionary
        if let loaded = dictionary {
            let known = names.filter { name in loaded.fields[name] != nil || loaded.fields[String(name.split(separator: "___").first ?? "")] != nil }
            if known.count * 2 < names.filter({ !$0.hasPrefix("redcap_") }).count {
                notes.append("The data dictionary \(loaded.path) names only \(known.count) of the \(names.count) columns; it was not used.")
                dictionary = nil
            } else {
                notes.append(
                    "Codes and field labels read from the data dictionary "
                        + "\((loaded.path as NSString).lastPathComponent)\(found ? " (found beside the export)" : "")."
                )
            }
        } else {
            notes.append(
                "No REDCap data dictionary: columns are matched by field name and codes read as the instruments' codes. "
                    + "Give the project's data dictionary to read them as its labels."
            )
        }
        self.dictionary = dictionary
        recordColumn = dictionary?.order.first.flatMap { names.firstIndex(of: $0) } ?? 0
        var completes: [(Int, String)] = []
        var codes: [Int: [String: String]] = [:]
        var choices: [Int: (String, String)] = [:]
        let timestampIndexes = names.indices.filter { names[$0].hasSuffix("_timestamp") }
        var columns: [SourceColumn] = []
        for (index, name) in names.enumerated() {
            var role: ColumnRole = .question
            var header = name
            if index == recordColumn {
                role = .person
            } else if name == "redcap_event_name" {
                role = .wave
            } else if name.hasPrefix("redcap_") {
                role = .metadata
            } else if name.hasSuffix("_complete"), dictionary?.fields[name] == nil {
                role = .metadata
                completes.append((index, String(name.dropLast("_complete".count))))
            } else if name.hasSuffix("_timestamp"), dictionary?.fields[name] == nil {
                role = index == timestampIndexes.last ? .submitTime : .metadata
            } else if let separator = name.range(of: "___") {
                let field = String(name[..<separator.lowerBound])
                let code = String(name[separator.upperBound...])
                let definition = dictionary?.fields[field]
                let label = definition?.choices.first { $0.code == code }?.label ?? code
                header = "\(definition?.label ?? field) - \(label)"
                choices[index] = (definition?.label ?? field, label)
            } else if let field = dictionary?.fields[name] {
                header = field.label.isEmpty ? name : field.label
                if field.identifier {
                    role =
                        field.validation.contains("email")
                        ? .identifier(.email) : field.validation.contains("phone") ? .identifier(.phone) : .identifier(.name)
                }
                if !field.choices.isEmpty { codes[index] = Dictionary(field.choices.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a }) }
                if field.type == "descriptive" { role = .metadata }
            }
            columns.append(SourceColumn(index: index, header: header, role: role, name: header == name ? nil : name))
        }
        self.columns = columns
        self.completeColumns = completes
        self.codes = codes
        self.choices = choices
        self.notes = notes
    }

    package func standardColumn(_ role: ColumnRole) -> Int? {
        role == .sourceID ? recordColumn : columns.first { $0.role == role }?.index
    }

    package func wave(_ text: String) -> String {
        var event = text
        if let arm = event.range(of: "_arm_", options: .backwards), event[arm.upperBound...].allSatisfy(\.isNumber) {
            event = String(event[..<arm.lowerBound])
        }
        return WaveName.normalise(event)
    }

    package var dateOrder: DateOrder { .yearFirst }
    package func choiceColumn(_ index: Int) -> (question: String, choice: String)? { choices[index] }
    package func codeLabels(ofColumn index: Int) -> [String: String]? { codes[index] }

    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        for (index, form) in completeColumns where index < record.count {
            let bytes = record[index].trimmedSpaces()
            if bytes.count == 1, bytes[0] == 0x30 { return .partial("form '\(form)' incomplete") }
        }
        return .complete
    }
}
