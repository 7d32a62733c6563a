/// One stored response as the summaries read it: spans into its block's
/// bytes, valid only inside the closure that receives them (no copies).
public struct ResponseSpan {
    public var partial: Bool
    /// The wave's UTF-8 bytes; nil when the response has none.
    public var wave: UnsafeBufferPointer<UInt8>?
    /// The provider's UTF-8 bytes; nil when the response has none.
    public var provider: UnsafeBufferPointer<UInt8>?
    /// The answers blob (see `AnswerCoding`).
    public var answers: UnsafeBufferPointer<UInt8>
    public var scoring: Int
    /// The scores blob (see `AnswerCoding`).
    public var scores: UnsafeBufferPointer<UInt8>
}

extension Store {
    /// Calls `body` with every stored response of a survey (optionally one wave), in import
    /// order, reading only what a summary needs: status, wave, provider, answers and scores.
    /// A million responses are read without allocating per row.
    public func forEachResponseSpan(survey: Survey, wave: String? = nil, _ body: (ResponseSpan) throws -> Void) throws {
        try forEachStoredRow(survey: survey.id, wave: wave) { block, row in
            try body(ResponseSpan(partial: row.partial, wave: row.wave, provider: row.provider, answers: row.answers,
                                  scoring: block.scoring, scores: row.scores))
        }
    }
}
