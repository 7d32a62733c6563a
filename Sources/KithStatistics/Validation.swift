import Foundation

/// Shared argument checks; each throws `StatisticsError` with a readable message.
enum Validate {
    /// A confidence level must lie strictly between 0 and 1.
    static func level(_ level: Double) throws {
        guard level > 0, level < 1 else {
            throw StatisticsError.invalidParameter(
                name: "confidence level", value: "\(level)", requirement: "must lie strictly between 0 and 1")
        }
    }

    /// A probability must lie in [0, 1] (NaN fails).
    static func probability(_ p: Double, name: String = "probability") throws {
        guard p >= 0, p <= 1 else {
            throw StatisticsError.invalidParameter(name: name, value: "\(p)", requirement: "must lie in [0, 1]")
        }
    }

    /// A count must be zero or more.
    static func count(_ value: Int, name: String) throws {
        guard value >= 0 else {
            throw StatisticsError.invalidParameter(name: name, value: "\(value)", requirement: "must not be negative")
        }
    }

    /// A parameter that must be finite and strictly positive (a degrees of freedom, an SD).
    static func positive(_ value: Double, name: String) throws {
        guard value > 0, !value.isNaN else {
            throw StatisticsError.invalidParameter(name: name, value: "\(value)", requirement: "must be greater than 0")
        }
    }

    /// Every value must be finite.
    static func finite(_ values: [Double], what: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw StatisticsError.nonFiniteValue(what: what, index: index)
        }
    }

    /// At least `needed` values.
    static func atLeast(_ needed: Int, _ got: Int, what: String) throws {
        guard got >= needed else { throw StatisticsError.insufficientData(what: what, needed: needed, got: got) }
    }

    /// Two lengths must agree.
    static func sameLength(_ expected: Int, _ got: Int, what: String) throws {
        guard expected == got else { throw StatisticsError.lengthMismatch(what: what, expected: expected, got: got) }
    }
}
