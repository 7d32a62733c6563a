import KithCore
import KithTestSupport
import Testing

/// Warwick's SWEMWBS raw → metric conversion table, typed from
/// `../shared/reference/instruments.md` §3 (two independent public sources and
/// Ng Fat et al. 2017, Qual Life Res 26:1129, agree on every value). Kept here,
/// apart from `Instruments/swemwbs.json`, so the test is an independent check
/// of the shipped definition. Values are published to 2 decimals and compared
/// exactly (tolerance 1e-9, floating-point representation only).
let warwickMetric: [Int: Double] = [
    7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84, 16: 16.36,
    17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21,
    27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00
]

/// Seven codes 1–5 that sum to `raw`, spread as evenly as possible.
func swemwbsAnswers(summingTo raw: Int) -> [String: String] {
    var codes = Array(repeating: raw / 7, count: 7)
    for index in 0..<(raw % 7) { codes[index] += 1 }
    return Dictionary(uniqueKeysWithValues: codes.enumerated().map { ("swemwbs_\($0.offset + 1)", String($0.element)) })
}

@Suite("SWEMWBS raw to metric")
struct SWEMWBSConversionTests {
    @Test("every raw sum 7-35 converts to Warwick's metric value", arguments: 7...35)
    func conversion(raw: Int) throws {
        let result = try #require(try score("swemwbs", swemwbsAnswers(summingTo: raw))["swemwbs.metric"])
        #expect(result.status == .complete)
        #expect(result.raw == Double(raw))
        #expect(abs(result.value! - warwickMetric[raw]!) < 1e-9)
    }

    @Test("the shipped table has exactly Warwick's 29 values")
    func shippedTable() throws {
        let scale = try #require(try builtInCatalog.instrument("swemwbs").scale("metric"))
        let table = try #require(scale.conversion).table
        #expect(table.count == 29)
        for entry in table { #expect(warwickMetric[entry.raw] == entry.value, "raw \(entry.raw)") }
    }

    @Test("a raw sum is never reported as the SWEMWBS score")
    func rawIsNotMetric() throws {
        let result = try #require(try score("swemwbs", swemwbsAnswers(summingTo: 23))["swemwbs.metric"])
        #expect(result.value == 20.73)
        #expect(result.raw == 23)
    }

    @Test("SWEMWBS is WEMWBS items 1, 2, 3, 6, 7, 9 and 11")
    func itemsAreTheRightWEMWBSItems() throws {
        let swemwbs = try builtInCatalog.instrument("swemwbs")
        #expect(swemwbs.items.map(\.sameAs) == [1, 2, 3, 6, 7, 9, 11].map { "wemwbs_\($0)" })
        // A 14-item WEMWBS answer set yields SWEMWBS from those seven items: 5s on them, 1s elsewhere.
        var cells = try uniform("wemwbs", "1")
        for item in [1, 2, 3, 6, 7, 9, 11] { cells["wemwbs_\(item)"] = "5" }
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["wemwbs", "swemwbs"])
        var answers = plan.emptyAnswers()
        for (id, cell) in cells { answers[plan.slot(of: id)!] = .code(Int(cell)!) }
        let scores = Dictionary(uniqueKeysWithValues: plan.score(answers).map { ($0.scale, $0) })
        #expect(scores["swemwbs.metric"]?.value == 35.00)
        #expect(scores["wemwbs.total"]?.value == 42.0) // 5 × 7 on the SWEMWBS items + 1 × 7 elsewhere
    }
}
