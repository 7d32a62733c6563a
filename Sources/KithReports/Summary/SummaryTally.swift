import KithStore

/// What a breakdown groups by.
enum GroupSource: Sendable, Equatable {
    case provider
    case wave
    /// A summarised column (its categories are the groups).
    case column(Int)
}

/// Counts and values gathered in one pass over the stored responses.
///
/// Counts are flat: column `c` owns `slots(c)` entries from `offsets[c]` —
/// one per category, then no answer, unreadable and answered.
struct SummaryTally {
    var complete = 0
    var partial = 0
    var offsets: [Int] = []
    var counts: [Int] = []
    var numbers: [[Double]] = []
    /// Per scale: complete, prorated, incomplete, invalid, answered sum (the stored status codes).
    var scaleStatus: [[Int]] = []
    var scaleValues: [[Double]] = []
    /// Per grouping: the group labels ("Not stated" included when met).
    var groupLabels: [[String]] = []
    /// Per grouping, per group: counts laid out as `counts`.
    var groupCounts: [[[Int]]] = []
    /// Per grouping, per group, per scale: the values.
    var groupScaleValues: [[[[Double]]]] = []

    static let notStated = "Not stated"

    func noAnswerSlot(_ column: SummaryColumn, _ c: Int) -> Int { offsets[c] + column.labels.count }
    func unreadableSlot(_ column: SummaryColumn, _ c: Int) -> Int { offsets[c] + column.labels.count + 1 }
    func answeredSlot(_ column: SummaryColumn, _ c: Int) -> Int { offsets[c] + column.labels.count + 2 }
}

extension SummaryTally {
    /// Reads every response of `survey` (optionally one wave) once.
    init(
        store: Store, survey: Survey, wave: String?, plan: SummaryPlan, groupings: [GroupSource],
        scaleCount: Int, scalesOfScoring: [Int: (indexes: [Int], hasRaw: [Bool])]
    ) throws {
        let loop = TallyLoop(plan: plan, groupings: groupings, scaleCount: scaleCount, scalesOfScoring: scalesOfScoring)
        try store.forEachResponseSpan(survey: survey, wave: wave) { try loop.add($0) }
        self = loop.result()
    }
}

/// The state of one pass over the responses. A class whose properties skip the dynamic
/// exclusivity checks (each is touched only by `add`, one call at a time): with a million
/// rows, those checks cost more than the counting.
private final class TallyLoop {
    let plan: SummaryPlan
    let groupings: [GroupSource]
    let scaleCount: Int
    let scalesOfScoring: [Int: (indexes: [Int], hasRaw: [Bool])]
    let offsets: [Int]
    let width: Int
    let readings: [SummaryColumn.Reading]
    let answeredSlot: [Int]
    let cross: [Int]
    let codeBase: [Int]
    let codeTable: [[Int32]]
    let valueCategory: [[Int32]]
    let valueMask: [[UInt64]]
    let valueNumber: [[Double?]]
    let state: UnsafeMutablePointer<Int32>
    let mask: UnsafeMutablePointer<UInt64>
    let counts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var numbers: [[Double]]
    @exclusivity(unchecked) var scaleStatus: [[Int]]
    @exclusivity(unchecked) var scaleValues: [[Double]]
    @exclusivity(unchecked) var groupLabels: [[String]]
    @exclusivity(unchecked) var groupBytes: [[[UInt8]]]
    /// Per grouping, per group: a counts table laid out as `counts`.
    @exclusivity(unchecked) var groupCounts: [[UnsafeMutablePointer<Int>]]
    @exclusivity(unchecked) var groupScaleValues: [[[[Double]]]]
    @exclusivity(unchecked) var groupOf: [Int]
    @exclusivity(unchecked) var complete = 0
    @exclusivity(unchecked) var partial = 0

    init(plan: SummaryPlan, groupings: [GroupSource], scaleCount: Int, scalesOfScoring: [Int: (indexes: [Int], hasRaw: [Bool])]) {
        self.plan = plan
        self.groupings = groupings
        self.scaleCount = scaleCount
        self.scalesOfScoring = scalesOfScoring
        let columns = plan.columns
        var offsets: [Int] = []
        var width = 0
        for column in columns {
            offsets.append(width)
            width += column.labels.count + 3
        }
        self.offsets = offsets
        self.width = width
        readings = columns.map(\.reading)
        answeredSlot = columns.map { $0.labels.count + 2 }
        cross = columns.indices.filter { columns[$0].crossTabulated }
        // Item codes as small tables: category = table[code - base].
        let codeBase = columns.map { $0.codeCategory.keys.min() ?? 0 }
        self.codeBase = codeBase
        codeTable = columns.enumerated().map { c, column in
            guard let high = column.codeCategory.keys.max() else { return [] }
            return (codeBase[c]...high).map { column.codeCategory[$0] ?? -2 }
        }
        valueCategory = columns.map(\.valueCategory)
        valueMask = columns.map(\.valueMask)
        valueNumber = columns.map(\.valueNumber)
        state = .allocate(capacity: max(1, columns.count))
        mask = .allocate(capacity: max(1, columns.count))
        counts = .allocate(capacity: max(1, width))
        counts.initialize(repeating: 0, count: max(1, width))
        numbers = Array(repeating: [], count: columns.count)
        scaleStatus = Array(repeating: [0, 0, 0, 0, 0], count: scaleCount)
        scaleValues = Array(repeating: [], count: scaleCount)
        groupLabels = groupings.map { source in
            if case .column(let c) = source { return columns[c].labels }
            return []
        }
        groupBytes = groupings.map { _ in [] }
        groupCounts = groupings.map { _ in [] }
        groupScaleValues = groupings.map { _ in [] }
        groupOf = Array(repeating: 0, count: groupings.count)
        for g in groupings.indices {
            for _ in groupLabels[g] { addGroupStorage(g) }
            while groupBytes[g].count < groupLabels[g].count { groupBytes[g].append([0xFF]) }
        }
    }

