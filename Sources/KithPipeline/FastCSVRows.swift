import KithCore
import KithImport
import KithReports

/// The fast path of `kith score --format csv`: rows whose answers are all codes (or plainly
/// missing) are written straight from the reader's bytes, each scale's cells taken from a
/// cache keyed by the scale's raw sum. Anything else (excluded rows, unreadable answers,
/// text that must be quoted) goes through the ordinary writer, so the output is the same
/// byte for byte (`InspectAndScoreSamplesTests.fastCSVPathWritesWhatTheWriterWrites`).
///
/// Lines are built in raw memory and handed to the sink in large blocks: no reference
/// counting or bounds checks per byte.
final class FastCSVRows {
    private let plan: ScoringPlan
    private let context: ScoreContext
    private let sink: ByteSink
    private var cells = CSVScoreCells()
    /// Each scale's answer slots, flattened (`flatSlots[slotStarts[i]..<slotStarts[i + 1]]`).
    private let flatSlots: UnsafeMutablePointer<Int>
    private let slotStarts: UnsafeMutablePointer<Int>
    private let scaleCount: Int
    /// Per scale: the smallest possible sum, and the offset of its first entry in the segment table.
    private let minimums: [Int]
    private let tableStarts: [Int]
    private let tableSize: Int
    /// Segment table: for (scale, sum), where its cells start in `segmentBytes` and how long they are (-1: not yet).
    private let segmentStart: UnsafeMutablePointer<Int>
    private let segmentLength: UnsafeMutablePointer<Int>
    private var segmentBytes: UnsafeMutablePointer<UInt8>
    private var segmentUsed = 0
    private var segmentCapacity = 1 << 16
    /// Output block.
    private let out: UnsafeMutablePointer<UInt8>
    private var used = 0
    private static let outCapacity = 1 << 20
    private static let lineLimit = 1 << 12
    /// Wave cells by `RawResponse.waveIndex`.
    private var waveCells: [[UInt8]?] = Array(repeating: nil, count: 64)
    /// Rows written here, and per scale the count of each status (in `ScaleScore.Status.allCases` order).
    private var rows = 0
    /// `counts[scale * statusCount + status]`, raw memory (a class's array property costs an
    /// exclusivity check per access).
    private let counts: UnsafeMutablePointer<Int>
    private static let statusCount = ScaleScore.Status.allCases.count

    init(plan: ScoringPlan, context: ScoreContext, sink: ByteSink) {
        self.plan = plan
        self.context = context
        self.sink = sink
        let slots = plan.scales.flatMap(\.slots)
        flatSlots = .allocate(capacity: max(1, slots.count))
        for (index, slot) in slots.enumerated() { flatSlots[index] = slot }
        scaleCount = plan.scales.count
        slotStarts = .allocate(capacity: scaleCount + 1)
        slotStarts[0] = 0
        for (index, planned) in plan.scales.enumerated() { slotStarts[index + 1] = slotStarts[index] + planned.slots.count }
        var minimums: [Int] = []
        var tableStarts: [Int] = []
        var size = 0
        for planned in plan.scales {
            let codes = planned.instrument.items.filter { planned.scale.items.contains($0.id) }.map { planned.instrument.options(of: $0).map(\.code) }
            let minimum = codes.map { $0.min() ?? 0 }.reduce(0, +)
            let maximum = codes.map { $0.max() ?? 0 }.reduce(0, +)
            minimums.append(minimum)
            tableStarts.append(size)
            size += max(0, maximum - minimum + 1)
        }
        tableStarts.append(size)
        self.minimums = minimums
        self.tableStarts = tableStarts
        tableSize = size
        segmentStart = .allocate(capacity: max(1, size))
        segmentLength = .allocate(capacity: max(1, size))
        segmentLength.initialize(repeating: -1, count: max(1, size))
        segmentBytes = .allocate(capacity: segmentCapacity)
        out = .allocate(capacity: FastCSVRows.outCapacity)
        counts = .allocate(capacity: max(1, scaleCount * FastCSVRows.statusCount))
        counts.initialize(repeating: 0, count: max(1, scaleCount * FastCSVRows.statusCount))
    }

    deinit {
        flatSlots.deallocate()
        slotStarts.deallocate()
        segmentStart.deallocate()
        segmentLength.deallocate()
        segmentBytes.deallocate()
        out.deallocate()
        counts.deallocate()
    }

    /// Writes what is buffered to the sink (call before the ordinary writer writes a row, and at the end).
    func flush() throws {
        guard used > 0 else { return }
        try sink.writeBytes(UnsafeBufferPointer(start: out, count: used))
        used = 0
    }

    /// Adds what was written here to `tally`.
    func finish(into tally: inout ScoreTally) throws {
        try flush()
        tally.rows += rows
        tally.scored += rows
        for (index, planned) in plan.scales.enumerated() {
            for (position, status) in ScaleScore.Status.allCases.enumerated() where counts[index * FastCSVRows.statusCount + position] > 0 {
                tally.statuses[planned.id, default: [:]][status, default: 0] += counts[index * FastCSVRows.statusCount + position]
            }
        }
    }

