/// One respondent's answer to one item, as the scoring engine sees it.
///
/// A missing answer is never a zero and an answer that cannot be read is
/// never skipped: both stop a scale from being scored (unless a proration
/// policy allows a missing one) and both are reported.
public enum ItemAnswer: Sendable, Hashable {
    /// A valid option code.
    case code(Int)
    /// No answer.
    case missing(MissingReason)
    /// An answer that is not one of the item's options.
    case invalid(InvalidAnswer)

    public var code: Int? {
        if case .code(let code) = self { return code }
        return nil
    }
}

/// Why an answer is missing.
public enum MissingReason: Sendable, Hashable, CustomStringConvertible {
    /// The cell was empty.
    case blank
    /// A code the source uses for "no answer" (e.g. 9 on paper forms, -99 in Qualtrics).
    case missingCode(Int)
    /// A label the source uses for "no answer" (e.g. "Prefer not to say").
    case missingLabel
    /// The file has no column for the item.
    case notAsked

    public var description: String {
        switch self {
        case .blank: "blank"
        case .missingCode(let code): "missing code \(code)"
        case .missingLabel: "no-answer label"
        case .notAsked: "no column"
        }
    }
}

/// An answer that is not one of an item's options.
public struct InvalidAnswer: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A number that is not one of the item's codes.
        case outOfRange(Int)
        /// A number with a fraction, or too large.
        case notACode
        /// Text that matches no option label or alias.
        case unknownLabel
    }
    public var kind: Kind
    /// The answer as given. It is respondent data: it appears in per-row
    /// results the user asked for, never in logs or error messages.
    public var text: String

    public init(_ kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String {
        switch kind {
        case .outOfRange(let code): "code \(code) is not an option"
        case .notACode: "'\(text)' is not a whole-number code"
        case .unknownLabel: "unknown label '\(text)'"
        }
    }
}
