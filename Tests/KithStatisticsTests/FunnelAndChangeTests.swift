import Foundation
import Testing

@testable import KithStatistics

/// Funnel-plot limits and the reliable change index (`Fixtures/funnel.json`), relative tolerance 1e-9.
@Suite("Funnel plots and reliable change")
struct FunnelAndChangeTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("funnel") }
    private func select(_ kind: String) -> [FixtureCase] { cases.filter { $0["kind"].string == kind } }

    @Test func proportionLimits() throws {
        let first = try #require(select("prop_normal").first)
        let events = first.inputs["events"].ints
        let denominators = first.inputs["denominators"].ints
        let normal = try FunnelPlot.proportions(events: events, denominators: denominators, levels: [0.95, 0.998])
        let exact = try FunnelPlot.proportions(events: events, denominators: denominators, levels: [0.95, 0.998], method: .exactBinomial)
        expectClose(normal.centre, try #require(select("prop_centre").first).expected.double, "centre")
        for (kind, plot) in [("prop_normal", normal), ("prop_exact", exact)] {
            let selected = select(kind)
            #expect(selected.count == 18)
            for c in selected {
                let level = c.inputs["level"].double
                let limit = try #require(plot.limits(size: c.inputs["n"].int).first { $0.level == level })
                expectClose([limit.lower, limit.upper], c.expected.doubles, abs: 1e-15, "\(kind) \(c)")
            }
        }
    }

    @Test func classification() throws {
        let plot = try FunnelPlot.proportions(events: [12, 30, 4, 51, 9, 0, 77], denominators: [40, 120, 35, 150, 60, 18, 210])
        for unit in plot.units {
            for (limit, position) in zip(unit.limits, unit.positions) {
                let expected: FunnelPosition = unit.value < limit.lower ? .below : (unit.value > limit.upper ? .above : .within)
                #expect(position == expected)
                #expect(limit.lower <= plot.centre && plot.centre <= limit.upper)
            }
        }
        // 0/18 against θ ≈ 0.28 is below the 95% limit; inner limits are narrower than outer ones.
        #expect(plot.units[5].positions[0] == .below)
        let l = plot.limits(size: 100)
        #expect(l[0].lower > l[1].lower && l[0].upper < l[1].upper)
        #expect(plot.classify(value: 0.99, size: 100) == [.above, .above])
    }

    @Test func meanLimits() throws {
        let selected = select("mean_limits")
        #expect(selected.count == 8)
        let i = selected[0].inputs
        let plot = try FunnelPlot.means(i["means"].doubles, sizes: i["sizes"].ints, standardDeviation: i["sigma"].double)
        expectClose(plot.centre, i["mu"].double, "weighted centre")
        for c in selected {
            let limit = try #require(plot.limits(size: c.inputs["n"].int).first { $0.level == c.inputs["level"].double })
            expectClose([limit.lower, limit.upper], c.expected.doubles, "\(c)")
        }
    }

    @Test func criticalValuesMatchThePublishedRoundedOnes() throws {
        let z = try #require(select("z_values").first).expected.doubles
        expectClose([Normal.twoSidedCritical(level: 0.95), Normal.twoSidedCritical(level: 0.998)], z, "z")
        #expect(abs(z[0] - 1.959964) < 5e-7 && abs(z[1] - 3.090232) < 5e-7)
    }

    @Test func reliableChange() throws {
        let selected = select("rci")
        #expect(selected.count == 3)
        for c in selected {
            let i = c.inputs
            let e = c.expected.doubles
            let rci = try ReliableChangeIndex(baselineSD: i["sd"].double, reliability: i["rxx"].double)
            let rc = rci.index(baseline: i["x1"].double, followUp: i["x2"].double)
            expectClose([rci.standardErrorOfMeasurement, rci.standardErrorOfDifference, rc, rci.criticalDifference], e, "\(c)")
            let fromSEM = try ReliableChangeIndex(standardErrorOfMeasurement: e[0])
            expectClose(fromSEM.criticalDifference, e[3], "from published SEM")
            let category = rci.classify(baseline: i["x1"].double, followUp: i["x2"].double, direction: .higherIsBetter)
            let flipped = rci.classify(baseline: i["x1"].double, followUp: i["x2"].double, direction: .higherIsWorse)
            switch (abs(e[2]) > 1.96, e[2] > 0) {
            case (false, _): #expect(category == .noReliableChange && flipped == .noReliableChange)
            case (true, true): #expect(category == .reliableImprovement && flipped == .reliableDeterioration)
            case (true, false): #expect(category == .reliableDeterioration && flipped == .reliableImprovement)
            }
        }
        #expect(throws: StatisticsError.self) { try ReliableChangeIndex(baselineSD: 5, reliability: 1) }
        #expect(throws: StatisticsError.self) { try ReliableChangeIndex(baselineSD: 0, reliability: 0.8) }
    }
}
