import Foundation
import KithCore
import KithStore

/// One respondent's answers as an app collected them (a tablet on a home visit, a web form):
/// no file, no columns, answers keyed by item id.
public struct CollectedResponse: Sendable, Hashable {
    /// The app's own id of the response (kept as a keyed hash, like a file's response id).
    public var id: String?
    /// The person's id, stable across waves, so baseline and follow-up pair up (a keyed hash).
    public var person: String?
    public var wave: String?
    public var provider: String?
    public var submittedAt: Date?
    /// Answers by item id (`"ucla3_1": .code(2)`); an item not named is missing, never zero.
    public var answers: [String: ItemAnswer]

    public init(
        id: String? = nil, person: String? = nil, wave: String? = nil, provider: String? = nil,
        submittedAt: Date? = nil, answers: [String: ItemAnswer]
    ) {
        self.id = id
        self.person = person
        self.wave = wave
        self.provider = provider
        self.submittedAt = submittedAt
        self.answers = answers
    }
}

extension Store {
    /// Scores and stores responses an app collected, as one batch (all or nothing), exactly as an
    /// import of a file with the same answers would: ids as keyed hashes, the conflict policy of
    /// `target`, undo by batch.
    ///
    /// The batch is fingerprinted by its content, so storing the same responses again adds nothing.
    ///
    /// - Parameters:
    ///   - plan: the instruments the answers belong to; an item id no scale of the plan reads is an error.
    ///   - name: how the batch is listed (in place of a file name).
    public func store(
        _ responses: [CollectedResponse], plan: ScoringPlan, target: ImportTarget,
        batch: BatchSettings = BatchSettings(), name: String = "collected responses"
    ) throws -> ImportReport {
        let items = plan.itemIDs
        let questions = items.map { ImportQuestion(key: $0, text: $0, item: $0, kind: .item, identifying: false) }
        var rows: [ImportRow] = []
        rows.reserveCapacity(responses.count)
        let dates = ISO8601DateFormatter()
        for (index, response) in responses.enumerated() {
            let scores = try plan.score(response.answers)
            let answers: [ImportAnswer?] = items.map { item in
                switch response.answers[item] {
                case .code(let code): .code(code)
                case .missing(.missingCode(let code)): .missingCode(code)
                case .invalid(let invalid): .invalid(invalid.text)
                case .missing, nil: nil
                }
            }
            rows.append(
                ImportRow(
                    sourceRow: index + 1, sourceID: response.id, personID: response.person,
                    wave: response.wave ?? batch.wave, provider: response.provider ?? batch.provider,
                    submittedAt: response.submittedAt.map { dates.string(from: $0) },
                    answers: answers, scores: scores.map(Store.stored)))
        }
        let fingerprint = Self.fingerprint(of: responses, items: items)
        var settings = batch.settings
        settings["on-conflict"] = target.onConflict.rawValue
        let source = BatchSource(
            fileName: name, fingerprint: { fingerprint }, dialect: "collected", encoding: "utf-8",
            options: settings, tool: batch.tool, user: batch.user)
        return try importBatch(into: target, source: source, questions: questions, scales: plan.scoring) { session in
            for row in rows { try session.add(row) }
        }
    }

    /// SHA-256 of the responses in a canonical form (fields and answers in a fixed order).
    private static func fingerprint(of responses: [CollectedResponse], items: [String]) -> (sha256: String, bytes: Int) {
        var text = ""
        for response in responses {
            for field in [response.id, response.person, response.wave, response.provider] {
                text += (field.map { "\($0.utf8.count):\($0)" } ?? "-") + "\u{1F}"
            }
            text += response.submittedAt.map { "\($0.timeIntervalSince1970)" } ?? "-"
            for item in items { text += "\u{1F}\(response.answers[item].map { "\($0)" } ?? "-")" }
            text += "\u{1E}"
        }
        let bytes = Array(text.utf8)
        return (Hex.encode(SHA256.hash(bytes)), bytes.count)
    }
}
