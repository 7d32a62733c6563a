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

    /// Parses `complete` or `prorate:N` (N ≥ 1).
    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "complete" {
            self = .complete
            return
        }
        guard lowered.hasPrefix("prorate:"), let n = Int(lowered.dropFirst("prorate:".count)), n >= 1 else {
            return nil
        }
        self = .prorate(maxMissing: n)
    }

    /// `complete` or `prorate:N`, the spelling `init(_:)` accepts.
    public var description: String {
        switch self {
        case .complete: "complete"
        case .prorate(let n): "prorate:\(n)"
        }
    }
}
