/// What to do when some items of a multi-item scale are unanswered.
///
/// No missing-item rule was found in the ONS, Warwick or Hughes et al. sources
/// Kith relies on, so the default is `.complete`: a scale is scored only when
/// every item is answered. Proration is a named option whose use is printed
/// with every prorated result.
public enum MissingPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Score only when every item is answered.
    case complete
    /// Score when at most `maxMissing` items are unanswered: the mean of the
    /// answered items times the number of items.
    case prorate(maxMissing: Int)
    /// Score when at most `maxMissing` items are unanswered: the sum of the answered
    /// items, not prorated (the De Jong Gierveld manual's rule for its total). Only a
    /// definition sets it, for its own scale; it is never applied as an override.
    case answeredSum(maxMissing: Int)

    /// Parses `complete`, `prorate:N` or `answered-sum:N` (N ≥ 1).
    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "complete" {
            self = .complete
            return
        }
        for (prefix, policy) in [("prorate:", MissingPolicy.prorate), ("answered-sum:", MissingPolicy.answeredSum)]
        where lowered.hasPrefix(prefix) {
            guard let n = Int(lowered.dropFirst(prefix.count)), n >= 1 else { return nil }
            self = policy(n)
            return
        }
        return nil
    }

    /// `complete`, `prorate:N` or `answered-sum:N`, the spelling `init(_:)` accepts.
    public var description: String {
        switch self {
        case .complete: "complete"
        case .prorate(let n): "prorate:\(n)"
        case .answeredSum(let n): "answered-sum:\(n)"
        }
    }

    /// Items that may be unanswered with the scale still scored (0 for `complete`).
    package var maxMissing: Int {
        switch self {
        case .complete: 0
        case .prorate(let n), .answeredSum(let n): n
        }
    }
}
