import KithCore
import KithStatistics

/// `kith change`: what changed between two waves for the people measured at both.
/// Built by `ChangeBuilder`; every number a renderer prints is here.
public struct ChangeReport: Sendable {
    public let survey: String
    public let from: String
    public let to: String
    public let policy: DisclosurePolicy
    /// All people first (provider nil), then one group per provider when asked.
    public let groups: [ChangeGroup]
    /// Method notes, conventions used, data notes.
    public let notes: [String]
    /// Licence notices of the instruments reported.
    public let licences: [String]
}

/// The change report of one group of people (everyone, or one provider's clients).
public struct ChangeGroup: Sendable {
    /// nil for everyone.
    public let provider: String?
    public let people: Attrition
    public let scores: [ScoreChange]
    public let categories: [CategoryChange]

    /// Whether any count of the group is hidden or any of its statistics withheld. Found by
    /// walking the group's values, so a count added to a report later is not missed.
    var hidesAnything: Bool {
        func hides(_ value: Any) -> Bool {
            if let count = value as? ShownCount { return count.shown == nil }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional { return mirror.children.first.map { hides($0.value) } ?? false }
            return mirror.children.contains { child in
                if child.label == "withheld", let reason = child.value as? String? { return reason != nil }
                return hides(child.value)
            }
        }
        return hides(self)
    }
}

/// Who was measured at which wave.
public struct Attrition: Sendable {
    /// People with a response at the baseline wave.
    public let baseline: ShownCount
    /// People with a response at the follow-up wave.
    public let followUp: ShownCount
    /// People with a response at both waves.
    public let both: ShownCount
    /// Baseline people with no follow-up response.
    public let lost: ShownCount
    /// `lost` as a percentage of `baseline`.
    public let lostPercent: Double?
    /// Follow-up people with no baseline response (not in any change figure).
    public let followUpOnly: ShownCount
}

/// Paired change on a score (UCLA-3, SWEMWBS, WEMWBS). Change = follow-up − baseline.
public struct ScoreChange: Sendable {
    public let scale: OutcomeScale
    /// People with this score at baseline, and at both waves. (Follow-up counts are
    /// per person in `Attrition`: a per-scale count of people at follow-up only would
    /// force further suppression for nothing a reader needs.)
    public let baselineCount: ShownCount
    public let paired: ShownCount
    /// Why the statistics below are absent, if they are (too few people for the policy, or not estimable).
    public let withheld: String?
    /// Means of the paired people.
    public let baselineMean: Double?
    public let followUpMean: Double?
    public let baselineSD: Double?
    public let followUpSD: Double?
    /// Paired t test of follow-up − baseline (`meanFirst` is the follow-up mean); nil if withheld or not estimable.
    public let test: PairedTTest?
    /// Why `test` is nil when the means are given (e.g. every change the same).
    public let testNote: String?
    /// How the people lost to follow-up differed at baseline from those paired.
    public let lostToFollowUp: LostComparison
    /// Improved / unchanged / worse by the definition's meaningful-change threshold.
    public let meaningful: ChangeCategories
    /// Reliable change (Jacobson–Truax).
    public let reliable: ReliableChangeCounts?
}

/// Baseline of people lost to follow-up against the baseline of people paired.
public struct LostComparison: Sendable {
    /// People with a baseline score on the scale and no follow-up score on it.
    public let lost: ShownCount
    public let lostMean: Double?
    public let pairedMean: Double?
    /// Welch's t test of lost − paired baseline means; nil when withheld or not estimable.
    public let welch: TwoSampleTTest?
    public let note: String?
}

/// Counts of people whose change is an improvement, no change, or worse.
public struct ChangeCategories: Sendable {
    /// e.g. "a change of 3 or more points (higher is better)".
    public let rule: String
    /// The threshold from the definition; nil when it has none (then any change counts).
    public let threshold: Double?
    public let source: String?
    public let improved: ShownCount
    public let unchanged: ShownCount
    public let worse: ShownCount
    public let improvedPercent: Double?
    public let unchangedPercent: Double?
    public let worsePercent: Double?
}

/// Reliable change counts and the criterion used.
public struct ReliableChangeCounts: Sendable {
    /// e.g. "SEM 1.03 from the definition".
    public let basis: String
    public let source: String
    public let index: ReliableChangeIndex
    public let improvement: ShownCount
    public let noReliableChange: ShownCount
    public let deterioration: ShownCount
    public let improvementPercent: Double?
    public let deteriorationPercent: Double?
}

/// Paired change in categories: the direct question's answers, or the bands of a classification.
public struct CategoryChange: Sendable {
    public let scale: OutcomeScale
    /// The classification, when the categories are its bands.
    public let classification: Classification?
    /// Category labels, in order (option codes, or bands from low to high).
    public let labels: [String]
    /// Baseline (rows) × follow-up (columns), with totals as the last row and column.
    public let transitions: [[ShownCount]]
    public let paired: ShownCount
    /// Moved to a better / the same / a worse category.
    public let improved: ShownCount
    public let unchanged: ShownCount
    public let worse: ShownCount
    /// The headline category ("Often/always", "Lonely") at each wave.
    public let headline: HeadlineChange
    public let withheld: String?
}

/// The headline category at baseline and follow-up, with McNemar's test.
public struct HeadlineChange: Sendable {
    public let label: String
    public let baseline: ShownCount
    public let followUp: ShownCount
    public let baselinePercent: Double?
    public let followUpPercent: Double?
    /// In the category at baseline only / at follow-up only (McNemar's discordant pairs).
    public let leftCategory: ShownCount
    public let enteredCategory: ShownCount
    /// Follow-up − baseline proportion with Newcombe's interval; nil when withheld.
    public let difference: PairedProportionDifference?
    /// Exact conditional (binomial) McNemar test.
    public let mcnemarExact: McNemarTest?
    /// Asymptotic chi-square McNemar test without continuity correction; nil with no discordant pairs.
    public let mcnemarChiSquare: McNemarTest?
}