    @inline(__always)
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout UnsafeMutablePointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let count = bytes.count
        if count <= 16 {
            // Short cells: a byte loop beats a call to memcpy.
            for offset in 0..<count { cursor[offset] = base[offset] }
        } else {
            cursor.update(from: base, count: count)
        }
        cursor += count
    }

    @inline(__always)
    private static func append(_ byte: UInt8, _ cursor: inout UnsafeMutablePointer<UInt8>) {
        cursor.pointee = byte
        cursor += 1
    }

    private static func append(_ bytes: [UInt8], _ cursor: inout UnsafeMutablePointer<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0, &cursor) }
    }

    /// Writes `response` and counts it; false when it must go through the ordinary writer
    /// (buffered lines are flushed first, so the order is kept).
    func write(_ response: borrowing RawResponse) throws -> Bool {
        let answers = response.answers
        var usable = !response.status.isExcluded && response.sourceID.count + response.person.count < FastCSVRows.lineLimit / 2
        if usable {
            for answer in answers {
                if case .invalid = answer {
                    usable = false
                    break
                }
            }
        }
        guard usable, FastCSVRows.plain(response.sourceID), FastCSVRows.plain(response.person) else {
            try flush()
            return false
        }
        if used + FastCSVRows.lineLimit > FastCSVRows.outCapacity { try flush() }
        let lineStart = out + used
        var cursor = lineStart
        // Row number.
        var value = response.row
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(0x30 + value % 10)
                value /= 10
            } while value > 0
            FastCSVRows.append(
                UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + end, count: buffer.count - end), &cursor)
        }
        FastCSVRows.append(0x2C, &cursor)
        FastCSVRows.append(response.sourceID, &cursor)
        if context.hasPerson {
            FastCSVRows.append(0x2C, &cursor)
            FastCSVRows.append(response.person, &cursor)
        }
        if context.hasWave {
            FastCSVRows.append(0x2C, &cursor)
            if let wave = response.wave {
                let waveIndex = response.waveIndex
                if waveIndex >= 0, waveIndex < 64, let cell = waveCells[waveIndex] {
                    FastCSVRows.append(cell, &cursor)
                } else {
                    let cell = Array(TextFormat.csv(wave).utf8)
                    if waveIndex >= 0, waveIndex < 64 { waveCells[waveIndex] = cell }
                    FastCSVRows.append(cell, &cursor)
                }
            }
        }
        FastCSVRows.appendScored(&cursor)
        let statusCount = FastCSVRows.statusCount
        for index in 0..<scaleCount {
            var sum = 0
            var allCodes = true
            for position in slotStarts[index]..<slotStarts[index + 1] {
                if case .code(let code) = answers[flatSlots[position]] {
                    sum += code
                } else {
                    allCodes = false
                    break
                }
            }
            let offset = sum - minimums[index]
            if allCodes, offset >= 0, offset < tableStarts[index + 1] - tableStarts[index] {
                let entry = tableStarts[index] + offset
                if segmentLength[entry] < 0 { storeSegment(entry, scale: index, answers: answers) }
                FastCSVRows.append(UnsafeBufferPointer(start: segmentBytes + segmentStart[entry], count: segmentLength[entry]), &cursor)
                counts[index * statusCount] += 1
            } else {
                let planned = plan.scales[index]
                let score = plan.score(planned, Array(answers))
                FastCSVRows.append(Array(cells.scale(planned, score).utf8), &cursor)
                counts[index * statusCount + ScaleScore.Status.allCases.firstIndex(of: score.status)!] += 1
            }
            if cursor - lineStart > FastCSVRows.lineLimit - 256 {
                // A pathological line: drop it and let the ordinary writer take the row.
                try flush()
                return false
            }
        }
        FastCSVRows.append(0x2C, &cursor)
        FastCSVRows.append(0x0A, &cursor)
        used = cursor - out
        rows += 1
        return true
    }

    /// Renders and keeps the cells of a scale for one raw sum (once per sum).
    private func storeSegment(_ entry: Int, scale index: Int, answers: UnsafeBufferPointer<ItemAnswer>) {
        let planned = plan.scales[index]
        let bytes = Array(cells.scale(planned, plan.score(planned, Array(answers))).utf8)
        if segmentUsed + bytes.count > segmentCapacity {
            // Grow the segment store (cells are short: this practically never happens).
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: segmentCapacity * 2)
            larger.update(from: segmentBytes, count: segmentUsed)
            segmentBytes.deallocate()
            segmentBytes = larger
            segmentCapacity *= 2
        }
        bytes.withUnsafeBufferPointer { (segmentBytes + segmentUsed).update(from: $0.baseAddress!, count: $0.count) }
        segmentStart[entry] = segmentUsed
        segmentLength[entry] = bytes.count
        segmentUsed += bytes.count
    }

    /// `,scored,`
    @inline(__always)
    private static func appendScored(_ cursor: inout UnsafeMutablePointer<UInt8>) {
        cursor[0] = 0x2C
        cursor[1] = 0x73
        cursor[2] = 0x63
        cursor[3] = 0x6F
        cursor[4] = 0x72
        cursor[5] = 0x65
        cursor[6] = 0x64
        cursor[7] = 0x2C
        cursor += 8
    }

    /// Whether the bytes go into a CSV cell as they are (no quoting, no formula guard).
    private static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let first = bytes.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 { return false }
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
        return true
    }
}
