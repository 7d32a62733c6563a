import Foundation
import Testing

@testable import KithStatistics

/// Every distribution function against SciPy (`Fixtures/distributions.json`),
/// relative tolerance 1e-9 throughout, including p-values down to 1e-300 and
/// quantiles inverted numerically (our inversion stops at ~4e-16 relative).
@Suite("Distributions vs SciPy")
struct DistributionTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("distributions") }

    private func run(_ dist: String, _ body: (FixtureCase, String, JSON) throws -> Double?) rethrows {
        let selected = cases.filter { $0["dist"].string == dist }
        #expect(!selected.isEmpty, "no fixture cases for \(dist)")
        for c in selected {
            let fn = c["fn"].string ?? ""
            guard let actual = try body(c, fn, c.inputs) else {
                Issue.record("unhandled function \(fn) for \(dist)")
                continue
            }
            expectClose(actual, c.expected.double, "\(dist).\(fn): \(c)")
        }
    }

    @Test func normal() throws {
        let z = Normal.standard
        try run("normal") { _, fn, i in
            switch fn {
            case "cdf": return z.cdf(i["x"].double)
            case "sf": return z.survival(i["x"].double)
            case "ppf": return try z.quantile(i["p"].double)
            case "isf": return try z.upperQuantile(i["p"].double)
            default: return nil
            }
        }
        try run("normal_ms") { _, fn, i in
            let d = try Normal(mean: i["mu"].double, standardDeviation: i["sigma"].double)
            switch fn {
            case "cdf": return d.cdf(i["x"].double)
            case "ppf": return try d.quantile(i["p"].double)
            default: return nil
            }
        }
    }

    @Test func studentT() throws {
        try run("t") { _, fn, i in
            let d = try StudentT(degreesOfFreedom: i["df"].double)
            switch fn {
            case "cdf": return d.cdf(i["x"].double)
            case "sf": return d.survival(i["x"].double)
            case "pdf": return d.density(i["x"].double)
            case "ppf": return try d.quantile(i["p"].double)
            case "isf": return try d.upperQuantile(i["q"].double)
            default: return nil
            }
        }
    }

    @Test func chiSquared() throws {
        try run("chi2") { _, fn, i in
            let d = try ChiSquared(degreesOfFreedom: i["df"].double)
            switch fn {
            case "cdf": return d.cdf(i["x"].double)
            case "sf": return d.survival(i["x"].double)
            case "pdf": return d.density(i["x"].double)
            case "ppf": return try d.quantile(i["p"].double)
            case "isf": return try d.upperQuantile(i["q"].double)
            default: return nil
            }
        }
    }

    @Test func fDistribution() throws {
        try run("f") { _, fn, i in
            let d = try FDistribution(numeratorDegreesOfFreedom: i["d1"].double, denominatorDegreesOfFreedom: i["d2"].double)
            switch fn {
            case "cdf": return d.cdf(i["x"].double)
            case "sf": return d.survival(i["x"].double)
            case "pdf": return d.density(i["x"].double)
            case "ppf": return try d.quantile(i["p"].double)
            case "isf": return try d.upperQuantile(i["q"].double)
            default: return nil
            }
        }
    }

    @Test func beta() throws {
        try run("beta") { _, fn, i in
            let d = try BetaDistribution(alpha: i["a"].double, beta: i["b"].double)
            switch fn {
            case "cdf": return d.cdf(i["x"].double)
            case "sf": return d.survival(i["x"].double)
            case "pdf": return d.density(i["x"].double)
            case "ppf": return try d.quantile(i["p"].double)
            case "isf": return try d.upperQuantile(i["p"].double)
            default: return nil
            }
        }
    }

    @Test func binomial() throws {
        try run("binom") { _, fn, i in
            let d = try Binomial(trials: i["n"].int, probability: i["p"].double)
            switch fn {
            case "pmf": return d.pmf(i["k"].int)
            case "cdf": return d.cdf(i["k"].int)
            case "sf": return d.survival(i["k"].int)
            case "ppf": return Double(try d.quantile(i["q"].double))
            default: return nil
            }
        }
    }

    @Test func hypergeometric() throws {
        try run("hypergeom") { _, fn, i in
            let d = try Hypergeometric(populationSize: i["M"].int, successes: i["K"].int, draws: i["N"].int)
            switch fn {
            case "pmf": return d.pmf(i["k"].int)
            case "cdf": return d.cdf(i["k"].int)
            case "sf": return d.survival(i["k"].int)
            default: return nil
            }
        }
    }

    @Test func studentTWithVeryLargeDegreesOfFreedom() throws {
        let large = try Fixtures.load("large_df")
        #expect(large.count == 56)
        for c in large {
            let d = try StudentT(degreesOfFreedom: c.inputs["df"].double)
            let x = c.inputs["x"].double
            let got = c["fn"].string == "cdf" ? d.cdf(x) : d.survival(x)
            expectClose(got, c.expected.double, "\(c)")
        }
    }

    @Test func invalidParametersThrow() {
        #expect(throws: StatisticsError.self) { try StudentT(degreesOfFreedom: 0) }
        #expect(throws: StatisticsError.self) { try ChiSquared(degreesOfFreedom: -1) }
        #expect(throws: StatisticsError.self) { try Normal(mean: 0, standardDeviation: 0) }
        #expect(throws: StatisticsError.self) { try Binomial(trials: -1, probability: 0.5) }
        #expect(throws: StatisticsError.self) { try Binomial(trials: 3, probability: 1.5) }
        #expect(throws: StatisticsError.self) { try Normal.standard.quantile(1.01) }
        #expect(throws: StatisticsError.self) { try StudentT(degreesOfFreedom: 3).quantile(.nan) }
        #expect(throws: StatisticsError.self) { try Hypergeometric(populationSize: 5, successes: 6, draws: 1) }
    }

    @Test func quantileEndpoints() throws {
        #expect(try Normal.standard.quantile(0) == -.infinity)
        #expect(try StudentT(degreesOfFreedom: 4).quantile(1) == .infinity)
        #expect(try ChiSquared(degreesOfFreedom: 4).quantile(0) == 0)
        #expect(try BetaDistribution(alpha: 2, beta: 3).upperQuantile(0) == 1)
    }
}
