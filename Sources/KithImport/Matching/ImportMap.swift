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
///   "missingLabels": ["Prefer not to say"]
/// }
/// ```
/// A column is named by its header text, or by `#N` (1-based position); `null`
/// ignores it. Labels apply to one item id, or to every item with `"*"`.
public struct ImportMap: Sendable {
    public var file: String
    public var columns: [String: String?]
    public var labels: [String: [String: Int]]
    public var missingCodes: Set<Int>
    public var missingLabels: [String]

    public init(file: String = "map", columns: [String: String?] = [:], labels: [String: [String: Int]] = [:],
                missingCodes: Set<Int> = [], missingLabels: [String] = []) {
        self.file = file
        self.columns = columns
        self.labels = labels
        self.missingCodes = missingCodes
        self.missingLabels = missingLabels
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
        for key in root.keys where !["columns", "labels", "missingCodes", "missingLabels", "$comment"].contains(key) {
            throw ImportError.map(path: path, "unknown key '\(key)'; expected columns, labels, missingCodes, missingLabels")
        }
        if let columns = root["columns"] {
            guard let columns = columns as? [String: Any] else { throw ImportError.map(path: path, "columns: expected an object of header → item id") }
            for (header, target) in columns {
                if target is NSNull { map.columns[header] = .some(nil) }
                else if let id = target as? String { map.columns[header] = .some(id) }
                else { throw ImportError.map(path: path, "columns.\(header): expected an item id or null") }
            }
        }
        if let labels = root["labels"] {
            guard let labels = labels as? [String: Any] else { throw ImportError.map(path: path, "labels: expected an object of item id → {label: code}") }
            for (item, pairs) in labels {
                guard let pairs = pairs as? [String: Any] else { throw ImportError.map(path: path, "labels.\(item): expected an object of label → code") }
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

    /// Extra labels for an item (its own and the `"*"` ones).
    func extraLabels(for item: String) -> [String: Int] {
        (labels["*"] ?? [:]).merging(labels[item] ?? [:]) { _, own in own }
    }
}
