/// One stored response as the summaries read it: spans into its block's
/// bytes, valid only inside the closure that receives them (no copies).
package struct ResponseSpan {
    package var partial: Bool
    /// The wave's UTF-8 bytes; nil when the response has none.
    package var wave: UnsafeBufferPointer<UInt8>?
    /// The provider's UTF-8 bytes; nil when the response has none.
    package var provider: UnsafeBufferPointer<UInt8>?
    /// The answers blob (see `AnswerCoding`).
    package var answers: UnsafeBufferPointer<UInt8>
    package var scoring: Int
    /// The scores blob (see `AnswerCoding`).
    package var scores: UnsafeBufferPointer<UInt8>
}

extension Store {
    /// Calls `body` with every stored response of a survey (optionally one wave), in import
    /// order, reading only what a summary needs: status, wave, provider, answers and scores.
    /// A million responses are read without allocating per row.
    package func forEachResponseSpan(survey: Survey, wave: String? = nil, _ body: (ResponseSpan) throws -> Void) throws {
        try forEachStoredRow(survey: survey.id, wave: wave) { block, row in
            try body(
                ResponseSpan(
                    partial: row.partial, wave: row.wave, provider: row.provider, answers: row.answers,
                    scoring: block.scoring, scores: row.scores))
        }
    }
}
