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
    /// Per scale: complete, prorated, incomplete, invalid.
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
    init(store: Store, survey: Survey, wave: String?, plan: SummaryPlan, groupings: [GroupSource],
         scaleCount: Int, scalesOfScoring: [Int: (indexes: [Int], hasRaw: [Bool])]) throws {
        let columns = plan.columns
        var offset = 0
        for column in columns {
            offsets.append(offset)
            offset += column.labels.count + 3
        }
        counts = Array(repeating: 0, count: offset)
        numbers = Array(repeating: [], count: columns.count)
        scaleStatus = Array(repeating: [0, 0, 0, 0], count: scaleCount)
        scaleValues = Array(repeating: [], count: scaleCount)
        groupLabels = groupings.map { source in
            if case .column(let c) = source { return columns[c].labels }
            return []
        }
        groupCounts = groupLabels.map { $0.map { _ in Array(repeating: 0, count: offset) } }
        groupScaleValues = groupLabels.map { $0.map { _ in Array(repeating: [], count: scaleCount) } }

        // Item codes as small tables: category = table[code - base].
        let codeBase = columns.map { $0.codeCategory.keys.min() ?? 0 }
        let codeTable: [[Int32]] = columns.enumerated().map { c, column in
            guard let high = column.codeCategory.keys.max() else { return [] }
            return (codeBase[c]...high).map { column.codeCategory[$0] ?? -2 }
        }
        let readings = columns.map(\.reading)
        let columnOfPosition = plan.columnOfPosition, choiceOfPosition = plan.choiceOfPosition, chosenOfPosition = plan.chosenOfPosition
        let offsets = self.offsets
        let answeredSlot = columns.map { $0.labels.count + 2 }
        let cross = columns.indices.filter { columns[$0].crossTabulated }
        var state = [Int32](repeating: -1, count: columns.count)
        var mask = [UInt64](repeating: 0, count: columns.count)
        var groupBytes: [[[UInt8]]] = groupings.map { _ in [] }
        var groupOf = [Int](repeating: 0, count: groupings.count)
        var counts = self.counts, numbers = self.numbers, scaleStatus = self.scaleStatus, scaleValues = self.scaleValues
        var groupLabels = self.groupLabels, groupCounts = self.groupCounts, groupScaleValues = self.groupScaleValues
        var complete = 0, partial = 0

        func tallyColumn(_ c: Int, into table: inout [Int]) {
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
            default:
                if cat >= 0 {
                    if readings[c] == .item || readings[c] == .single { table[base + Int(cat)] += 1 }
                    table[base + answeredSlot[c]] += 1
                } else {
                    table[base + answeredSlot[c] - (cat == -1 ? 2 : 1)] += 1   // -1: no answer, -2: unreadable
                }
            }
        }
        func group(_ g: Int, _ bytes: UnsafeBufferPointer<UInt8>?) -> Int {
            guard let bytes, !bytes.isEmpty else { return groupIndex(g, label: Self.notStated) }
            for (index, known) in groupBytes[g].enumerated() where known.count == bytes.count && known.elementsEqual(bytes) { return index }
            let label = String(decoding: bytes, as: UTF8.self)
            let index = groupIndex(g, label: label)
            while groupBytes[g].count <= index { groupBytes[g].append([]) }
            groupBytes[g][index] = Array(bytes)
            return index
        }
        func groupIndex(_ g: Int, label: String) -> Int {
            if let index = groupLabels[g].firstIndex(of: label) { return index }
            groupLabels[g].append(label)
            groupCounts[g].append(Array(repeating: 0, count: offset))
            groupScaleValues[g].append(Array(repeating: [], count: scaleCount))
            while groupBytes[g].count < groupLabels[g].count { groupBytes[g].append([UInt8(0xFF)] + Array(label.utf8)) }  // never matches real bytes
            return groupLabels[g].count - 1
        }

        try store.forEachResponseSpan(survey: survey, wave: wave) { response in
            if response.partial {
                partial += 1
                return
            }
            complete += 1
            for c in state.indices { state[c] = -1; mask[c] = 0 }
            try AnswerCoding.forEachAnswer(response.answers) { position, value in
                guard position < columnOfPosition.count else { return }
                let c = Int(columnOfPosition[position])
                guard c >= 0 else { return }
                switch readings[c] {
                case .item:
                    switch value {
                    case .code(let code):
                        let table = codeTable[c], at = code - codeBase[c]
                        state[c] = at >= 0 && at < table.count ? table[at] : -2
                    case .missingCode: break
                    case .invalid, .value: state[c] = -2
                    }
                case .single:
                    if case .value(let id) = value, id < columns[c].valueCategory.count { state[c] = columns[c].valueCategory[id] }
                case .multiJoined:
                    if case .value(let id) = value, id < columns[c].valueMask.count {
                        mask[c] |= columns[c].valueMask[id]
                        state[c] = 0
                    }
                case .multiChoices:
                    if case .value(let id) = value {
                        state[c] = 0
                        let chosen = chosenOfPosition[position]
                        if id < chosen.count, chosen[id], choiceOfPosition[position] >= 0 { mask[c] |= 1 << UInt64(choiceOfPosition[position]) }
                    }
                case .number:
                    if case .value(let id) = value, id < columns[c].valueNumber.count, let number = columns[c].valueNumber[id] {
                        numbers[c].append(number)
                        state[c] = 0
                    } else {
                        state[c] = -2
                    }
                case .text:
                    state[c] = 0
                }
            }
            for c in state.indices { tallyColumn(c, into: &counts) }
            for (g, source) in groupings.enumerated() {
                switch source {
                case .provider: groupOf[g] = group(g, response.provider)
                case .wave: groupOf[g] = group(g, response.wave)
                case .column(let c): groupOf[g] = state[c] >= 0 ? Int(state[c]) : groupIndex(g, label: Self.notStated)
                }
                for c in cross { tallyColumn(c, into: &groupCounts[g][groupOf[g]]) }
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
        self.counts = counts
        self.numbers = numbers
        self.scaleStatus = scaleStatus
        self.scaleValues = scaleValues
        self.groupLabels = groupLabels
        self.groupCounts = groupCounts
        self.groupScaleValues = groupScaleValues
        self.complete = complete
        self.partial = partial
    }
}
