/// CSV rows under a fixed header, each row built from named cells, so a value cannot slip
/// into the wrong column and a row need only name the columns it fills.
package struct CSVTable: Sendable {
    package let columns: [String]
    private let position: [String: Int]
    private var lines: [String]

    package init(columns: [String]) {
        self.columns = columns
        position = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        lines = [columns.map(TextFormat.csv).joined(separator: ",")]
    }

    /// Appends a row; columns it does not name are empty. A name outside the header is a
    /// programming error.
    package mutating func append(_ cells: KeyValuePairs<String, String>) {
        var row = [String](repeating: "", count: columns.count)
        for (name, value) in cells {
            guard let index = position[name] else { preconditionFailure("CSV column '\(name)' is not in the header") }
            row[index] = value
        }
        lines.append(row.map(TextFormat.csv).joined(separator: ","))
    }

    package var text: String { lines.joined(separator: "\n") + "\n" }

    /// One field as CSV writes it: quoted when it must be, a formula neutralised.
    package static func cell(_ text: String) -> String { TextFormat.csv(text) }

    /// A number as CSV writes it (whole numbers without a decimal point), or empty.
    package static func number(_ value: Double?) -> String { value.map(TextFormat.number) ?? "" }
}
