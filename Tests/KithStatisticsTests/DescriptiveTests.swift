import Foundation
import Testing

@testable import KithStatistics

/// Summaries and quantiles against NumPy/SciPy (`Fixtures/descriptive.json`), relative tolerance 1e-9.
@Suite("Descriptive statistics vs NumPy")
struct DescriptiveTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("descriptive") }

    @Test func summaries() throws {
        let selected = cases.filter { $0["kind"].string == "summary" }
        #expect(selected.count >= 6)
        for c in selected {
            let s = try Summary(c.inputs["x"].doubles)
            let e = c.expected.doubles
            #expect(s.count == Int(e[0]))
            expectClose(s.mean, e[1], "mean \(c)")
            if c["name"].string == "single" {
                #expect(s.variance == nil && s.standardDeviation == nil && s.standardError == nil)
                expectClose([s.minimum, s.maximum], [e[2], e[3]], "range \(c)")
                continue
            }
            // The offset sample (1e9 ± 0.01) is where a one-pass Σx² formula would fail.
            expectClose(s.variance ?? .nan, e[2], "variance \(c)")
            expectClose(s.standardDeviation ?? .nan, e[3], "sd \(c)")
            expectClose(s.standardError ?? .nan, e[4], "se \(c)")
            expectClose([s.minimum, s.maximum], [e[5], e[6]], "range \(c)")
        }
    }

    @Test func quantilesAllTypes() throws {
        let selected = cases.filter { $0["kind"].string == "quantile" }
        #expect(selected.count == 36)
        for c in selected {
            let method = try #require(QuantileMethod.allCases.first { $0.rType == c["rtype"].int })
            let got = try quantiles(c.inputs["x"].doubles, c.inputs["ps"].doubles, method: method)
            expectClose(got, c.expected.doubles, "type \(method.rType) \(c)")
        }
    }

    @Test func helpersAgreeWithQuantile() throws {
        let x = try #require(cases.first { $0["name"].string == "normal40" && $0["rtype"].int == 7 })
        let values = x.inputs["x"].doubles
        let q = try quartiles(values)
        // ps in the fixture: index 3 = 0.25, 4 = 0.5, 6 = 0.75
        let e = x.expected.doubles
        expectClose([q.lower, q.median, q.upper], [e[3], e[4], e[6]], "quartiles")
        expectClose(try median(values), e[4], "median")
        expectClose(q.interquartileRange, e[6] - e[3], "IQR")
    }

    @Test func invalidInput() {
        #expect(throws: StatisticsError.self) { try Summary([]) }
        #expect(throws: StatisticsError.self) { try Summary([1, .nan]) }
        #expect(throws: StatisticsError.self) { try quantile([1, 2], 1.5) }
        #expect(throws: StatisticsError.self) { try quantile([], 0.5) }
    }
}
