import Foundation
import Testing

@testable import KithStatistics

/// t tests and Welch's ANOVA against SciPy / statsmodels (`Fixtures/ttests.json`), relative tolerance 1e-9.
@Suite("t tests and Welch ANOVA")
struct TTestTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("ttests") }

    @Test func twoSample() throws {
        let selected = cases.filter { $0["kind"].string == "two_sample" }
        #expect(selected.count == 16)
        for c in selected {
            let r = try TwoSampleTTest(
                c.inputs["x"].doubles, c.inputs["y"].doubles,
                variance: c["pooled"].bool ? .pooled : .welch, level: c.inputs["level"].double)
            expectClose([r.t, r.pValue, r.degreesOfFreedom, r.interval.lower, r.interval.upper], c.expected.doubles, "\(c)")
        }
    }

    @Test func welchANOVA() throws {
        let selected = cases.filter { $0["kind"].string == "welch_anova" }
        #expect(selected.count == 4)
        for c in selected {
            let r = try WelchANOVA(groups: c.inputs["data"].matrix)
            expectClose([r.f, r.pValue, r.numeratorDegreesOfFreedom, r.denominatorDegreesOfFreedom], c.expected.doubles, "\(c)")
        }
    }

    @Test func welchANOVAOfTwoGroupsIsWelchTSquared() throws {
        let c = try #require(cases.first { $0["kind"].string == "two_sample" && !$0["pooled"].bool })
        let x = c.inputs["x"].doubles
        let y = c.inputs["y"].doubles
        let t = try TwoSampleTTest(x, y)
        let f = try WelchANOVA(groups: [x, y])
        expectClose(f.f, t.t * t.t, rel: 1e-12, "F = t²")
        expectClose(f.denominatorDegreesOfFreedom, t.degreesOfFreedom, rel: 1e-12, "df₂ = Welch df")
        expectClose(f.pValue, t.pValue, rel: 1e-10, "same p")
    }

    @Test func paired() throws {
        let selected = cases.filter { $0["kind"].string == "paired" }
        #expect(selected.count == 6)
        for c in selected {
            let r = try PairedTTest(c.inputs["x"].doubles, c.inputs["y"].doubles, level: c.inputs["level"].double)
            expectClose([r.t, r.pValue, r.degreesOfFreedom, r.interval.lower, r.interval.upper], c.expected.doubles, "\(c)")
        }
    }

    @Test func pairedEffectSizes() throws {
        let selected = cases.filter { $0["kind"].string == "paired_effect" }
        #expect(selected.count == 3)
        for c in selected {
            let r = try PairedTTest(c.inputs["x"].doubles, c.inputs["y"].doubles)
            expectClose([r.cohensDz, r.cohensDav ?? .nan, r.hedgesCorrection, r.hedgesGav ?? .nan], c.expected.doubles, "\(c)")
        }
    }

    @Test func pairedEqualsOneSampleOfDifferences() throws {
        let selected = cases.filter { $0["kind"].string == "one_sample_of_differences" }
        #expect(selected.count == 3)
        for c in selected {
            let x = c.inputs["x"].doubles
            let y = c.inputs["y"].doubles
            let r = try PairedTTest(x, y)
            let m = try MeanEstimate(zip(x, y).map { $0 - $1 })
            expectClose([r.t, r.pValue], c.expected.doubles, "\(c)")
            expectClose(r.t, m.mean / m.standardError, rel: 1e-12, "t = mean/SE of differences")
            expectClose([r.interval.lower, r.interval.upper], [m.interval.lower, m.interval.upper], rel: 1e-12, "same CI")
        }
    }

    @Test func degenerateAndInvalid() {
        #expect(throws: StatisticsError.self) { try TwoSampleTTest([1, 1], [1, 1]) }
        #expect(throws: StatisticsError.self) { try TwoSampleTTest([1], [1, 2]) }
        #expect(throws: StatisticsError.self) { try PairedTTest([1, 2, 3], [1, 2]) }
        #expect(throws: StatisticsError.self) { try PairedTTest([1, 2, 3], [0, 1, 2]) }
        #expect(throws: StatisticsError.self) { try WelchANOVA(groups: [[1, 2, 3]]) }
        #expect(throws: StatisticsError.self) { try WelchANOVA(groups: [[1, 2, 3], [4, 4, 4]]) }
    }
}
