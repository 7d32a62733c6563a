import Foundation
import Testing

@testable import KithStatistics

/// Chi-square, Fisher, McNemar and the paired difference (`Fixtures/contingency.json`), relative tolerance 1e-9.
@Suite("Contingency tables")
struct ContingencyTests {
    let cases: [FixtureCase]
    init() throws { cases = try Fixtures.load("contingency") }
    private func select(_ kind: String) -> [FixtureCase] { cases.filter { $0["kind"].string == kind } }

    @Test func chiSquare() throws {
        let selected = select("chi2")
        #expect(selected.count == 12)
        for c in selected {
            let r = try ChiSquareIndependenceTest(table: c.inputs["t"].intMatrix, correction: c["yates"].bool ? .yates : .uncorrected)
            let e = c.expected
            expectClose([r.statistic, r.pValue, Double(r.degreesOfFreedom)], [e[0].double, e[1].double, e[2].double], "\(c)")
            expectClose(r.expected.flatMap { $0 }, e[3].matrix.flatMap { $0 }, "expected counts \(c)")
            expectClose(r.smallestExpected, e[3].matrix.flatMap { $0 }.min() ?? .nan, "smallest expected")
        }
    }

    @Test func chiSquareDropsEmptyRowsAndFlagsSmallCounts() throws {
        let r = try ChiSquareIndependenceTest(table: [[8, 0, 4], [0, 0, 0], [3, 0, 9]])
        #expect(r.droppedRows == [1] && r.droppedColumns == [1])
        #expect(r.observed == [[8, 4], [3, 9]])
        #expect(r.notes.count >= 2)
        let small = try ChiSquareIndependenceTest(table: [[2, 3], [1, 0]])
        #expect(small.approximationDoubtful && small.cellsExpectedBelowFive == 4)
        let big = try ChiSquareIndependenceTest(table: [[45, 55], [30, 70]])
        #expect(!big.approximationDoubtful)
        #expect(throws: StatisticsError.self) { try ChiSquareIndependenceTest(table: [[1, 2, 3], [4, 5, 6]], correction: .yates) }
        #expect(throws: StatisticsError.self) { try ChiSquareIndependenceTest(table: [[1, 2], [0, 0]]) }
        #expect(throws: StatisticsError.self) { try ChiSquareIndependenceTest(table: [[1, -2], [3, 4]]) }
    }

    @Test func chiSquareTwoByTwoIdentity() throws {
        // Uncorrected 2×2: X² = N(ad − bc)²/(R₁R₂C₁C₂) (Pearson's shortcut formula).
        let (a, b, c, d) = (12.0, 5.0, 7.0, 15.0)
        let n = a + b + c + d
        let shortcut = n * pow(a * d - b * c, 2) / ((a + b) * (c + d) * (a + c) * (b + d))
        let r = try ChiSquareIndependenceTest(table: [[12, 5], [7, 15]])
        expectClose(r.statistic, shortcut, rel: 1e-13, "shortcut formula")
        // Yates: N(|ad − bc| − N/2)²/(R₁R₂C₁C₂) when |ad − bc| > N/2.
        let yates = n * pow(abs(a * d - b * c) - n / 2, 2) / ((a + b) * (c + d) * (a + c) * (b + d))
        expectClose(try ChiSquareIndependenceTest(table: [[12, 5], [7, 15]], correction: .yates).statistic, yates, rel: 1e-13, "Yates shortcut")
    }

    @Test func fisherTwoByTwo() throws {
        let scipy = select("fisher2x2")
        let exact = select("fisher_exact_fraction")
        #expect(scipy.count == 9 && exact.count == 9)
        for c in scipy {
            let r = try FisherExactTest(table: c.inputs["t"].intMatrix)
            let e = c.expected.doubles
            expectClose([r.pValue, r.pLess ?? .nan, r.pGreater ?? .nan], e, "\(c)")
        }
        for c in exact {
            let r = try FisherExactTest(table: c.inputs["t"].intMatrix)
            let e = c.expected.doubles
            expectClose([r.pValue, r.observedTableProbability], [e[0], e[1]], "\(c)")
        }
    }

    @Test func fisherRByC() throws {
        let selected = select("fisher_rxc") + select("fisher_rxc_scipy")
        #expect(selected.count == 8)
        for c in selected {
            let r = try FisherExactTest(table: c.inputs["t"].intMatrix)
            if case .array = c.expected {
                let e = c.expected.doubles
                expectClose([r.pValue, r.observedTableProbability], [e[0], e[1]], "\(c)")
                #expect(r.tablesEnumerated == Int(e[2]), "table count \(c)")
            } else {
                expectClose(r.pValue, c.expected.double, "\(c)")
            }
        }
    }

    @Test func fisherSizeLimit() {
        #expect(throws: StatisticsError.self) {
            try FisherExactTest(table: [[40, 35, 30, 25], [30, 40, 35, 20], [25, 30, 40, 35], [20, 25, 30, 40]])
        }
    }

    @Test func mcNemar() throws {
        let selected = select("mcnemar")
        #expect(selected.count == 6)
        for c in selected {
            let b = c.inputs["b"].int
            let cc = c.inputs["c"].int
            let e = c.expected.doubles
            let plain = try McNemarTest(firstOnly: b, secondOnly: cc, method: .chiSquare)
            let corrected = try McNemarTest(firstOnly: b, secondOnly: cc, method: .chiSquareCorrected)
            let exact = try McNemarTest(table: c.inputs["tab"].intMatrix, method: .exact)
            let mid = try McNemarTest(firstOnly: b, secondOnly: cc, method: .midP)
            expectClose([plain.pValue, plain.chiSquare ?? .nan], [e[0], e[1]], "chi2 \(c)")
            if b == cc {
                // statsmodels gives (|b−c| − 1)²/(b+c) = 1/(b+c) at b = c; we floor |b−c| − 1 at 0, as R.
                #expect(corrected.chiSquare == 0 && corrected.pValue == 1)
            } else {
                expectClose([corrected.pValue, corrected.chiSquare ?? .nan], [e[2], e[3]], "corrected \(c)")
            }
            expectClose(exact.pValue, e[4], "exact \(c)")
            expectClose(mid.pValue, e[5], "mid-p \(c)")
        }
        #expect(throws: StatisticsError.self) { try McNemarTest(firstOnly: 0, secondOnly: 0) }
        #expect(try McNemarTest(firstOnly: 0, secondOnly: 0, method: .exact).pValue == 1)
    }

    @Test func newcombePairedDifference() throws {
        let selected = select("newcombe")
        #expect(selected.count == 14)
        for c in selected {
            let i = c.inputs
            let r = try PairedProportionDifference(a: i["a"].int, b: i["b"].int, c: i["c"].int, d: i["d"].int, level: i["level"].double)
            // abs 1e-15: at D = 0 with zero-width limits the reference has float residue
            expectClose([r.difference, r.interval.lower, r.interval.upper], c.expected.doubles, abs: 1e-15, "\(c)")
        }
        let published = try #require(select("newcombe_published").first)
        let r = try PairedProportionDifference(table: [[59, 6], [16, 80]])
        // Published to 4 decimal places: compare after rounding.
        let rounded = [r.difference, r.interval.lower, r.interval.upper].map { ($0 * 10_000).rounded() / 10_000 }
        #expect(rounded == published.expected.doubles, "Fagerland et al. (2017) Cavo example")
    }
}
