import KithCore

/// How a column was recognised as an item.
package enum MatchMethod: Sendable, Hashable, CustomStringConvertible {
    /// Named by the user's map file.
    case map
    /// The header is the item id (`ucla3_1`).
    case itemID
    /// The header is the item's wording.
    case wording
    /// The header is one of the item's aliases.
    case alias(String)
    /// The header is the item's theme phrase.
    case theme
    /// The header contains the item's theme phrase, and the answers are the item's options.
    case themeInHeader(String)
    /// A short field name whose every word is in the item's wording, theme or aliases
    /// (`left_out`, `Q4 Lonely`), and the answers are the item's options.
    case fieldName(String)

    package var description: String {
        switch self {
        case .map: "named in the map file"
        case .itemID: "item id"
        case .wording: "question wording"
        case .alias(let alias): "alias '\(alias)'"
        case .theme: "theme phrase"
        case .themeInHeader(let theme): "contains theme '\(theme)', answers fit"
        case .fieldName(let words): "field name '\(words)' in the item's wording, answers fit"
        }
    }

    /// Exact matches are trusted on the header alone; containment needs evidence.
    var isExact: Bool {
        switch self {
        case .themeInHeader, .fieldName: return false
        default: return true
        }
    }
}

/// A column recognised as an item.
package struct ColumnMatch: Sendable, Hashable {
    /// 0-based column index.
    package var column: Int
    package var header: String
    /// The item id (of the instrument chosen for the column).
    package var item: String
    package var instrument: String
    package var method: MatchMethod
}

/// The outcome of matching a file's columns to instrument items.
package struct ColumnMatching: Sendable {
    package var matches: [ColumnMatch]
    /// Instruments to score, in catalog order.
    package var instruments: [String]
    /// Columns whose header reads as more than one item.
    package var ambiguous: [(column: Int, header: String, items: [String])]
    /// Candidate matches set aside, with the reason (shown by `kith inspect`).
    package var rejected: [(column: Int, header: String, item: String, reason: String)]
    /// Columns that are not items (kept as the file's own questions).
    package var unmatched: [Int]
    /// Things the user should know: instruments not scored and why.
    package var notices: [String]

    package func match(forColumn column: Int) -> ColumnMatch? { matches.first { $0.column == column } }
}
