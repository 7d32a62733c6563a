/// What kind of answers a question holds: how a reader classified one of a file's columns,
/// how the store keeps it, and how a summary tabulates it. One type for every module.
///
/// The raw values are the names stored and printed (`"multi-select"`); other programs read them.
public enum QuestionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// An instrument item, answered with one of its options.
    case item
    /// One answer from a short list.
    case singleChoice = "single-choice"
    /// A single choice on an agree–disagree scale (a summary's own refinement of single choice).
    case agreement
    /// Several answers: joined in one cell, or one column per choice.
    case multiSelect = "multi-select"
    /// Numbers.
    case number
    /// Free text: possibly identifying, never printed by inspection.
    case freeText = "free-text"
    /// A direct identifier asked as a question (name, e-mail, phone, postcode, address, date of birth).
    case identifier
    /// No answer in the rows looked at.
    case empty
}

/// Kinds of survey: what the summaries and comparisons expect of it.
public enum SurveyKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A standing panel of residents, sent each survey (the response rate is of the panel).
    case citizensPanel = "citizens-panel"
    /// An open e-survey.
    case eSurvey = "e-survey"
    /// A service's outcome measurements (baseline and follow-up waves, providers).
    case serviceOutcomes = "service-outcomes"
}
