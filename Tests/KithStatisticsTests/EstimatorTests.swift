import Foundation
import Testing

@testable import KithStatistics

/// Proportion and mean intervals against statsmodels / SciPy (`Fixtures/estimators.json`).
@Suite("Proportion and mean intervals")
struct EstimatorTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("estimators") }

    @Test func proportionIntervals() throws {
        let selected = cases.filter { $0["kind"].string == "proportion" }
        #expect(selected.count == 12 * 3 * 5)
        for c in selected {
            let method = try #require(ProportionInterval(rawValue: c["method"].string ?? ""))
            let x = c.inputs["x"].int
            let n = c.inputs["n"].int
            let r = try ProportionEstimate(successes: x, trials: n, level: c.inputs["level"].double, method: method)
            var e = c.expected.doubles
            if method == .jeffreys {
                // Brown, Cai & DasGupta (2001) §4.1.2: lower = 0 at x = 0 and upper = 1 at x = n;
                // statsmodels keeps the raw beta quantile there, so only the other limit is compared.
                if x == 0 { e[0] = 0 }
                if x == n { e[1] = 1 }
            }
            // statsmodels' Wilson/Wald arithmetic leaves residues of ~1e-17 where the exact
            // limit is 0 or 1 (x = 0 or x = n); an absolute 1e-15 covers exactly those.
            expectClose([r.interval.lower, r.interval.upper], e, abs: 1e-15, "\(method) \(c)")
            expectClose(r.estimate, Double(x) / Double(n), "estimate")
        }
    }

    @Test func proportionStandardError() throws {
        let selected = cases.filter { $0["kind"].string == "proportion_se" }
        #expect(!selected.isEmpty)
        for c in selected {
            let r = try ProportionEstimate(successes: c.inputs["x"].int, trials: c.inputs["n"].int)
            expectClose(r.standardError, c.expected.double, "\(c)")
        }
    }

    @Test func meanIntervals() throws {
        let selected = cases.filter { $0["kind"].string == "mean" }
        #expect(selected.count == 12)
        for c in selected {
            let m = try MeanEstimate(c.inputs["x"].doubles, level: c.inputs["level"].double)
            let e = c.expected.doubles
            expectClose(
                [m.mean, m.standardDeviation, m.standardError, m.degreesOfFreedom, m.interval.lower, m.interval.upper],
                e, "\(c)")
        }
    }

    @Test func invalidInputThrows() {
        #expect(throws: StatisticsError.self) { try ProportionEstimate(successes: 1, trials: 0) }
        #expect(throws: StatisticsError.self) { try ProportionEstimate(successes: -1, trials: 5) }
        #expect(throws: StatisticsError.self) { try ProportionEstimate(successes: 6, trials: 5) }
        #expect(throws: StatisticsError.self) { try ProportionEstimate(successes: 2, trials: 5, level: 1) }
        #expect(throws: StatisticsError.self) { try MeanEstimate([3]) }
    }

    @Test func waldIsDegenerateAtZero() throws {
        // Documented weakness: zero-width Wald interval at x = 0.
        let r = try ProportionEstimate(successes: 0, trials: 20, method: .wald)
        #expect(r.interval.lower == 0 && r.interval.upper == 0)
    }
}
