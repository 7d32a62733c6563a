import Foundation
import KithCore

/// Building a row in place: answers by question index, the two times written
/// straight into the block's bytes, then `commitRow`. Nothing is allocated per
/// row.
///
/// Every span of the row being built is kept relative to `rowStart`, so the row
/// survives `send` moving its bytes to a new block mid-way.
extension ImportSession {
    package enum TimeField: Int, Sendable {
        case started = 0
        case submitted = 1
    }

    /// Sets the answer to question `index` of the row being built.
    package func setAnswer(_ answer: ImportAnswer, question index: Int) {
        precondition(rowValues.indices.contains(index), "no question \(index) in this import")
        switch answer {
        case .code(let code): rowValues[index] = .code(code)
        case .missingCode(let code): rowValues[index] = .missingCode(code)
        case .invalid(let text): rowValues[index] = .invalid(valueID: valueID(text, question: index))
        case .text(let text): rowValues[index] = .value(id: valueID(text, question: index))
        case .valueID(let id): rowValues[index] = .value(id: id)
        }
    }

    /// Sets the answer to question `index` from a cell's bytes (one of the survey's own questions).
    package func setAnswer(cell: UnsafeBufferPointer<UInt8>, question index: Int) throws {
        precondition(rowValues.indices.contains(index), "no question \(index) in this import")
        rowValues[index] = .value(id: try valueID(cell, question: index))
    }

    /// Sets a time of the row being built: `write` appends its text (UTF-8) to the bytes given.
    package func setTime(_ field: TimeField, _ write: (inout [UInt8]) -> Void) {
        let start = arena.count
        write(&arena)
        rowTimes[field.rawValue] = EncodedRow.Span(start - rowStart, arena.count - rowStart)
    }

    /// Adds the row built so far. Empty `sourceID` / `personID` mean none.
    package func commitRow(
        sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
        wave: String?, provider: String?, partial: Bool, flag: String?, scores: [ScaleScore]
    ) throws {
        try commitRow(
            sourceRow: sourceRow, sourceID: sourceID, personID: personID, wave: wave, provider: provider, partial: partial, flag: flag,
            scores: scores.lazy.map(Store.stored))
    }

    /// Adds the row built so far, scoring `answers` with `plan` (the import's path:
    /// `ScoringPlan.outcome`, nothing allocated).
    package func commitRow(
        sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
        wave: String?, provider: String?, partial: Bool, flag: String?,
        scoring plan: ScoringPlan, answers: UnsafeBufferPointer<ItemAnswer>
    ) throws {
        // Scored into a small buffer first: a lazy map would capture (copy) the plan every row.
        let count = plan.scales.count
        try withUnsafeTemporaryAllocation(of: AnswerCoding.StoredScore.self, capacity: max(1, count)) { scores in
            for index in 0..<count { (scores.baseAddress! + index).initialize(to: Store.stored(plan.outcome(scale: index, answers))) }
            try commitRow(
                sourceRow: sourceRow, sourceID: sourceID, personID: personID, wave: wave, provider: provider, partial: partial, flag: flag,
                scores: UnsafeBufferPointer(rebasing: scores[..<count]))
        }
    }

    /// Makes `scratch` hold at least `count` bytes.
    func growScratch(to count: Int) {
        scratch.deallocate()
        scratch = .allocate(capacity: max(count, 2 * scratch.count))
    }

