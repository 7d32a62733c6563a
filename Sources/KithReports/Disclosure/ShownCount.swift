/// A count as it may be published under a disclosure policy: its shown value
/// (rounded under `nhs`), or nil and the policy's marker when it is withheld.
/// The true value of a withheld count is not kept, so no renderer can print it.
public struct ShownCount: Sendable, Hashable {
    /// The count as shown; nil when withheld.
    public let shown: Int?
    /// The count, or the policy's marker ("<5", "*", "c").
    public let text: String

    package init(shown: Int?, text: String) {
        self.shown = shown
        self.text = text
    }

    /// A count shown as it is.
    package static func plain(_ count: Int) -> ShownCount { ShownCount(shown: count, text: String(count)) }

    /// The percentage of `base` this count is, from the shown counts (nil when either is withheld or the base is 0).
    package func percent(of base: ShownCount) -> Double? {
        guard let shown, let total = base.shown, total > 0 else { return nil }
        return 100 * Double(shown) / Double(total)
    }
}
