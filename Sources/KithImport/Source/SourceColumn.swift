import KithCore

/// What a column of a source file holds, apart from answers.
package enum ColumnRole: Sendable, Hashable, CustomStringConvertible {
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

    package var description: String {
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
package enum IdentifierKind: String, Sendable, Hashable, CaseIterable {
    case email, name
    case ipAddress = "ip-address"
    case phone, postcode, location
}

/// One column of a source file as its dialect reads it.
package struct SourceColumn: Sendable, Hashable {
    /// 0-based position.
    package var index: Int
    /// The header text used for matching (for multi-row headers, composed: "Stem - Row label").
    package var header: String
    package var role: ColumnRole
    /// The tool's own name for the column where it differs from the header text
    /// (Qualtrics export tag `Q3_1`, REDCap field `ucla_1`); `--map` may use either.
    package var name: String?

    package init(index: Int, header: String, role: ColumnRole, name: String? = nil) {
        self.index = index
        self.header = header
        self.role = role
        self.name = name
    }
}

/// Whether a data row is a response to score.
package enum ResponseStatus: Sendable, Hashable, CustomStringConvertible {
    case complete
    /// Started but not finished (still scored: each scale says what is missing).
    case partial(String)
    /// Not a response (a preview, a test, a blank row): not scored.
    case excluded(String)

    package var name: String {
        switch self {
        case .complete: "complete"
        case .partial: "partial"
        case .excluded: "excluded"
        }
    }

    package var reason: String? {
        switch self {
        case .complete: nil
        case .partial(let reason), .excluded(let reason): reason
        }
    }

    package var isExcluded: Bool { if case .excluded = self { true } else { false } }

    package var description: String { reason.map { "\(name) (\($0))" } ?? name }
}

/// One of the file's own questions (a column that is neither an instrument
/// item nor a standard field), classified from the first rows.
package struct QuestionColumn: Sendable, Hashable {
    package var column: SourceColumn
    package var kind: QuestionKind
    /// Options seen (single choice, multi-select), in first-seen order; codes replaced by
    /// their labels where the export has a codebook. Empty for other kinds.
    package var options: [String]
    /// How choices are joined in one cell, for a joined multi-select.
    package var separator: String?
    /// For one-column-per-choice multi-selects: the question this column belongs to and its choice.
    package var question: String?
    package var choice: String?
    /// Free text and identifiers may name people: keep them out of shared reports.
    package var possiblyIdentifying: Bool
    /// Code → label from the export's codebook (REDCap dictionary), when there is one.
    package var codeLabels: [String: String]?

    package var index: Int { column.index }
    package var header: String { column.header }
    /// The tool's own name for the column (export tag, field name), where it has one.
    package var name: String? { column.name }

    package init(
        column: SourceColumn, kind: QuestionKind, options: [String] = [], separator: String? = nil, question: String? = nil,
        choice: String? = nil, possiblyIdentifying: Bool = false, codeLabels: [String: String]? = nil
    ) {
        self.column = column
        self.kind = kind
        self.options = options
        self.separator = separator
        self.question = question
        self.choice = choice
        self.possiblyIdentifying = possiblyIdentifying
        self.codeLabels = codeLabels
    }

    /// The choices a cell of a joined multi-select holds (splitting against the options
    /// seen, so options containing the separator stay whole); the cell itself otherwise.
    package func selections(_ cell: String) -> [String] {
        let trimmed = cell.trimmingSpaces()
        guard !trimmed.isEmpty else { return [] }
        if kind == .multiSelect, let choice {
            return ["0", "no", "false", "unchecked"].contains(trimmed.lowercased()) ? [] : [choice]
        }
        guard kind == .multiSelect, let separator else { return [codeLabels?[trimmed] ?? trimmed] }
        return MultiSelect.split(trimmed, separator: separator, known: options).map { codeLabels?[$0] ?? $0 }
    }
}

/// A date and time as the file gives it, and as ISO 8601.
package struct SourceTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// The text in the file.
    package var original: String
    /// `2026-03-15T09:16:33+01:00` when the file (or the tool's documentation) gives the
    /// offset, `2026-03-15T09:16:33` (local time, zone unknown) when not; nil when the text
    /// is not a date.
    package var iso8601: String?
    /// Seconds since 1970 (local times read as UTC), for ordering and duplicate windows.
    package var seconds: Int?
    /// Whether `iso8601` carries an offset.
    package var hasOffset: Bool

    package init(original: String, iso8601: String?, seconds: Int?, hasOffset: Bool) {
        self.original = original
        self.iso8601 = iso8601
        self.seconds = seconds
        self.hasOffset = hasOffset
    }

    package var description: String { iso8601 ?? original }
}
