/// What a column of a source file holds, apart from answers.
public enum ColumnRole: Sendable, Hashable, CustomStringConvertible {
    /// The tool's id of the response (Respondent ID, ResponseId, `_id`…).
    case sourceID
    /// The id of the person answering, stable across waves (Client ID, record_id…).
    case person
    /// The wave or time point (baseline / follow-up; REDCap event).
    case wave
    case startTime
    case submitTime
    /// The tool's own status column (e.g. Qualtrics `Status`, LimeSurvey `submitdate`).
    case status
    /// Percentage of the questionnaire completed.
    case progress
    /// Whether the respondent finished (Qualtrics `Finished`, REDCap `<form>_complete`).
    case finished
    /// A direct identifier, dropped at import unless kept on purpose.
    case identifier(IdentifierKind)
    /// Tool bookkeeping with no analytic use (Collector ID, seed, ImportId…).
    case metadata
    /// A question: an instrument item if matched, otherwise one of the file's own questions.
    case question

    public var description: String {
        switch self {
        case .sourceID: "response id"
        case .person: "person id"
        case .wave: "wave"
        case .startTime: "start time"
        case .submitTime: "submit time"
        case .status: "status"
        case .progress: "progress"
        case .finished: "finished"
        case .identifier(let kind): "direct identifier (\(kind.rawValue))"
        case .metadata: "tool metadata"
        case .question: "question"
        }
    }
}

/// Kinds of direct identifier.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable {
    case email, name, ipAddress = "ip-address", phone, postcode, location
}

/// One column of a source file as its dialect reads it.
public struct SourceColumn: Sendable, Hashable {
    /// 0-based position.
    public var index: Int
    /// The header text used for matching (for multi-row headers, composed: "Stem - Row label").
    public var header: String
    public var role: ColumnRole

    public init(index: Int, header: String, role: ColumnRole) {
        self.index = index
        self.header = header
        self.role = role
    }
}

/// Whether a data row is a response to score.
public enum ResponseStatus: Sendable, Hashable, CustomStringConvertible {
    case complete
    /// Started but not finished (still scored: each scale says what is missing).
    case partial(String)
    /// Not a response (a preview, a test, a blank row): not scored.
    case excluded(String)

    public var name: String {
        switch self {
        case .complete: "complete"
        case .partial: "partial"
        case .excluded: "excluded"
        }
    }

    public var reason: String? {
        switch self {
        case .complete: nil
        case .partial(let reason), .excluded(let reason): reason
        }
    }

    public var isExcluded: Bool { if case .excluded = self { true } else { false } }

    public var description: String { reason.map { "\(name) (\($0))" } ?? name }
}
