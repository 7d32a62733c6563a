import Foundation
import Testing

@testable import KithStatistics

/// OLS and ANCOVA against statsmodels (`Fixtures/models.json`), relative tolerance 1e-9.
@Suite("Linear models and ANCOVA")
struct ModelTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("models") }

    @Test func ordinaryLeastSquares() throws {
        let selected = cases.filter { $0["kind"].string == "ols" }
        #expect(selected.count == 2)
        for c in selected {
            let i = c.inputs
            let e = c.expected
            let m = try LinearModel(
                response: i["y"].doubles, predictors: [i["x1"].doubles, i["x2"].doubles],
                names: ["x1", "x2"], level: i["level"].double)
            expectClose(m.coefficients, e["params"].doubles, "coefficients")
            expectClose(m.standardErrors, e["bse"].doubles, "SE")
            expectClose(m.tStatistics, e["tvalues"].doubles, "t")
            expectClose(m.pValues, e["pvalues"].doubles, "p")
            expectClose(m.intervals.flatMap { [$0.lower, $0.upper] }, e["ci"].matrix.flatMap { $0 }, "CI")
            expectClose(m.covariance.flatMap { $0 }, e["cov"].matrix.flatMap { $0 }, "covariance")
            expectClose(
                [
                    m.rSquared, m.adjustedRSquared, m.residualStandardError * m.residualStandardError,
                    Double(m.residualDegreesOfFreedom), m.residualSumOfSquares
                ],
                [e["rsquared"].double, e["rsquared_adj"].double, e["scale"].double, e["df_resid"].double, e["ssr"].double], "fit")
            #expect(m.names == ["(Intercept)", "x1", "x2"])
        }
    }

    @Test func withoutIntercept() throws {
        let c = try #require(cases.first { $0["kind"].string == "ols_no_intercept" })
        let m = try LinearModel(response: c.inputs["y"].doubles, predictors: [c.inputs["x1"].doubles, c.inputs["x2"].doubles], intercept: false)
        expectClose(m.coefficients, c.expected["params"].doubles, "coefficients")
        expectClose(m.standardErrors, c.expected["bse"].doubles, "SE")
        expectClose([m.rSquared, m.adjustedRSquared], [c.expected["rsquared"].double, c.expected["rsquared_adj"].double], "uncentred R²")
    }

    @Test func rankDeficiencyIsReported() {
        let x = [1.0, 2, 3, 4, 5, 6]
        #expect(throws: StatisticsError.rankDeficient(column: 2, name: "double")) {
            try LinearModel(response: [2, 1, 4, 3, 6, 5], predictors: [x, x.map { 2 * $0 }], names: ["x", "double"])
        }
        #expect(throws: StatisticsError.self) { try LinearModel(response: [1, 2], predictors: [[1, 2]]) }
    }

    @Test func ancova() throws {
        let selected = cases.filter { $0["kind"].string == "ancova" }
        #expect(selected.count == 6)
        for c in selected {
            let i = c.inputs
            let e = c.expected
            let groups = i["g"].array.compactMap(\.string)
            let levels = e["levels"].array.compactMap(\.string)
            let a = try ANCOVA(followUp: i["y"].doubles, baseline: i["x"].doubles, group: groups, levels: levels, level: i["level"].double)
            // statsmodels orders Intercept, C(g)[T.g2..], x; ours is Intercept, baseline, group[g2..].
            let p = e["params"].doubles
            let reordered = [p[0], p[p.count - 1]] + Array(p[1..<(p.count - 1)])
            expectClose(a.model.coefficients, reordered, "coefficients \(levels)")
            let se = e["bse"].doubles
            expectClose(a.model.standardErrors, [se[0], se[se.count - 1]] + Array(se[1..<(se.count - 1)]), "SE")
            expectClose(a.adjustedMeans.map(\.adjustedMean), e["adjusted"].doubles, "adjusted means")
            expectClose(a.adjustedMeans.map(\.standardError), e["adjusted_se"].doubles, "adjusted SE")
            expectClose(a.adjustedMeans.flatMap { [$0.interval.lower, $0.interval.upper] }, e["adjusted_ci"].matrix.flatMap { $0 }, "adjusted CI")
            expectClose(a.deviations.map(\.contrast.estimate), e["deviation"].doubles, "deviations")
            expectClose(a.deviations.map(\.contrast.standardError), e["deviation_se"].doubles, "deviation SE")
            expectClose(
                a.deviations.flatMap { [$0.contrast.interval.lower, $0.contrast.interval.upper] },
                e["deviation_ci"].matrix.flatMap { $0 }, "deviation CI")
            expectClose(
                [
                    a.groupEffect.f, a.groupEffect.pValue, Double(a.groupEffect.numeratorDegreesOfFreedom),
                    Double(a.groupEffect.denominatorDegreesOfFreedom)
                ],
                [e["F"].double, e["F_p"].double, e["df_num"].double, e["df_den"].double], "group F")
            // Deviations sum to zero by construction.
            #expect(abs(a.deviations.map(\.contrast.estimate).reduce(0, +)) < 1e-9)
        }
    }

    @Test func ancovaInvalidInput() {
        #expect(throws: StatisticsError.self) { try ANCOVA(followUp: [1, 2, 3], baseline: [1, 2], group: ["a", "b", "a"]) }
        #expect(throws: StatisticsError.self) { try ANCOVA(followUp: [1, 2, 3, 4], baseline: [1, 2, 4, 3], group: ["a", "a", "a", "a"]) }
        #expect(throws: StatisticsError.self) {
            try ANCOVA(followUp: [1, 2, 3, 4], baseline: [1, 2, 4, 3], group: ["a", "b", "a", "c"], levels: ["a", "b"])
        }
    }
}