    deinit {
        state.deallocate()
        mask.deallocate()
        counts.deallocate()
        for tables in groupCounts { for table in tables { table.deallocate() } }
    }

    private func addGroupStorage(_ g: Int) {
        let table = UnsafeMutablePointer<Int>.allocate(capacity: max(1, width))
        table.initialize(repeating: 0, count: max(1, width))
        groupCounts[g].append(table)
        groupScaleValues[g].append(Array(repeating: [], count: scaleCount))
    }

    private func groupIndex(_ g: Int, label: String) -> Int {
        if let index = groupLabels[g].firstIndex(of: label) { return index }
        groupLabels[g].append(label)
        groupBytes[g].append([0xFF] + Array(label.utf8)) // never matches a stored value's bytes
        addGroupStorage(g)
        return groupLabels[g].count - 1
    }

    private func group(_ g: Int, _ bytes: UnsafeBufferPointer<UInt8>?) -> Int {
        guard let bytes, !bytes.isEmpty else { return groupIndex(g, label: SummaryTally.notStated) }
        for (index, known) in groupBytes[g].enumerated() where known.count == bytes.count && known.elementsEqual(bytes) { return index }
        let index = groupIndex(g, label: String(decoding: bytes, as: UTF8.self))
        groupBytes[g][index] = Array(bytes)
        return index
    }

    @inline(__always)
    private func tally(_ c: Int, into table: UnsafeMutablePointer<Int>) {
        let base = offsets[c]
        let cat = state[c]
        switch readings[c] {
        case .multiJoined, .multiChoices:
            if cat >= 0 {
                table[base + answeredSlot[c]] += 1
                var bits = mask[c]
                while bits != 0 {
                    table[base + bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            } else {
                table[base + answeredSlot[c] - 2] += 1
            }
        case .item, .single:
            if cat >= 0 {
                table[base + Int(cat)] += 1
                table[base + answeredSlot[c]] += 1
            } else {
                table[base + answeredSlot[c] - (cat == -1 ? 2 : 1)] += 1 // -1: no answer, -2: unreadable
            }
        case .number, .text:
            table[base + answeredSlot[c] - (cat >= 0 ? 0 : (cat == -1 ? 2 : 1))] += 1
        }
    }

    func add(_ response: ResponseSpan) throws {
        if response.partial {
            partial += 1
            return
        }
        complete += 1
        let columnCount = readings.count
        for c in 0..<columnCount {
            state[c] = -1
            mask[c] = 0
        }
        let columnOfPosition = plan.columnOfPosition
        try AnswerCoding.forEachAnswer(response.answers) { position, value in
            guard position < columnOfPosition.count else { return }
            let c = Int(columnOfPosition[position])
            guard c >= 0 else { return }
            switch readings[c] {
            case .item:
                switch value {
                case .code(let code):
                    let at = code - codeBase[c]
                    state[c] = at >= 0 && at < codeTable[c].count ? codeTable[c][at] : -2
                case .missingCode: break
                case .invalid, .value: state[c] = -2
                }
            case .single:
                if case .value(let id) = value, id < valueCategory[c].count { state[c] = valueCategory[c][id] }
            case .multiJoined:
                if case .value(let id) = value, id < valueMask[c].count {
                    mask[c] |= valueMask[c][id]
                    state[c] = 0
                }
            case .multiChoices:
                if case .value(let id) = value {
                    state[c] = 0
                    let chosen = plan.chosenOfPosition[position]
                    if id < chosen.count, chosen[id], plan.choiceOfPosition[position] >= 0 { mask[c] |= 1 << UInt64(plan.choiceOfPosition[position]) }
                }
            case .number:
                if case .value(let id) = value, id < valueNumber[c].count, let number = valueNumber[c][id] {
                    numbers[c].append(number)
                    state[c] = 0
                } else {
                    state[c] = -2
                }
            case .text:
                state[c] = 0
            }
        }
        for c in 0..<columnCount { tally(c, into: counts) }
        for g in groupings.indices {
            switch groupings[g] {
            case .provider: groupOf[g] = group(g, response.provider)
            case .wave: groupOf[g] = group(g, response.wave)
            case .column(let c): groupOf[g] = state[c] >= 0 ? Int(state[c]) : groupIndex(g, label: SummaryTally.notStated)
            }
            let table = groupCounts[g][groupOf[g]]
            for c in cross { tally(c, into: table) }
        }
        guard let (indexes, hasRaw) = scalesOfScoring[response.scoring] else { return }
        try AnswerCoding.forEachScore(response.scores, hasRaw: hasRaw) { at, status, value in
            let s = indexes[at]
            scaleStatus[s][Int(status.rawValue)] += 1
            if let value, value.isFinite {
                scaleValues[s].append(value)
                for g in groupings.indices { groupScaleValues[g][groupOf[g]][s].append(value) }
            }
        }
    }

    func result() -> SummaryTally {
        var tally = SummaryTally()
        tally.complete = complete
        tally.partial = partial
        tally.offsets = offsets
        tally.counts = Array(UnsafeBufferPointer(start: counts, count: width))
        tally.numbers = numbers
        tally.scaleStatus = scaleStatus
        tally.scaleValues = scaleValues
        tally.groupLabels = groupLabels
        tally.groupCounts = groupCounts.map { $0.map { Array(UnsafeBufferPointer(start: $0, count: self.width)) } }
        tally.groupScaleValues = groupScaleValues
        return tally
    }
}
