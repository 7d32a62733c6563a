import Foundation
import KithCore

/// Building a row in place: answers by question index, the two times written
/// straight into the block's bytes, then `commitRow`. Nothing is allocated per
/// row.
///
/// Every span of the row being built is kept relative to `rowStart`, so the row
/// survives `send` moving its bytes to a new block mid-way.
extension ImportSession {
    public enum TimeField: Int, Sendable { case started = 0, submitted = 1 }

    /// Sets the answer to question `index` of the row being built.
    public func setAnswer(_ answer: ImportAnswer, question index: Int) {
        switch answer {
        case .code(let code): rowValues[index] = .code(code)
        case .missingCode(let code): rowValues[index] = .missingCode(code)
        case .invalid(let text): rowValues[index] = .invalid(valueID: valueID(text, question: index))
        case .text(let text): rowValues[index] = .value(id: valueID(text, question: index))
        case .valueID(let id): rowValues[index] = .value(id: id)
        }
    }

    /// Sets the answer to question `index` from a cell's bytes (one of the survey's own questions).
    public func setAnswer(cell: UnsafeBufferPointer<UInt8>, question index: Int) throws {
        rowValues[index] = .value(id: try valueID(cell, question: index))
    }

    /// Sets a time of the row being built: `write` appends its text (UTF-8) to the bytes given.
    public func setTime(_ field: TimeField, _ write: (inout [UInt8]) -> Void) {
        let start = arena.count
        write(&arena)
        rowTimes[field.rawValue] = EncodedRow.Span(start - rowStart, arena.count - rowStart)
    }

    /// Adds the row built so far. Empty `sourceID` / `personID` mean none.
    public func commitRow(sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
                          wave: String?, provider: String?, partial: Bool, flag: String?, scores: [ScaleScore]) throws {
        try commitRow(sourceRow: sourceRow, sourceID: sourceID, personID: personID, wave: wave, provider: provider, partial: partial, flag: flag,
                      scores: scores.lazy.map(Store.stored))
    }

    /// Adds the row built so far, scoring `answers` with `plan` (the import's path:
    /// `ScoringPlan.outcome`, nothing allocated).
    public func commitRow(sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
                          wave: String?, provider: String?, partial: Bool, flag: String?,
                          scoring plan: ScoringPlan, answers: UnsafeBufferPointer<ItemAnswer>) throws {
        try commitRow(sourceRow: sourceRow, sourceID: sourceID, personID: personID, wave: wave, provider: provider, partial: partial, flag: flag,
                      scores: plan.scales.lazy.map { Store.stored(plan.outcome($0, answers)) })
    }

    /// Adds the row built so far, with scores already in their stored form.
    public func commitRow(sourceRow: Int, sourceID: UnsafeBufferPointer<UInt8>, personID: UnsafeBufferPointer<UInt8>,
                          wave: String?, provider: String?, partial: Bool, flag: String?, scores: some Sequence<AnswerCoding.StoredScore>) throws {
        rowsRead += 1
        let answersStart = arena.count
        for index in order {
            guard let value = rowValues[index] else { continue }
            AnswerCoding.append(position: positions[index], value, to: &arena)
            rowValues[index] = nil
        }
        var answers = EncodedRow.Span(answersStart - rowStart, arena.count - rowStart)
        let hash = arena.withUnsafeBufferPointer { AnswerCoding.contentHash(UnsafeBufferPointer(rebasing: $0[answersStart...])) }
        // What the stored keys are keyed hashes of, copied into the block: the writer thread
        // computes them (`EncodedRow.KeyKind`), off this thread.
        let keyStart = arena.count
        let keyKind: EncodedRow.KeyKind
        if !sourceID.isEmpty {
            // A response id names a response within its wave: longitudinal exports (REDCap events)
            // repeat a record's id at every wave.
            arena.append(contentsOf: sourceID)
            keyKind = .respondent
        } else if !personID.isEmpty {
            // No response id: a person answers once per wave.
            arena.append(contentsOf: personID)
            keyKind = .personWave
        } else {
            // No response id: the content identifies the response; identical rows are told apart by their order.
            let occurrence = occurrences[hash, default: 0]
            occurrences[hash] = occurrence + 1
            var identity: [UInt8] = []
            if let submitted = rowTimes[TimeField.submitted.rawValue] { identity += arena[rowStart + Int(submitted.start)..<rowStart + Int(submitted.end)] }
            identity += [0] + Array((wave ?? "").utf8) + [0]
            identity += arena[answersStart..<keyStart]
            identity += Array("#\(occurrence)".utf8)
            arena.append(contentsOf: identity)
            keyKind = .content
        }
        let key = EncodedRow.Span(keyStart - rowStart, arena.count - rowStart)
        var personKey: EncodedRow.Span?
        if !personID.isEmpty {
            if keyKind == .personWave {
                personKey = key
            } else {
                let start = arena.count
                arena.append(contentsOf: personID)
                personKey = EncodedRow.Span(start - rowStart, arena.count - rowStart)
            }
        }
        let scoresStart = arena.count
        AnswerCoding.appendScores(scores, hasRaw: hasRaw, to: &arena)
        let scoreSpan = EncodedRow.Span(scoresStart - rowStart, arena.count - rowStart)
        let base = rowStart
        answers = answers.rebased(by: -base)
        pending.append(EncodedRow(
            sourceRow: sourceRow, keyKind: keyKind, responseKey: key.rebased(by: -base), personKey: personKey?.rebased(by: -base),
            sourceID: target.keepIDs && !sourceID.isEmpty ? String(decoding: sourceID, as: UTF8.self) : nil,
            personID: target.keepIDs && !personID.isEmpty ? String(decoding: personID, as: UTF8.self) : nil,
            wave: wave, provider: provider,
            startedAt: rowTimes[0]?.rebased(by: -base), submittedAt: rowTimes[1]?.rebased(by: -base),
            partial: partial, flag: flag, hash: hash, answers: answers,
            scoringID: scoringID, scores: scoreSpan.rebased(by: -base)))
        rowTimes[0] = nil
        rowTimes[1] = nil
        rowStart = arena.count
        if pending.count >= Self.blockSize { try send() }
    }
}
