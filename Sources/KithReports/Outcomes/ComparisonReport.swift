import KithCore
import KithStatistics

/// `kith compare`: the providers' outcomes on one score, raw and baseline-adjusted,
/// with a funnel plot. Built by `ComparisonBuilder`; every number a renderer prints is here.
public struct ComparisonReport: Sendable {
    public let survey: String
    public let from: String
    public let to: String
    public let policy: DisclosurePolicy
    public let scale: OutcomeScale
    /// One row per provider (sorted by name).
    public let providers: [ProviderOutcome]
    /// All providers together, but those in `leftOut`.
    public let all: ProviderOutcome
    /// Providers whose figures are withheld, left out of `all` (which would give them away).
    public let leftOut: [String]
    /// What the funnel plot counts, e.g. "improved: a change of 3 or more points (higher is better)".
    public let measure: FunnelMeasure
    /// Baseline-adjusted comparison; nil with `adjustedNote` when it cannot be fitted.
    public let adjusted: AdjustedComparison?
    public let adjustedNote: String?
    public let funnel: FunnelChart?
    public let funnelNote: String?
    public let notes: [String]
    public let licences: [String]
}

/// What a funnel plot's proportion is.
public struct FunnelMeasure: Sendable {
    /// Short name, e.g. "% improved" or "% no longer Lonely".
    public let name: String
    /// The rule in words.
    public let rule: String
    /// The denominator in words, e.g. "clients paired" or "clients Lonely at baseline".
    public let denominator: String
    /// The classification used, if any.
    public let classification: Classification?
}

/// One provider's raw outcomes (or everyone's).
public struct ProviderOutcome: Sendable {
    /// nil for everyone.
    public let provider: String?
    /// Clients with the score at baseline, of whom `paired` also at follow-up.
    public let baseline: ShownCount
    public let paired: ShownCount
    public let lost: ShownCount
    public let lostPercent: Double?
    /// Why the statistics are absent (disclosure control, too few people).
    public let withheld: String?
    public let baselineMean: Double?
    public let followUpMean: Double?
    /// Paired t test of follow-up − baseline: mean change and its interval.
    public let change: PairedTTest?
    public let changeNote: String?
    /// The funnel measure: events of denominator, and the percentage.
    public let events: ShownCount
    public let denominator: ShownCount
    public let percent: Double?
}

/// ANCOVA follow-up ~ baseline + provider on the paired clients.
public struct AdjustedComparison: Sendable {
    /// The model's coefficients (treatment coding; the first provider is the reference).
    public let coefficients: [Coefficient]
    /// Overall mean baseline at which follow-up means are adjusted.
    public let baselineMean: Double
    public let rows: [AdjustedRow]
    /// F test for a provider effect (the full model against follow-up ~ baseline).
    public let providerEffect: NestedFTest
    public let residualSD: Double
    public let count: Int

    public struct Coefficient: Sendable {
        public let name: String
        public let estimate: Double
        public let standardError: Double
        public let interval: ConfidenceInterval
        public let pValue: Double
    }
}

/// One provider's adjusted figures.
public struct AdjustedRow: Sendable {
    public let provider: String
    public let withheld: String?
    /// Follow-up mean adjusted to the overall baseline mean, with its interval.
    public let adjustedMean: Double?
    public let adjustedMeanInterval: ConfidenceInterval?
    /// Adjusted mean − overall baseline mean: the adjusted mean change.
    public let adjustedChange: Double?
    public let adjustedChangeInterval: ConfidenceInterval?
    /// Adjusted mean − the unweighted mean of all providers' adjusted means.
    public let difference: LinearContrast?
}

/// A funnel plot of a proportion against its denominator, with exact binomial limits.
public struct FunnelChart: Sendable {
    /// Overall proportion θ (0–1): the centre line.
    public let centre: Double
    /// Levels of the limits, 0.95 and 0.998.
    public let levels: [Double]
    public let points: [FunnelPoint]
    /// The limits at each denominator 1…`curve.count`, for drawing.
    public let curve: [[FunnelLimit]]
    /// Providers not plotted, and why.
    public let omitted: [String]
}

public struct FunnelPoint: Sendable {
    public let provider: String
    public let events: Int
    public let size: Int
    public let proportion: Double
    public let limits: [FunnelLimit]
    public let positions: [FunnelPosition]
}
