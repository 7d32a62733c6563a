import KithCore
import KithStatistics

/// A survey's summary, computed and protected, ready for any renderer: every
/// count is already under the disclosure policy, every percentage and interval
/// already computed from the counts shown. Renderers only lay it out.
public struct SurveySummary: Sendable {
    public var survey: String
    public var kind: SurveyKind
    public var wave: String?
    public var policy: DisclosurePolicy
    public var response: ResponseFigures
    /// Sentences in the style of council reports, e.g. "97 people (37%, 95% CI 32% to 43%) said …".
    public var headlines: [String]
    public var questions: [QuestionTable]
    public var scales: [ScaleSummary]
    public var breakdowns: [Breakdown]
    /// Things a reader must be told (bases, partial responses left out, small cells).
    public var notes: [String]
    /// Licence notices of the instruments that need one with their results.
    public var notices: [String]
}

/// A percentage (0–100) with its 95% interval (0–100).
public struct Percentage: Sendable, Hashable {
    public var value: Double
    public var lower: Double
    public var upper: Double
    package init(value: Double, lower: Double, upper: Double) {
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}

/// Who was asked and who answered.
public struct ResponseFigures: Sendable {
    /// How many people were sent the survey, when known.
    public var invited: Int?
    /// Complete responses: the base of every table.
    public var complete: ShownCount
    public var partial: ShownCount
    /// Complete and partial responses.
    public var responses: ShownCount
    /// Complete responses as a percentage of those invited (Wilson interval).
    public var rate: Percentage?
}

/// One option's row of a question table.
public struct OptionRow: Sendable, Hashable {
    public var label: String
    public var count: ShownCount
    /// Of every respondent (the base).
    public var ofRespondents: Percentage?
    /// Of those who answered the question.
    public var ofAnswered: Percentage?
    /// Multi-select: of all choices made.
    public var ofResponses: Double?
}

/// n, mean and median of a number question.
public struct NumberFigures: Sendable, Hashable {
    public var n: ShownCount
    public var mean: Double?
    public var median: Double?
}

/// A question's table.
public struct QuestionTable: Sendable {
    public var id: String
    public var text: String
    public var kind: QuestionKind
    /// Every respondent (complete responses).
    public var base: ShownCount
    public var answered: ShownCount
    public var noAnswer: ShownCount
    /// Instrument items: answers that are not an option.
    public var unreadable: ShownCount?
    public var options: [OptionRow]
    /// Agreement scales: strongly agree + tend to agree.
    public var topTwo: OptionRow?
    /// Multi-select: choices made in all.
    public var choices: ShownCount?
    public var number: NumberFigures?
    /// Why the table is not shown in full (too few people), if it is not.
    public var withheld: String?
}

/// A scale's scores.
public struct ScaleSummary: Sendable {
    public var id: String
    public var title: String
    /// Respondents with a score (complete, prorated or an answered sum).
    public var scored: ShownCount
    /// Respondents without a score: items missing.
    public var incomplete: ShownCount
    /// Respondents without a score: an answer that is not an option.
    public var invalid: ShownCount
    public var statistics: ScaleStatistics?
    /// Why the statistics are not shown, if they are not.
    public var withheld: String?
    public var classifications: [ClassificationTable]
    /// The single-item scale's headline (e.g. % Often/always) beside its benchmark.
    public var headline: HeadlineFigure?
    /// The instrument's licence notice, when it must accompany results.
    public var notice: String?
    /// A single-item scale reports its options' table as a question instead of a mean.
    public var singleItem: Bool
    /// The published mean the scale's mean is read beside (e.g. an ONS4 national mean), if any.
    package var meanBenchmark: BenchmarkFigure?
}

public struct ScaleStatistics: Sendable, Hashable {
    public var mean: Double
    public var sd: Double?
    public var lower: Double?
    public var upper: Double?
    public var median: Double
    public var lowerQuartile: Double
    public var upperQuartile: Double
    public var minimum: Double
    public var maximum: Double
}

/// Scores in the bands of a named classification.
public struct ClassificationTable: Sendable {
    public var id: String
    public var title: String
    /// `official`, `convention` or `study`.
    public var status: String
    public var source: String
    /// Percentages are of those scored.
    public var bands: [OptionRow]
}

/// A headline proportion and the benchmark it is read against.
public struct HeadlineFigure: Sendable {
    public var label: String
    public var statement: String
    public var count: ShownCount
    public var ofRespondents: Percentage?
    public var ofAnswered: Percentage?
    public var respondents: ShownCount
    public var answered: ShownCount
    public var source: String
    public var benchmark: BenchmarkFigure?
}

public struct BenchmarkFigure: Sendable, Hashable {
    public var value: Double
    public var period: String
    public var area: String
    public var survey: String
    public var population: String?
    public var source: String
}

/// Tables and means broken down by one column.
public struct Breakdown: Sendable {
    /// The column, as named (`provider`, `wave`, or a question's text).
    public var by: String
    public var tables: [CrossTable]
    public var means: [GroupMeans]
}

/// A question's answers by group, with a test of independence.
public struct CrossTable: Sendable {
    public var question: String
    public var text: String
    public var groups: [String]
    public var options: [String]
    /// cells[group][option].
    public var cells: [[ShownCount]]
    public var groupTotals: [ShownCount]
    public var optionTotals: [ShownCount]
    public var total: ShownCount
    /// Row percentages (of the group's answers), from the counts shown.
    public var rowPercents: [[Double?]]
    public var test: IndependenceTest?
    public var withheld: String?
}

public struct IndependenceTest: Sendable, Hashable {
    public var chiSquare: Double
    public var degreesOfFreedom: Int
    public var pValue: Double
    /// Expected counts too small for the chi-square approximation (Cochran 1954).
    public var doubtful: Bool
    public var smallestExpected: Double
    /// Fisher's exact test (Freeman–Halton for r×c), when the approximation is doubtful.
    public var fisherP: Double?
    public var note: String?
}

/// A scale's mean in each group, with Welch's ANOVA.
public struct GroupMeans: Sendable {
    public var scale: String
    public var title: String
    public var groups: [GroupMean]
    public var welch: WelchFigures?
    public var note: String?
}

public struct GroupMean: Sendable, Hashable {
    public var group: String
    public var n: ShownCount
    public var mean: Double?
    public var sd: Double?
    public var lower: Double?
    public var upper: Double?
}

public struct WelchFigures: Sendable, Hashable {
    public var f: Double
    public var numeratorDF: Double
    public var denominatorDF: Double
    public var pValue: Double
}
