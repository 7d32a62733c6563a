import Foundation

/// The one error type thrown by `KithStatistics`.
///
/// Policy, applied across the module:
/// - **Invalid input throws.** A parameter outside its domain (a confidence
///   level outside (0, 1), a negative count, a probability outside [0, 1]),
///   mismatched lengths, non-finite data, or too few observations for the
///   statistic asked for.
/// - **"Not estimable" is `nil`.** Where a *field* of a result cannot be
///   estimated although the call as a whole makes sense (the standard
///   deviation of a single value, an odds ratio with a zero cell), that field is
///   an optional and is `nil`.
/// - **Degenerate data throws `.degenerate`.** When the data are valid but the
///   statistic the caller asked for is undefined (a t test where every value in
///   both groups is identical, so t = 0/0).
package enum StatisticsError: Error, Sendable, Hashable {
    /// A parameter is outside its domain: `name` had `value`, which breaks `requirement`.
    case invalidParameter(name: String, value: String, requirement: String)
    /// `what` needs at least `needed` observations but got `got`.
    case insufficientData(what: String, needed: Int, got: Int)
    /// Two inputs that must have equal length (paired samples, rows of a table) do not.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// `what` contains a NaN or infinite value at `index`.
    case nonFiniteValue(what: String, index: Int)
    /// The data are valid but make the requested statistic undefined.
    case degenerate(String)
    /// Column `column` (0-based, named `name`) of a design matrix is a linear
    /// combination of the columns before it, so its coefficient is not identifiable.
    case rankDeficient(column: Int, name: String)
    /// An exact computation would exceed its documented size limit.
    case tooLarge(String)
}

extension StatisticsError: CustomStringConvertible, LocalizedError {
    /// A sentence suitable for showing to the person who supplied the data.
    package var description: String {
        switch self {
        case let .invalidParameter(name, value, requirement):
            return "Invalid \(name) = \(value): \(requirement)."
        case let .insufficientData(what, needed, got):
            return "\(what) needs at least \(needed) observation\(needed == 1 ? "" : "s"), but got \(got)."
        case let .lengthMismatch(what, expected, got):
            return "\(what): expected \(expected) values, got \(got)."
        case let .nonFiniteValue(what, index):
            return "\(what) has a missing or infinite value at position \(index + 1)."
        case let .degenerate(reason):
            return "Cannot compute: \(reason)."
        case let .rankDeficient(column, name):
            return "Predictor '\(name)' (column \(column + 1)) is a linear combination of earlier columns; its effect cannot be estimated."
        case let .tooLarge(reason):
            return "Too large for an exact computation: \(reason)."
        }
    }

    /// Same as `description`.
    package var errorDescription: String? { description }
}
