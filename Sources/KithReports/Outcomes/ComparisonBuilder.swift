import KithCore
import KithStatistics

/// Builds a `ComparisonReport`: providers compared on one score.
public enum ComparisonBuilder {
    /// - Parameters:
    ///   - classification: count "% no longer in the worse band" (e.g. `lonely-6-9`) in the funnel
    ///     plot instead of "% improved" by the meaningful-change rule.
    public static func build(_ data: OutcomeData, classification: String? = nil, policy: DisclosurePolicy = .none) throws -> ComparisonReport {
        let scores = data.scales.filter { $0.scale.method != .single }
        guard let scale = scores.first else { throw OutcomeError.notAScore(data.scales.first?.id ?? "the scale") }
        var notes: [String] = []
        if scores.count > 1 {
            notes.append("Compared on \(scale.id); another score can be chosen (\(scores.dropFirst().map(\.id).joined(separator: ", "))).")
        }
        let measure = try funnelMeasure(scale, classification)
        let pairs = ScoreAnalysis.pairs(scale, data.people)
        guard !pairs.isEmpty else { throw OutcomeError.noPairs(from: data.from, to: data.to, scale: scale.id) }
        let providers = data.providers.filter { name in
            data.people.contains { ($0.provider ?? OutcomeData.noProvider) == name && $0.baseline?[scale.id] != nil }
        }
        let groups = providers.map { name in data.people.filter { ($0.provider ?? OutcomeData.noProvider) == name } }
        let withPairs = zip(providers, groups).filter { !ScoreAnalysis.pairs(scale, $1).isEmpty }.map(\.0)
        guard withPairs.count >= 2 else { throw OutcomeError.tooFewProviders(found: withPairs) }

        // A provider with too few clients paired is withheld; it is also left out of the
        // "all providers" row, which would otherwise give its figures away (all − the others).
        let withheld = groups.map { policy.withholdsStatistics(paired: ScoreAnalysis.pairs(scale, $0).count, people: "clients", nobody: noPairs) }
        let shownGroups = zip(groups, withheld).filter { $1 == nil }.map(\.0)
        let leftOut = zip(providers, withheld).filter { $1 != nil }.map(\.0)

        // Counts of every provider and of the providers shown, protected together.
        var table = CountTableBuilder()
        typealias Cells = (paired: Int, lost: Int, baseline: Int, events: Int, denominator: Int)
        var cells: [Cells] = []
        for people in groups {
            let counts = rawCounts(scale, people, measure)
            let paired = table.add(counts.paired)
            let lost = table.add(counts.lost)
            let baseline = table.sum(of: [paired, lost])
            let events = table.add(counts.events)
            let non = table.add(counts.denominator - counts.events)
            let denominator: Int
            if measure.classification == nil {
                table.line([events, non], total: paired)
                denominator = paired
            } else {
                denominator = table.sum(of: [events, non])
            }
            cells.append((paired, lost, baseline, events, denominator))
        }
        let summed = zip(cells, withheld).filter { $1 == nil }.map(\.0)
        let total: Cells = (
            table.sum(of: summed.map(\.paired)), table.sum(of: summed.map(\.lost)), 0, table.sum(of: summed.map(\.events)),
            measure.classification == nil ? 0 : table.sum(of: summed.map(\.denominator))
        )
        let totalBaseline = table.sum(of: [total.paired, total.lost])
        table.line(summed.map(\.baseline), total: totalBaseline)
        let everyone: Cells = (
            total.paired, total.lost, totalBaseline, total.events, measure.classification == nil ? total.paired : total.denominator
        )
        let shown = table.protect(policy)

        var rows: [ProviderOutcome] = []
        for (name, (people, c)) in zip(providers, zip(groups, cells)) {
            rows.append(outcome(name, scale, people, c, shown, policy))
        }
        let all = outcome(nil, scale, shownGroups.flatMap { $0 }, everyone, shown, policy)

        var adjusted: AdjustedComparison? = nil
        var adjustedNote: String? = nil
        do {
            adjusted = try Adjustment.fit(scale, data.people, providers: withPairs, rows: rows)
        } catch {
            adjustedNote = "The baseline-adjusted comparison could not be fitted: \(error)"
        }
        var funnel: FunnelChart? = nil
        var funnelNote: String? = nil
        do {
            funnel = try FunnelBuilder.chart(providers: providers, rows: rows)
        } catch {
            funnelNote = "No funnel plot: \(error)"
        }
        notes.insert(
            "Clients are paired by their person id only; change is follow-up minus baseline on clients with \(scale.id) at both waves. Intervals "
                + "are 95%.",
            at: 0)
        if !leftOut.isEmpty {
            notes.append(
                "'All providers shown' leaves out \(leftOut.joined(separator: ", ")), whose figures are withheld: with "
                    + "\(leftOut.count == 1 ? "it" : "them") in, \(leftOut.count == 1 ? "its" : "their") counts and means could be worked out from "
                    + "the total. A change report not broken down by provider shows everyone."
            )
        }
        if let c = measure.classification, c.status != .official {
            notes.append("'\(c.title)' is a \(c.status.rawValue), not an official cut-off (\(c.source)).")
        }
        let licences = scale.instrument.licence.printWithResults ? [scale.instrument.licence.notice] : []
        return ComparisonReport(
            survey: data.survey, from: data.from, to: data.to, policy: policy, scale: scale, providers: rows, all: all, leftOut: leftOut,
            measure: measure, adjusted: adjusted, adjustedNote: adjustedNote, funnel: funnel, funnelNote: funnelNote,
            notes: notes, licences: licences)
    }

