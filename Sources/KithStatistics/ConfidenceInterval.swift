import Foundation

/// A two-sided confidence interval `[lower, upper]` at confidence `level` (e.g. 0.95).
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// Lower limit.
    public let lower: Double
    /// Upper limit.
    public let upper: Double
    /// Confidence level in (0, 1).
    public let level: Double

    /// Creates an interval; no checks beyond what the estimators already made.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// `upper - lower`.
    public var width: Double { upper - lower }
}

extension ConfidenceInterval {
    /// A symmetric interval `estimate ± critical · se`.
    static func symmetric(_ estimate: Double, critical: Double, se: Double, level: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: estimate - critical * se, upper: estimate + critical * se, level: level)
    }
}