    /// Adds the row built so far, with scores already in their stored form.
    ///
    /// Its answers, key texts and scores are encoded in `scratch`, then appended to the block's
    /// bytes in one copy (appending piece by piece checked the array at every append).
    package func commitRow(
        sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
        wave: String?, provider: String?, partial: Bool, flag: String?, scores: some Sequence<AnswerCoding.StoredScore>
    ) throws {
        rowsRead += 1
        let submitted = rowTimes[TimeField.submitted.rawValue]
        var waveText = wave ?? ""
        var providerText = provider ?? ""
        var flagText = flag ?? ""
        let room =
            2 * order.count * AnswerCoding.Writer.maxAnswerBytes + hasRaw.count * AnswerCoding.Writer.maxScoreBytes
            + 2 * (sourceID.count + personID.count) + Int((submitted?.end ?? 0) - (submitted?.start ?? 0))
            + 2 * waveText.utf8.count + providerText.utf8.count + flagText.utf8.count + 32
        if scratch.count < room { growScratch(to: room) }
        var writer = AnswerCoding.Writer(scratch.baseAddress!)
        for index in order {
            guard let value = rowValues[index] else { continue }
            writer.answer(position: positions[index], value)
            rowValues[index] = nil
        }
        let answersEnd = writer.count
        // What the stored keys are keyed hashes of, copied into the block: the writer thread
        // computes them (`EncodedRow.KeyKind`), off this thread.
        let keyKind: EncodedRow.KeyKind
        if !sourceID.isEmpty {
            // A response id names a response within its wave: longitudinal exports (REDCap events)
            // repeat a record's id at every wave.
            writer.bytes(sourceID)
            keyKind = .respondent
        } else if !personID.isEmpty {
            // No response id: a person answers once per wave.
            writer.bytes(personID)
            keyKind = .personWave
        } else {
            // No response id: the content identifies the response; identical rows are told apart by their order.
            let hash = AnswerCoding.contentHash(writer.written)
            let occurrence = occurrences[hash, default: 0]
            occurrences[hash] = occurrence + 1
            if let submitted {
                arena.withUnsafeBufferPointer {
                    writer.bytes(UnsafeBufferPointer(rebasing: $0[rowStart + Int(submitted.start)..<rowStart + Int(submitted.end)]))
                }
            }
            writer.byte(0)
            waveText.withUTF8 { writer.bytes($0) }
            writer.byte(0)
            writer.bytes(UnsafeBufferPointer(start: scratch.baseAddress, count: answersEnd))
            var number = "#\(occurrence)"
            number.withUTF8 { writer.bytes($0) }
            keyKind = .content
        }
        let keyEnd = writer.count
        var personEnd = keyEnd
        if !personID.isEmpty, keyKind != .personWave {
            writer.bytes(personID)
            personEnd = writer.count
        }
        let scoresStart = writer.count
        writer.scores(scores, hasRaw: hasRaw)
        let scoresEnd = writer.count
        // The texts go to the writer thread as bytes too: strings would be retained and released per row.
        waveText.withUTF8 { writer.bytes($0) }
        let waveEnd = writer.count
        providerText.withUTF8 { writer.bytes($0) }
        let providerEnd = writer.count
        flagText.withUTF8 { writer.bytes($0) }
        // Spans are offsets in the arena.
        let offset = arena.count
        arena.append(contentsOf: writer.written)
        func span(_ start: Int, _ end: Int) -> EncodedRow.Span { EncodedRow.Span(offset + start, offset + end) }
        let key = span(answersEnd, keyEnd)
        let personKey: EncodedRow.Span? = personID.isEmpty ? nil : keyKind == .personWave ? key : span(keyEnd, personEnd)
        pending.append(
            EncodedRow(
                sourceRow: sourceRow, keyKind: keyKind, responseKey: key, personKey: personKey,
                sourceID: target.keepIDs && keyKind == .respondent ? key : nil,
                personID: target.keepIDs ? personKey : nil,
                wave: wave == nil ? nil : span(scoresEnd, waveEnd), provider: provider == nil ? nil : span(waveEnd, providerEnd),
                startedAt: rowTimes[0]?.rebased(by: -rowStart), submittedAt: rowTimes[1]?.rebased(by: -rowStart),
                partial: partial, flag: flag == nil ? nil : span(providerEnd, writer.count), answers: span(0, answersEnd),
                scoringID: scoringID, scores: span(scoresStart, scoresEnd)))
        rowTimes[0] = nil
        rowTimes[1] = nil
        rowStart = arena.count
        if pending.count >= Self.blockSize { try send() }
    }
}
