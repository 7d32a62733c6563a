import KithCore
import KithStore

/// A scale the survey's responses were scored on, with its definition.
public struct OutcomeScale: Sendable {
    /// Qualified id, e.g. `swemwbs.metric`.
    public let id: String
    public let instrument: Instrument
    public let scale: Scale
}

/// The people of a survey measured at a baseline wave and a follow-up wave,
/// paired by their person key (the keyed hash of the person id) and nothing else.
public struct OutcomeData: Sendable {
    /// One person: their provider and their scores at each wave they answered.
    package struct Person: Sendable {
        /// The provider at baseline, else at follow-up.
        package var provider: String?
        /// Scored values by qualified scale id (complete, prorated or answered-sum scores); nil if not measured at the wave.
        package var baseline: [String: Double]?
        package var followUp: [String: Double]?
    }

    package let survey: String
    package let from: String
    package let to: String
    /// Scales in the order the survey was scored on them.
    package let scales: [OutcomeScale]
    /// People in order of first appearance.
    package let people: [Person]
    /// Responses at either wave without a person id: they cannot be paired.
    package let withoutPerson: [String: Int]
    /// Earlier responses of a person at a wave that a later one replaced.
    package let superseded: Int
    /// Responses marked partial that were used (their complete scales only).
    package let partial: Int

    /// Reads the survey's responses at `from` and `to`. `instruments` limits the
    /// scales (instrument ids or qualified scale ids); empty means every scale scored.
    public static func load(
        store: Store, survey: Survey, catalog: Catalog, from: String, to: String,
        instruments: [String] = []
    ) throws -> OutcomeData {
        let waves = try store.waves(survey: survey)
        for wave in [from, to] where !waves.contains(wave) { throw OutcomeError.unknownWave(wave, known: waves) }
        guard from != to else { throw OutcomeError.sameWave(from) }
        let scorings = try store.scorings()
        var stored: [String] = []
        for id in scorings.keys.sorted() { for scale in scorings[id] ?? [] where !stored.contains(scale.scale) { stored.append(scale.scale) } }
        var scales: [OutcomeScale] = []
        for name in stored {
            guard let found = try? catalog.scale(name) else { continue }
            let wanted = instruments.isEmpty || instruments.contains(found.instrument.id) || instruments.contains(name)
            if wanted { scales.append(OutcomeScale(id: name, instrument: found.instrument, scale: found.scale)) }
        }
        for asked in instruments where asked.contains(".") && !stored.contains(asked) {
            _ = try catalog.scale(asked)
            throw OutcomeError.scaleNotStored(asked, stored: stored)
        }
        guard !scales.isEmpty else { throw OutcomeError.noScales(survey: survey.name, asked: instruments, stored: stored) }
        let wanted = Set(scales.map(\.id))

        var index: [[UInt8]: Int] = [:]
        var people: [Person] = []
        var withoutPerson: [String: Int] = [:]
        var superseded = 0
        var partial = 0
        for (wave, isBaseline) in [(from, true), (to, false)] {
            try store.forEachResponse(survey: survey, wave: wave) { response in
                guard let key = response.personKey else {
                    withoutPerson[wave, default: 0] += 1
                    return
                }
                let scaleList = scorings[response.scoring] ?? []
                let decoded = try response.scores.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: scaleList.map(\.hasRaw)) }
                var values: [String: Double] = [:]
                for (scale, score) in zip(scaleList, decoded) where wanted.contains(scale.scale) {
                    if score.status.hasValue, let value = score.value, value.isFinite { values[scale.scale] = value }
                }
                if response.partial { partial += 1 }
                let at =
                    index[key]
                    ?? {
                        people.append(Person(provider: nil, baseline: nil, followUp: nil))
                        index[key] = people.count - 1
                        return people.count - 1
                    }()
                if isBaseline {
                    if people[at].baseline != nil { superseded += 1 }
                    people[at].baseline = values
                    if let provider = response.provider { people[at].provider = provider }
                } else {
                    if people[at].followUp != nil { superseded += 1 }
                    people[at].followUp = values
                    if people[at].baseline == nil, let provider = response.provider { people[at].provider = provider }
                }
            }
        }
        return OutcomeData(
            survey: survey.name, from: from, to: to, scales: scales, people: people,
            withoutPerson: withoutPerson, superseded: superseded, partial: partial)
    }

    /// Distinct providers, sorted; people without one are under "(no provider)".
    package var providers: [String] {
        Array(Set(people.map { $0.provider ?? OutcomeData.noProvider })).sorted()
    }

    package static let noProvider = "(no provider)"
}
