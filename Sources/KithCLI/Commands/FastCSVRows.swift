import Kith

/// The fast path of `kith score --format csv`: rows whose answers are all codes (or plainly
/// missing) are written straight from the reader's bytes, each scale's cells taken from a
/// cache keyed by the scale's raw sum. Anything else (excluded rows, unreadable answers,
/// text that must be quoted) goes through the ordinary writer, so the output is the same
/// byte for byte (`ScoreFastPathTests` holds it to that).
struct FastCSVRows {
    private let plan: ScoringPlan
    private let context: ScoreContext
    private let sink: ByteSink
    private var cells = CSVScoreCells()
    /// Per scale: the smallest possible sum and the cells for each sum (empty until seen).
    private var cache: [(minimum: Int, segments: [[UInt8]])]
    private var waveNames: [String] = []
    private var waveBytes: [[UInt8]] = []
    private var digits = [UInt8](repeating: 0, count: 24)
    /// Each scale's answer slots (copied out of the plan once).
    private let flatSlots: [Int]
    private let slotStarts: [Int]
    private let scaleCount: Int
    /// The line being built (one sink write per row).
    private var line: [UInt8] = []
    /// Rows written here, and per scale the count of each status (in `ScaleScore.Status.allCases` order).
    private var rows = 0
    private var counts: [[Int]]

    /// Adds what was written here to `tally`.
    func finish(into tally: inout ScoreTally) {
        tally.rows += rows
        tally.scored += rows
        for (index, planned) in plan.scales.enumerated() {
            for (position, status) in ScaleScore.Status.allCases.enumerated() where counts[index][position] > 0 {
                tally.statuses[planned.id, default: [:]][status, default: 0] += counts[index][position]
            }
        }
    }

    init(plan: ScoringPlan, context: ScoreContext, sink: ByteSink) {
        self.plan = plan
        self.context = context
        self.sink = sink
        flatSlots = plan.scales.flatMap(\.slots)
        slotStarts = plan.scales.reduce(into: [0]) { $0.append($0.last! + $1.slots.count) }
        scaleCount = plan.scales.count
        line.reserveCapacity(1024)
        counts = Array(repeating: Array(repeating: 0, count: ScaleScore.Status.allCases.count), count: plan.scales.count)
        cache = plan.scales.map { planned in
            let codes = planned.instrument.items.filter { planned.scale.items.contains($0.id) }.map { planned.instrument.options(of: $0).map(\.code) }
            let minimum = codes.map { $0.min() ?? 0 }.reduce(0, +), maximum = codes.map { $0.max() ?? 0 }.reduce(0, +)
            return (minimum, Array(repeating: [], count: max(0, maximum - minimum + 1)))
        }
    }

    /// Writes `response` and counts it; false when it must go through the ordinary writer.
    mutating func write(_ response: borrowing RawResponse) throws -> Bool {
        if response.status.isExcluded { return false }
        let answers = response.answers
        for answer in answers { if case .invalid = answer { return false } }
        guard FastCSVRows.plain(response.sourceID), FastCSVRows.plain(response.person) else { return false }
        line.removeAll(keepingCapacity: true)
        var value = response.row
        var end = digits.count
        repeat { end -= 1; digits[end] = UInt8(0x30 + value % 10); value /= 10 } while value > 0
        line.append(contentsOf: digits[end...])
        line.append(0x2C)
        line.append(contentsOf: response.sourceID)
        if context.hasPerson { line.append(0x2C); line.append(contentsOf: response.person) }
        if context.hasWave {
            line.append(0x2C)
            if let wave = response.wave {
                var found = false
                for index in 0..<waveNames.count where waveNames[index].utf8.count == wave.utf8.count && waveNames[index] == wave {
                    line.append(contentsOf: waveBytes[index])
                    found = true
                    break
                }
                if !found {
                    let bytes = Array(TextFormat.csv(wave).utf8)
                    if waveNames.count < 16 { waveNames.append(wave); waveBytes.append(bytes) }
                    line.append(contentsOf: bytes)
                }
            }
        }
        line.append(contentsOf: FastCSVRows.scored)
        for index in 0..<scaleCount {
            var sum = 0
            var allCodes = true
            for position in slotStarts[index]..<slotStarts[index + 1] {
                if case .code(let code) = answers[flatSlots[position]] { sum += code } else { allCodes = false; break }
            }
            let offset = sum - cache[index].minimum
            if allCodes, offset >= 0, offset < cache[index].segments.count {
                if cache[index].segments[offset].isEmpty {
                    let planned = plan.scales[index]
                    cache[index].segments[offset] = Array(cells.scale(planned, plan.score(planned, Array(answers))).utf8)
                }
                line.append(contentsOf: cache[index].segments[offset])
                counts[index][0] += 1
            } else {
                let planned = plan.scales[index]
                let score = plan.score(planned, Array(answers))
                line.append(contentsOf: cells.scale(planned, score).utf8)
                counts[index][ScaleScore.Status.allCases.firstIndex(of: score.status)!] += 1
            }
        }
        line.append(0x2C)
        line.append(0x0A)
        try sink.writeBytes(line)
        rows += 1
        return true
    }

    private static let scored: [UInt8] = Array(",scored,".utf8)

    /// Whether the bytes go into a CSV cell as they are (no quoting, no formula guard).
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 { return false }
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
        return true
    }
}
