import KithCore

/// Output formats of `kith score`.
public enum ScoreFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

/// Writes scored rows as they arrive (constant memory), then the notices.
package protocol ScoreWriter: AnyObject {
    func begin(_ context: ScoreContext) throws
    func write(_ row: ScoredRow) throws
    /// Ends the output with the tally and the notices (policies, licences).
    func end(_ tally: ScoreTally, notices: [String]) throws
}

package func makeScoreWriter(_ format: ScoreFormat, sink: ByteSink) -> any ScoreWriter {
    switch format {
    case .csv: CSVScoreWriter(sink: sink)
    case .json: JSONScoreWriter(sink: sink)
    case .table: TableScoreWriter(sink: sink)
    }
}

/// Caches the text of values that repeat (scores take few distinct values).
struct NumberCache {
    private var cache: [Double: String] = [:]
    mutating func text(_ value: Double) -> String {
        if let text = cache[value] { return text }
        let text = TextFormat.number(value)
        if cache.count < 4096 { cache[value] = text }
        return text
    }
}
