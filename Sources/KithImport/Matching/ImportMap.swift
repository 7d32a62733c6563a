import Foundation
import KithCore

/// The user's explicit instructions for a file (`--map FILE`): which column is
/// which item, extra answer labels, and codes or labels meaning "no answer".
///
/// ```json
/// {
///   "columns": {"Q1 Lonely?": "direct", "Staff notes": null, "#12": "ucla3_2"},
///   "labels": {"ucla3_1": {"Rarely": 1}, "*": {"Sometimes": 2}},
///   "missingCodes": [9, -99],
///   "missingLabels": ["Prefer not to say"],
///   "fields": {"person": "Client ref", "wave": "Visit"},
///   "exclude": {"Status": ["1", "8"]}
/// }
/// ```
/// A column is named by its header text, or by `#N` (1-based position); `null`
/// ignores it. Labels apply to one item id, or to every item with `"*"`; a label
/// may be a code the file writes (`{"0": 1}` recodes 0 to 1), checked before the
/// item's own codes. `fields` names the columns of standard fields (`id`,
/// `person`, `wave`); `exclude` drops rows whose cell in a column is one of the
/// values. Codes such as 9 or -99 that are not an item's options are read as
/// "no answer" and reported; `"conventionalMissingCodes": false` turns that off.
public struct ImportMap: Sendable {
    public var file: String
    public var columns: [String: String?]
    public var labels: [String: [String: Int]]
    public var missingCodes: Set<Int>
    public var missingLabels: [String]
    /// Standard field (`id`, `person`, `wave`) → column header (or `#N`).
    public var fields: [String: String]
    /// Column header (or `#N`) → cell values that exclude a row.
    public var exclude: [String: [String]]
    /// Whether 9 / 99 / -99… read as "no answer" where they are not an item's options.
    public var conventionalMissingCodes: Bool

    public static let fieldNames = ["id", "person", "wave"]

    public init(
        file: String = "map", columns: [String: String?] = [:], labels: [String: [String: Int]] = [:],
        missingCodes: Set<Int> = [], missingLabels: [String] = [], fields: [String: String] = [:],
        exclude: [String: [String]] = [:], conventionalMissingCodes: Bool = true
    ) {
        self.file = file
        self.columns = columns
        self.labels = labels
        self.missingCodes = missingCodes
        self.missingLabels = missingLabels
        self.fields = fields
        self.exclude = exclude
        self.conventionalMissingCodes = conventionalMissingCodes
    }

