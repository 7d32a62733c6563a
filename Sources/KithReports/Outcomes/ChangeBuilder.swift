import KithCore
import KithStatistics

/// Builds a `ChangeReport` from the people of two waves.
public enum ChangeBuilder {
    /// - Parameters:
    ///   - byProvider: add one group per provider after everyone.
    ///   - classifications: classification ids to report as categories (or "all").
    public static func build(
        _ data: OutcomeData, byProvider: Bool = false, classifications: [String] = [],
        policy: DisclosurePolicy = .none
    ) throws -> ChangeReport {
        guard data.people.contains(where: { $0.baseline != nil && $0.followUp != nil }) else {
            throw OutcomeError.noPairs(from: data.from, to: data.to, scale: nil)
        }
        let chosen = try chosenClassifications(data.scales, classifications)
        let criteria = data.scales.map { reliableCriterion($0, people: data.people) }
        var groups: [(String?, [OutcomeData.Person])] = [(nil, data.people)]
        if byProvider {
            for provider in data.providers { groups.append((provider, data.people.filter { ($0.provider ?? OutcomeData.noProvider) == provider })) }
        }
        var built = groups.map { provider, people in
            var scores: [ScoreChange] = []
            var categories: [CategoryChange] = []
            for (scale, criterion) in zip(data.scales, criteria) {
                if scale.scale.method == .single {
                    categories.append(singleItemChange(scale, people: people, policy: policy))
                    continue
                }
                scores.append(ScoreAnalysis.change(scale, people: people, criterion: criterion, policy: policy))
                for classification in scale.scale.classifications where chosen.contains(classification.id) {
                    categories.append(bandChange(scale, classification, people: people, policy: policy))
                }
            }
            return ChangeGroup(provider: provider, people: attrition(people, policy: policy), scores: scores, categories: categories)
        }
        var notes = [
            "People are paired by their person id only; change is follow-up minus baseline, on people with the scale scored at both waves. "
                + "Intervals are 95%."
        ]
        // Each group's counts are protected on their own, so everyone minus the other providers
        // would give a provider's hidden count (or withheld statistics) away: then everyone goes.
        if byProvider, built.dropFirst().contains(where: { $0.hidesAnything }) {
            built.removeFirst()
            notes.append(
                "'All providers' is not shown: some providers' counts or statistics are withheld, and all providers together minus the others "
                    + "would give them away. A report not broken down by provider shows everyone."
            )
        }
        if data.superseded > 0 {
            notes.append(
                "\(data.superseded) earlier response\(data.superseded == 1 ? "" : "s") of a person at a wave were replaced by the person's later "
                    + "response at that wave."
            )
        }
        if data.partial > 0 {
            notes.append(
                "\(data.partial) response\(data.partial == 1 ? " is" : "s are") marked partial in the export; each counts for the scales it "
                    + "completed."
            )
        }
        for (wave, count) in data.withoutPerson.sorted(by: { $0.key < $1.key }) {
            notes.append("\(count) response\(count == 1 ? "" : "s") at '\(wave)' have no person id and cannot be paired; they are not counted.")
        }
        for scale in data.scales {
            for classification in scale.scale.classifications where chosen.contains(classification.id) && classification.status != .official {
                notes.append(
                    "\(scale.id): '\(classification.title)' is a \(classification.status.rawValue), not an official cut-off "
                        + "(\(classification.source))."
                )
            }
        }
        var licences: [String] = []
        for scale in data.scales where scale.instrument.licence.printWithResults && !licences.contains(scale.instrument.licence.notice) {
            licences.append(scale.instrument.licence.notice)
        }
        return ChangeReport(survey: data.survey, from: data.from, to: data.to, policy: policy, groups: built, notes: notes, licences: licences)
    }

    static func chosenClassifications(_ scales: [OutcomeScale], _ ids: [String]) throws -> Set<String> {
        let scoreScales = scales.filter { $0.scale.method != .single }
        let known = scoreScales.flatMap { $0.scale.classifications.map(\.id) }
        if ids.contains("all") { return Set(known) }
        for id in ids where !known.contains(id) {
            throw OutcomeError.unknownClassification(id, scale: scoreScales.map(\.id).joined(separator: ", "), known: known)
        }
        return Set(ids)
    }

    static func attrition(_ people: [OutcomeData.Person], policy: DisclosurePolicy) -> Attrition {
        let baseline = people.filter { $0.baseline != nil }.count
        let followUp = people.filter { $0.followUp != nil }.count
        let both = people.filter { $0.baseline != nil && $0.followUp != nil }.count
        var table = CountTableBuilder()
        let b = table.add(baseline)
        let f = table.add(followUp)
        let p = table.add(both)
        let lost = table.add(baseline - both)
        let only = table.add(followUp - both)
        table.line([p, lost], total: b)
        table.line([p, only], total: f)
        let shown = table.protect(policy)
        return Attrition(
            baseline: shown[b], followUp: shown[f], both: shown[p], lost: shown[lost],
            lostPercent: shown[lost].percent(of: shown[b]), followUpOnly: shown[only])
    }

    /// The reliable-change criterion of a scale: its published SEM when the definition
    /// says to use it, else its reliability with the baseline SD of everyone paired.
    static func reliableCriterion(_ scale: OutcomeScale, people: [OutcomeData.Person]) -> (index: ReliableChangeIndex, basis: String, source: String)?
    {
        guard scale.scale.method != .single else { return nil }
        if let sem = scale.scale.standardErrorOfMeasurement, sem.use == .reliableChange,
            let index = try? ReliableChangeIndex(standardErrorOfMeasurement: sem.value)
        {
            return (index, "standard error of measurement \(TextFormat.number(sem.value)) from the definition", sem.source)
        }
        guard let reliability = scale.scale.reliability else { return nil }
        let baseline = people.compactMap { person -> Double? in
            guard let b = person.baseline?[scale.id], person.followUp?[scale.id] != nil else { return nil }
            return b
        }
        guard let sd = (try? Summary(baseline))?.standardDeviation, sd > 0,
            let index = try? ReliableChangeIndex(baselineSD: sd, reliability: reliability.value)
        else { return nil }
        return (
            index,
            "\(reliability.kind) \(TextFormat.number(reliability.value)) from the definition, with the baseline SD \(TextFormat.fixed(sd, 3)) of "
                + "all \(baseline.count) people paired (SEM = SD·√(1 − r))",
            reliability.source
        )
    }
}