    static let noPairs = "no client has the score at both waves"

    static func funnelMeasure(_ scale: OutcomeScale, _ id: String?) throws -> FunnelMeasure {
        guard let id else {
            return FunnelMeasure(name: "% improved", rule: ScoreAnalysis.rule(scale.scale), denominator: "clients paired", classification: nil)
        }
        guard let classification = scale.scale.classification(id) else {
            throw OutcomeError.unknownClassification(id, scale: scale.id, known: scale.scale.classifications.map(\.id))
        }
        let worst = classification.bands[scale.scale.higherIs == .worse ? classification.bands.count - 1 : 0].label
        return FunnelMeasure(
            name: "% no longer \(worst)", rule: "in the band '\(worst)' of \(classification.title) at baseline and not at follow-up",
            denominator: "clients \(worst) at baseline", classification: classification)
    }

    /// Whether a value is in the worse-end band of the measure's classification.
    static func inWorstBand(_ value: Double, _ scale: Scale, _ classification: Classification) -> Bool {
        let bands = classification.bands
        guard let band = bands.lastIndex(where: { $0.from <= value }) else { return false }
        return band == (scale.higherIs == .worse ? bands.count - 1 : 0)
    }

    static func rawCounts(_ scale: OutcomeScale, _ people: [OutcomeData.Person], _ measure: FunnelMeasure)
        -> (paired: Int, lost: Int, events: Int, denominator: Int)
    {
        let pairs = ScoreAnalysis.pairs(scale, people)
        let lost = people.filter { $0.baseline?[scale.id] != nil && $0.followUp?[scale.id] == nil }.count
        if let c = measure.classification {
            let atRisk = pairs.filter { inWorstBand($0.baseline, scale.scale, c) }
            return (pairs.count, lost, atRisk.filter { !inWorstBand($0.followUp, scale.scale, c) }.count, atRisk.count)
        }
        let improved = pairs.filter { ScoreAnalysis.direction(scale.scale, baseline: $0.baseline, followUp: $0.followUp) > 0 }.count
        return (pairs.count, lost, improved, pairs.count)
    }

    static func outcome(
        _ name: String?, _ scale: OutcomeScale, _ people: [OutcomeData.Person],
        _ c: (paired: Int, lost: Int, baseline: Int, events: Int, denominator: Int),
        _ shown: [ShownCount], _ policy: DisclosurePolicy
    ) -> ProviderOutcome {
        let pairs = ScoreAnalysis.pairs(scale, people)
        let withheld = policy.withholdsStatistics(paired: pairs.count, people: "clients", nobody: noPairs)
        var test: PairedTTest? = nil
        var note: String? = nil
        if withheld == nil {
            do { test = try PairedTTest(pairs.map(\.followUp), pairs.map(\.baseline)) } catch { note = "no interval: \(error)" }
        }
        let open = withheld == nil
        return ProviderOutcome(
            provider: name, baseline: shown[c.baseline], paired: shown[c.paired], lost: shown[c.lost],
            lostPercent: shown[c.lost].percent(of: shown[c.baseline]), withheld: withheld,
            baselineMean: open ? (try? Summary(pairs.map(\.baseline)))?.mean : nil,
            followUpMean: open ? (try? Summary(pairs.map(\.followUp)))?.mean : nil,
            change: test, changeNote: note, events: shown[c.events], denominator: shown[c.denominator],
            percent: open ? shown[c.events].percent(of: shown[c.denominator]) : nil)
    }
}