    /// Reads a map file.
    public static func load(path: String) throws -> ImportMap {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImportError.unreadable(file: path, reason: "no such file") }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ImportError.map(path: path, "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        guard let root = object as? [String: Any] else { throw ImportError.map(path: path, "expected a JSON object at the top") }
        var map = ImportMap(file: path)
        for key in root.keys.sorted()
        where !["columns", "labels", "missingCodes", "missingLabels", "fields", "exclude", "conventionalMissingCodes", "$comment"].contains(key) {
            throw ImportError.map(
                path: path, "unknown key '\(key)'; expected columns, labels, missingCodes, missingLabels, fields, exclude, conventionalMissingCodes")
        }
        if let fields = root["fields"] {
            guard let fields = fields as? [String: Any] else {
                throw ImportError.map(path: path, "fields: expected an object of field (id, person, wave) → column")
            }
            for (name, column) in fields {
                guard fieldNames.contains(name) else {
                    throw ImportError.map(path: path, "fields.\(name): unknown field; expected id, person or wave")
                }
                guard let column = column as? String else { throw ImportError.map(path: path, "fields.\(name): expected a column header") }
                map.fields[name] = column
            }
        }
        if let exclude = root["exclude"] {
            guard let exclude = exclude as? [String: Any] else {
                throw ImportError.map(path: path, "exclude: expected an object of column → [values]")
            }
            for (column, values) in exclude {
                guard let values = values as? [Any] else { throw ImportError.map(path: path, "exclude.\(column): expected an array of values") }
                map.exclude[column] = try values.map { value in
                    if let text = value as? String { return text }
                    if let number = value as? NSNumber { return number.stringValue }
                    throw ImportError.map(path: path, "exclude.\(column): expected strings or numbers")
                }
            }
        }
        if let flag = root["conventionalMissingCodes"] {
            guard let flag = flag as? Bool else { throw ImportError.map(path: path, "conventionalMissingCodes: expected true or false") }
            map.conventionalMissingCodes = flag
        }
        if let columns = root["columns"] {
            guard let columns = columns as? [String: Any] else {
                throw ImportError.map(path: path, "columns: expected an object of header → item id")
            }
            for (header, target) in columns {
                if target is NSNull {
                    map.columns[header] = .some(nil)
                } else if let id = target as? String {
                    map.columns[header] = .some(id)
                } else {
                    throw ImportError.map(path: path, "columns.\(header): expected an item id or null")
                }
            }
        }
        if let labels = root["labels"] {
            guard let labels = labels as? [String: Any] else {
                throw ImportError.map(path: path, "labels: expected an object of item id → {label: code}")
            }
            for (item, pairs) in labels {
                guard let pairs = pairs as? [String: Any] else {
                    throw ImportError.map(path: path, "labels.\(item): expected an object of label → code")
                }
                for (label, code) in pairs {
                    guard let number = code as? NSNumber, let value = Int(exactly: number.doubleValue) else {
                        throw ImportError.map(path: path, "labels.\(item).\(label): expected a whole-number code")
                    }
                    map.labels[item, default: [:]][label] = value
                }
            }
        }
        if let codes = root["missingCodes"] {
            guard let codes = codes as? [Any] else { throw ImportError.map(path: path, "missingCodes: expected an array of whole numbers") }
            for code in codes {
                guard let number = code as? NSNumber, let value = Int(exactly: number.doubleValue) else {
                    throw ImportError.map(path: path, "missingCodes: expected whole numbers")
                }
                map.missingCodes.insert(value)
            }
        }
        if let labels = root["missingLabels"] {
            guard let labels = labels as? [String] else { throw ImportError.map(path: path, "missingLabels: expected an array of strings") }
            map.missingLabels = labels
        }
        return map
    }

    /// The map's instruction for a column: `.some(id)`, `.some(nil)` to ignore it, or nil when the map says nothing.
    func column(header: String, index: Int) -> String?? {
        if let entry = columns["#\(index + 1)"] { return entry }
        if let entry = columns[header] { return entry }
        let key = TextKey(header)
        return columns.first { TextKey($0.key) == key }?.value
    }

    /// The column a map entry names (by header text, normalised, or `#N`).
    func columnIndex(_ name: String, _ dialect: any Dialect) -> Int? {
        if name.hasPrefix("#"), let number = Int(name.dropFirst()), number >= 1, number <= dialect.columns.count { return number - 1 }
        if let exact = dialect.columns.first(where: { $0.header == name }) { return exact.index }
        let key = TextKey(name)
        return dialect.columns.first { TextKey($0.header) == key }?.index
    }

    func field(_ name: String, _ dialect: any Dialect) -> Int? {
        if let column = fields[name], let named = dialect.columns.first(where: { $0.name == column }) { return named.index }
        return fields[name].flatMap { columnIndex($0, dialect) }
    }

    func exclusions(_ dialect: any Dialect) -> [(column: Int, values: [[UInt8]], reason: String)] {
        exclude.sorted { $0.key < $1.key }.compactMap { name, values in
            columnIndex(name, dialect).map { ($0, values.map { Array($0.utf8) }, "excluded by the map (column '\(name)')") }
        }
    }

    /// Extra labels for an item (its own and the `"*"` ones).
    func extraLabels(for item: String) -> [String: Int] {
        (labels["*"] ?? [:]).merging(labels[item] ?? [:]) { _, own in own }
    }
}
