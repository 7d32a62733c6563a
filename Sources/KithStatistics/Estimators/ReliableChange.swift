import Foundation

/// Which way a scale runs, for classifying change.
public enum ScoreDirection: String, Sendable, Hashable, CaseIterable, Codable {
    /// Higher scores are better (e.g. WEMWBS wellbeing).
    case higherIsBetter
    /// Higher scores are worse (e.g. a loneliness score).
    case higherIsWorse
}

/// Outcome of comparing one person's change with the reliable-change threshold.
public enum ReliableChangeCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// |RC| > z in the good direction.
    case reliableImprovement
    /// |RC| > z in the bad direction.
    case reliableDeterioration
    /// |RC| ≤ z: within measurement error.
    case noReliableChange
}

/// Jacobson & Truax's reliable change index for individual pre/post scores.
///
/// ```
/// SEM    = SD_baseline · √(1 − r_xx)
/// S_diff = √2 · SEM = √(2·SEM²)
/// RC     = (x₂ − x₁) / S_diff
/// critical difference = z · S_diff         (z = 1.96 for 95%)
/// ```
/// Reference: Jacobson N.S. & Truax P. (1991) "Clinical significance: a
/// statistical approach to defining meaningful change in psychotherapy
/// research", *J Consult Clin Psychol* 59:12–19 (eqs. for SE and S_diff on p. 14).
/// The change is reliable when |RC| > z (strictly; a change exactly at the
/// threshold is not). SD must be > 0, reliability in [0, 1) and z > 0
/// (otherwise `.invalidParameter`); a published SEM can be supplied directly.
public struct ReliableChangeIndex: Sendable, Hashable, Codable {
    /// Standard error of measurement.
    public let standardErrorOfMeasurement: Double
    /// S_diff = √2 · SEM.
    public let standardErrorOfDifference: Double
    /// Critical z (1.96 by default, as Jacobson & Truax).
    public let criticalZ: Double
    /// z · S_diff: the smallest raw change that counts as reliable.
    public var criticalDifference: Double { criticalZ * standardErrorOfDifference }

    /// From the baseline SD and the test–retest or internal-consistency reliability r_xx.
    public init(baselineSD: Double, reliability: Double, criticalZ: Double = 1.96) throws {
        try Validate.positive(baselineSD, name: "baseline SD")
        guard reliability >= 0, reliability < 1 else {
            throw StatisticsError.invalidParameter(name: "reliability", value: "\(reliability)", requirement: "must lie in [0, 1)")
        }
        try self.init(standardErrorOfMeasurement: baselineSD * (1 - reliability).squareRoot(), criticalZ: criticalZ)
    }

    /// From a published standard error of measurement.
    public init(standardErrorOfMeasurement sem: Double, criticalZ: Double = 1.96) throws {
        try Validate.positive(sem, name: "standard error of measurement")
        try Validate.positive(criticalZ, name: "critical z")
        guard sem.isFinite, criticalZ.isFinite else {
            throw StatisticsError.invalidParameter(name: "SEM / z", value: "\(sem) / \(criticalZ)", requirement: "must be finite")
        }
        standardErrorOfMeasurement = sem
        standardErrorOfDifference = 2.0.squareRoot() * sem
        self.criticalZ = criticalZ
    }

    /// RC = (followUp − baseline)/S_diff.
    public func index(baseline: Double, followUp: Double) -> Double {
        (followUp - baseline) / standardErrorOfDifference
    }

    /// Reliable improvement, deterioration, or neither, given the scale's direction.
    public func classify(baseline: Double, followUp: Double, direction: ScoreDirection) -> ReliableChangeCategory {
        let rc = index(baseline: baseline, followUp: followUp)
        guard abs(rc) > criticalZ else { return .noReliableChange }
        let rose = rc > 0
        return rose == (direction == .higherIsBetter) ? .reliableImprovement : .reliableDeterioration
    }
}
