import KithCore
import KithStatistics

/// Paired change on one score for one group of people.
enum ScoreAnalysis {
    /// Tolerance for comparing a change with a threshold: SWEMWBS metric values
    /// have two decimals, so their differences carry binary rounding error.
    static let tolerance = 1e-9

    /// (baseline, follow-up) of the people with the scale scored at both waves, in order.
    static func pairs(_ scale: OutcomeScale, _ people: [OutcomeData.Person]) -> [(baseline: Double, followUp: Double)] {
        people.compactMap { person in
            guard let b = person.baseline?[scale.id], let f = person.followUp?[scale.id] else { return nil }
            return (b, f)
        }
    }

    /// -1 worse, 0 unchanged, +1 improved by the meaningful-change rule.
    static func direction(_ scale: Scale, baseline: Double, followUp: Double) -> Int {
        let change = (followUp - baseline) * (scale.higherIs == .better ? 1 : -1)
        let threshold = scale.meaningfulChange.map { $0.points - tolerance } ?? tolerance
        return change >= threshold ? 1 : (change <= -threshold ? -1 : 0)
    }

    static func rule(_ scale: Scale) -> String {
        let way = scale.higherIs == .better ? "higher is better" : "lower is better"
        if let mc = scale.meaningfulChange { return "a change of \(TextFormat.number(mc.points)) or more points (\(way))" }
        return "any change (the definition gives no meaningful-change threshold; \(way))"
    }

    static func change(
        _ scale: OutcomeScale, people: [OutcomeData.Person],
        criterion: (index: ReliableChangeIndex, basis: String, source: String)?, policy: DisclosurePolicy
    ) -> ScoreChange {
        let pairs = pairs(scale, people)
        let baselineOnly = people.compactMap { p -> Double? in
            guard let b = p.baseline?[scale.id], p.followUp?[scale.id] == nil else { return nil }
            return b
        }
        let n = pairs.count
        let moves = pairs.map { direction(scale.scale, baseline: $0.baseline, followUp: $0.followUp) }
        let reliable = criterion.map { c in
            pairs.map {
                c.index.classify(
                    baseline: $0.baseline, followUp: $0.followUp, direction: scale.scale.higherIs == .better ? .higherIsBetter : .higherIsWorse)
            }
        }

        var table = CountTableBuilder()
        let paired = table.add(n)
        let lost = table.add(baselineOnly.count)
        let baseline = table.sum(of: [paired, lost])
        let improved = table.add(moves.filter { $0 > 0 }.count)
        let same = table.add(moves.filter { $0 == 0 }.count)
        let worse = table.add(moves.filter { $0 < 0 }.count)
        table.line([improved, same, worse], total: paired)
        var rc: [Int] = []
        if let reliable {
            rc = [
                table.add(reliable.filter { $0 == .reliableImprovement }.count), table.add(reliable.filter { $0 == .noReliableChange }.count),
                table.add(reliable.filter { $0 == .reliableDeterioration }.count)
            ]
            table.line(rc, total: paired)
        }
        let shown = table.protect(policy)

        let withheld = policy.withholdsStatistics(paired: n, nobody: "nobody has this score at both waves")
        let open = withheld == nil
        let base = open ? try? Summary(pairs.map(\.baseline)) : nil
        let follow = open ? try? Summary(pairs.map(\.followUp)) : nil
        var test: PairedTTest? = nil
        var testNote: String? = nil
        if open {
            do { test = try PairedTTest(pairs.map(\.followUp), pairs.map(\.baseline)) } catch { testNote = "no paired t test: \(error)" }
        }

        var welch: TwoSampleTTest? = nil
        var lostNote: String? = nil
        let lostOpen = open && !baselineOnly.isEmpty && baselineOnly.count >= policy.minimumForStatistics && !policy.hides(baselineOnly.count)
        if baselineOnly.isEmpty {
            lostNote = "nobody was lost to follow-up on this scale"
        } else if !lostOpen {
            lostNote = open ? "fewer than \(policy.minimumForStatistics) people lost to follow-up (disclosure control \(policy.rawValue))" : withheld
        } else {
            do { welch = try TwoSampleTTest(baselineOnly, pairs.map(\.baseline), variance: .welch) } catch { lostNote = "no Welch test: \(error)" }
        }
        let lostComparison = LostComparison(
            lost: shown[lost], lostMean: lostOpen ? (try? Summary(baselineOnly))?.mean : nil,
            pairedMean: lostOpen ? base?.mean : nil, welch: welch, note: lostNote)

        let mc = scale.scale.meaningfulChange
        let meaningful = ChangeCategories(
            rule: rule(scale.scale), threshold: mc?.points, source: mc?.source,
            improved: shown[improved], unchanged: shown[same], worse: shown[worse],
            improvedPercent: shown[improved].percent(of: shown[paired]),
            unchangedPercent: shown[same].percent(of: shown[paired]),
            worsePercent: shown[worse].percent(of: shown[paired]))
        let reliableCounts = criterion.map { c in
            ReliableChangeCounts(
                basis: c.basis, source: c.source, index: c.index, improvement: shown[rc[0]], noReliableChange: shown[rc[1]],
                deterioration: shown[rc[2]], improvementPercent: shown[rc[0]].percent(of: shown[paired]),
                deteriorationPercent: shown[rc[2]].percent(of: shown[paired]))
        }
        return ScoreChange(
            scale: scale, baselineCount: shown[baseline], paired: shown[paired],
            withheld: withheld, baselineMean: base?.mean, followUpMean: follow?.mean,
            baselineSD: base?.standardDeviation, followUpSD: follow?.standardDeviation,
            test: test, testNote: testNote, lostToFollowUp: lostComparison, meaningful: meaningful, reliable: reliableCounts)
    }
}
