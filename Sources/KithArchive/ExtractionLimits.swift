/// How far a member may inflate. ZIP sizes are the archive's word, and a zip bomb's word is a
/// lie: a few kilobytes that inflate to gigabytes. Both limits are checked against the declared
/// sizes before inflating and against the bytes actually produced while inflating, so a bomb is
/// refused after at most `ratioCheckedAfter` bytes of output (or one chunk), never inflated whole.
package struct ExtractionLimits: Sendable, Hashable {
    /// The largest inflated size of one member, in bytes (default 1 GiB).
    package var maximumMemberSize: Int
    /// The largest ratio of inflated to compressed bytes (default 1,000: deflate cannot exceed
    /// about 1,030, and spreadsheet XML rarely passes 100).
    package var maximumCompressionRatio: Int
    /// Inflated bytes allowed before the ratio applies (default 1 MiB), so a small member that
    /// compresses very well, such as a sheet of empty cells, is never refused.
    package var ratioCheckedAfter: Int

    package init(maximumMemberSize: Int = 1 << 30, maximumCompressionRatio: Int = 1_000, ratioCheckedAfter: Int = 1 << 20) {
        self.maximumMemberSize = maximumMemberSize
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioCheckedAfter = ratioCheckedAfter
    }

    /// True when `inflated` bytes from `compressed` exceed the ratio (and the grace allowance).
    func ratioExceeded(inflated: Int, compressed: Int) -> Bool {
        guard inflated > ratioCheckedAfter else { return false }
        let (allowed, overflow) = compressed.multipliedReportingOverflow(by: maximumCompressionRatio)
        return !overflow && inflated > allowed
    }
}
