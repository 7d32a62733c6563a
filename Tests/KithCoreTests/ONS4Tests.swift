import KithCore
import KithTestSupport
import Testing

// Source of every expected value below: ONS personal well-being (reference instruments.md §5;
// GSS harmonised standard and ONS personal well-being user guide): four questions, each answered
// 0-10 and reported on its own (no composite); thresholds 0-4 low, 5-6 medium, 7-8 high, 9-10
// very high, and for anxiety 0-1 very low, 2-3 low, 4-5 medium, 6-10 high.

private let ons4Scales = [
    ("ons4.life-satisfaction", "ons4_satisfaction"), ("ons4.worthwhile", "ons4_worthwhile"), ("ons4.happiness", "ons4_happiness"),
    ("ons4.anxiety", "ons4_anxiety")
]

@Suite("ONS4 personal well-being")
struct ONS4Tests {
    @Test("four scales, one question each, and no composite")
    func noComposite() throws {
        let ons4 = try builtInCatalog.instrument("ons4")
        #expect(ons4.scales.map { "ons4.\($0.id)" } == ons4Scales.map(\.0))
        #expect(ons4.scales.map(\.items) == ons4Scales.map { [$0.1] })
        #expect(ons4.scales.map(\.higherIs) == [.better, .better, .better, .worse], "anxiety: higher is worse")
    }

    @Test("each scale is its answer, 0-10, whatever the other three are", arguments: [0, 1, 5, 9, 10])
    func valueIsTheAnswer(_ code: Int) throws {
        // Every scale gets `code`, the others a different answer: a scale reads only its own item.
        for (index, (scale, item)) in ons4Scales.enumerated() {
            var cells = Dictionary(uniqueKeysWithValues: ons4Scales.map { ($0.1, String((code + 3 + index) % 11)) })
            cells[item] = String(code)
            try expectScore(scale, of: cells, is: Double(code), status: .complete)
        }
    }

    @Test(
        "the scale's end labels read as 0 and 10",
        arguments: [("Not at all", 0), ("0 - Not at all", 0), ("not at all anxious", 0), ("Completely", 10), ("10 - Completely", 10), ("10", 10)])
    func endLabels(label: String, code: Int) throws {
        try expectScore("ons4.anxiety", of: ["ons4_anxiety": label], is: Double(code), status: .complete)
    }

    @Test("a skipped question leaves only its own scale unscored")
    func missing() throws {
        let scores = try score("ons4", ["ons4_satisfaction": "7", "ons4_worthwhile": "", "ons4_happiness": "6", "ons4_anxiety": "2"])
        #expect(scores["ons4.worthwhile"]?.status == .incomplete)
        #expect(scores["ons4.worthwhile"]?.missing == ["ons4_worthwhile"])
        #expect(scores["ons4.worthwhile"]?.value == nil)
        #expect(scores["ons4.life-satisfaction"]?.value == 7)
        #expect(scores["ons4.happiness"]?.value == 6)
        #expect(scores["ons4.anxiety"]?.value == 2)
    }

    @Test("answers off the 0-10 scale are invalid, never clipped", arguments: ["11", "-1", "7.5", "Very happy", "Agree"])
    func offTheScale(_ cell: String) throws {
        try expectScore("ons4.happiness", of: ["ons4_happiness": cell], is: nil, status: .invalid)
    }

    @Test(
        "ONS thresholds for life satisfaction, worthwhile and happiness, at each boundary",
        arguments: [(0, "Low"), (4, "Low"), (5, "Medium"), (6, "Medium"), (7, "High"), (8, "High"), (9, "Very high"), (10, "Very high")])
    func thresholds(code: Int, band: String) throws {
        for (scale, item) in ons4Scales.dropLast() {
            let result = try #require(try score("ons4", [item: String(code)], classify: ["ons-thresholds"])[scale])
            #expect(result.bands.map(\.label) == [band], "\(scale) \(code)")
            #expect(result.bands.first?.status == .official)
        }
    }

    @Test(
        "ONS anxiety thresholds, at each boundary",
        arguments: [(0, "Very low"), (1, "Very low"), (2, "Low"), (3, "Low"), (4, "Medium"), (5, "Medium"), (6, "High"), (10, "High")])
    func anxietyThresholds(code: Int, band: String) throws {
        let result = try #require(try score("ons4", ["ons4_anxiety": String(code)], classify: ["ons-thresholds"])["ons4.anxiety"])
        #expect(result.bands.map(\.label) == [band])
    }

    @Test("national means: England, Community Life Survey 2019/20, as means (not percentages)")
    func benchmarks() throws {
        // Reference instruments.md §5: life satisfaction 7.0, worthwhile 7.3, happiness 7.0, anxiety 3.7.
        let ons4 = try builtInCatalog.instrument("ons4")
        let means = ons4.scales.map { $0.primaryBenchmark(.mean)?.value }
        #expect(means == [7.0, 7.3, 7.0, 3.7])
        for scale in ons4.scales {
            let benchmark = try #require(scale.primaryBenchmark)
            #expect(benchmark.measure == .mean)
            #expect(benchmark.period == "2019/20" && benchmark.area == "England" && benchmark.survey == "Community Life Survey")
            #expect(scale.primaryBenchmark(.percent) == nil, "\(scale.id): a mean is never read as a percentage")
        }
    }
}
