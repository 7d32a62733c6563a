/// Why a change or comparison report cannot be made. Descriptions name waves,
/// scales and providers, never respondents' answers.
public enum OutcomeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A wave the survey does not have; `known` lists the waves it has.
    case unknownWave(String, known: [String])
    /// The baseline and follow-up name the same wave.
    case sameWave(String)
    /// The survey has no scored scale of the instruments asked for.
    case noScales(survey: String, asked: [String], stored: [String])
    /// A scale was asked for that the survey's responses were not scored on.
    case scaleNotStored(String, stored: [String])
    /// A comparison needs one scale that is a score (not a single question).
    case notAScore(String)
    /// A classification that the scale does not define.
    case unknownClassification(String, scale: String, known: [String])
    /// Nobody was measured at both waves (on the scale, when given).
    case noPairs(from: String, to: String, scale: String?)
    /// A comparison needs at least two providers with paired clients.
    case tooFewProviders(found: [String])
    /// Every provider's funnel-plot counts are withheld.
    case nothingToPlot(omitted: [String])

    public var description: String {
        switch self {
        case let .unknownWave(wave, known):
            return
                "no wave '\(wave)' in this survey; its waves are: "
                + "\(known.isEmpty ? "(none: the responses were imported without waves)" : known.joined(separator: ", "))"
        case let .sameWave(wave):
            return "the baseline and follow-up waves are both '\(wave)'; change is measured between two different waves"
        case let .noScales(survey, asked, stored):
            return
                "survey '\(survey)' has no scores\(asked.isEmpty ? "" : " of \(asked.joined(separator: ", "))"); its responses were scored on: "
                + "\(stored.isEmpty ? "nothing" : stored.joined(separator: ", "))"
        case let .scaleNotStored(scale, stored):
            return
                "the survey's responses were not scored on \(scale); they were scored on: "
                + "\(stored.isEmpty ? "nothing" : stored.joined(separator: ", "))"
        case let .notAScore(scale):
            return "\(scale) is a single question, not a score; compare a score such as ons-loneliness.ucla3 or swemwbs.metric"
        case let .unknownClassification(id, scale, known):
            return "\(scale) has no classification '\(id)'; its classifications are: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case let .noPairs(from, to, scale):
            return
                "nobody was measured at both '\(from)' and '\(to)'\(scale.map { " on \($0)" } ?? ""), so there is no change to report (people are "
                + "paired by their person id only)"
        case let .tooFewProviders(found):
            return
                "a comparison needs at least two providers with clients measured at both waves (and figures that may be shown); found "
                + "\(found.isEmpty ? "none" : found.joined(separator: ", "))"
        case let .nothingToPlot(omitted):
            return "no provider can be plotted: \(omitted.joined(separator: "; "))"
        }
    }
}
