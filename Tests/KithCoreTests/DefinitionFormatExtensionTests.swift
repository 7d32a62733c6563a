import Foundation
import KithCore
import KithTestSupport
import Testing

/// A user definition exercising the format's option scores, the `answered-sum:N` missing rule and
/// mean benchmarks: two dichotomised yes/no items of opposite wording and two plain 1-3 items.
private let extensionDefinition = #"""
    {
      "id": "ext-test",
      "version": "0.1.0",
      "title": "Option scores and answered sums",
      "citation": "Example, for tests",
      "source": "https://example.org",
      "licence": {"name": "Test", "notice": "Test instrument.", "wording": "verbatim", "printWithResults": false},
      "optionSets": {
        "negative": [{"code": 3, "label": "Yes", "score": 1}, {"code": 2, "label": "Partly", "score": 1}, {"code": 1, "label": "No", "score": 0}],
        "positive": [{"code": 3, "label": "Yes", "score": 0}, {"code": 2, "label": "Partly", "score": 1}, {"code": 1, "label": "No", "score": 1}],
        "plain": [{"code": 1, "label": "Low"}, {"code": 2, "label": "Middle"}, {"code": 3, "label": "High"}]
      },
      "items": [
        {"id": "ext_neg", "theme": "negative item", "options": "negative"},
        {"id": "ext_pos", "theme": "positive item", "options": "positive"},
        {"id": "ext_a", "theme": "plain item a", "options": "plain"},
        {"id": "ext_b", "theme": "plain item b", "options": "plain"}
      ],
      "scales": [
        {"id": "dichotomous", "title": "Dichotomised", "items": ["ext_neg", "ext_pos"], "method": "sum", "higherIs": "worse",
         "classifications": [{"id": "any", "title": "Any", "status": "convention", "source": "test", \#
    "bands": [{"label": "None", "from": 0}, {"label": "Some", "from": 1}]}]},
        {"id": "answered", "title": "Answered sum", "items": ["ext_a", "ext_b", "ext_neg"], "method": "sum", "higherIs": "worse",
         "missing": "answered-sum:1", "proration": {"allowed": false, "reason": "test"},
         "benchmarks": [{"value": 4.5, "statistic": "mean", "period": "2020", "area": "Test", "survey": "Test", "source": "test"}]},
        {"id": "single", "title": "Single", "items": ["ext_pos"], "method": "single", "higherIs": "worse"}
      ]
    }
    """#

private let catalog: Catalog = {
    do { return try Catalog.from([(file: "ext.json", bytes: Array(extensionDefinition.utf8))]) } catch { fatalError("\(error)") }
}()

@Suite("Format: option scores")
struct OptionScoreTests {
    @Test(
        "a sum adds the options' scores, not their codes",
        arguments: [("Yes", "Yes", 1), ("Yes", "No", 2), ("No", "Yes", 0), ("Partly", "Partly", 2), ("3", "1", 2), ("1", "3", 0)])
    func scores(negative: String, positive: String, sum: Int) throws {
        try expectScore("ext-test.dichotomous", of: ["ext_neg": negative, "ext_pos": positive], is: Double(sum), status: .complete, catalog: catalog)
    }

    @Test("the scale's range and bands are in scores: 0-2, not the codes' 2-6")
    func range() throws {
        let instrument = try catalog.instrument("ext-test")
        let scale = try #require(instrument.scale("dichotomous"))
        #expect(instrument.rawRange(of: scale) == 0...2)
        let result = try score("ext-test", ["ext_neg": "No", "ext_pos": "Yes"], classify: ["any"], catalog: catalog)
        #expect(result["ext-test.dichotomous"]?.bands.map(\.label) == ["None"])
    }

    @Test("a single-item scale reports the option's score and its label")
    func single() throws {
        let result = try #require(try score("ext-test", ["ext_pos": "No"], catalog: catalog)["ext-test.single"])
        #expect(result.value == 1)
        #expect(result.label == "No")
    }

    @Test("a code that is not an option of a scored item is invalid, even passed in directly")
    func unknownCode() throws {
        let plan = try ScoringPlan(catalog: catalog, instruments: ["ext-test"])
        let scores = try plan.score(codes: ["ext_neg": 7, "ext_pos": 1])
        let result = try #require(scores.first { $0.scale == "ext-test.dichotomous" })
        #expect(result.status == .invalid)
        #expect(result.invalid.map(\.item) == ["ext_neg"])
        #expect(result.invalid.first?.answer.kind == .outOfRange(7))
    }

    @Test("every option of a set has a score, or none does; a score is a whole number")
    func validation() throws {
        let partial = extensionDefinition.replacingOccurrences(
            of: #"{"code": 2, "label": "Partly", "score": 1}, {"code": 1, "label": "No", "score": 0}]"#,
            with: #"{"code": 2, "label": "Partly", "score": 1}, {"code": 1, "label": "No"}]"#)
        let found = problems(partial)
        #expect(found.map(\.path) == ["optionSets.negative[2].score"])
        #expect(found.first?.file == "mine.json")
        #expect(found.first?.message.contains("every option of the set a score, or none (2 of 3 have one)") == true)
        let fraction = extensionDefinition.replacingOccurrences(
            of: #""label": "Partly", "score": 1}, {"code": 1, "label": "No", "score": 0}"#,
            with: #""label": "Partly", "score": 0.5}, {"code": 1, "label": "No", "score": 0}"#)
        #expect(problems(fraction).map(\.path) == ["optionSets.negative[1].score"])
    }

    @Test("scores are written back by 'instruments show --format json' and read again the same")
    func roundTrip() throws {
        let instrument = try catalog.instrument("ext-test")
        let text = instrument.jsonText()
        #expect(text.contains(#""score" : 1"#))
        #expect(!text.contains(#""answersMustFit""#), "false is left out")
        let again = try Instrument.decode(Array(text.utf8), file: "again.json")
        #expect(again == instrument)
    }
}

@Suite("Format: the answered-sum:N missing rule")
struct AnsweredSumTests {
    @Test("complete when every item is answered")
    func complete() throws {
        // Low (1) + High (3) + Yes (score 1) = 5.
        try expectScore("ext-test.answered", of: ["ext_a": "Low", "ext_b": "High", "ext_neg": "Yes"], is: 5, status: .complete, catalog: catalog)
    }

    @Test("with up to N missing: the sum of the answered items, not prorated, and the missing ones named")
    func oneMissing() throws {
        let result = try #require(try score("ext-test", ["ext_a": "Middle", "ext_b": "", "ext_neg": "Partly"], catalog: catalog)["ext-test.answered"])
        #expect(result.status == .answeredSum)
        #expect(result.value == 3, "Middle (2) + Partly (score 1); prorated it would be 4.5")
        #expect(result.missing == ["ext_b"])
        #expect(result.policy == .answeredSum(maxMissing: 1))
        #expect(result.isScored)
    }

    @Test("more than N missing: incomplete; an invalid answer: invalid")
    func beyond() throws {
        try expectScore("ext-test.answered", of: ["ext_a": "Middle"], is: nil, status: .incomplete, catalog: catalog)
        try expectScore("ext-test.answered", of: ["ext_a": "Middle", "ext_b": "Very high"], is: nil, status: .invalid, catalog: catalog)
    }

    @Test("the import's allocation-free outcome agrees")
    func outcome() throws {
        let plan = try ScoringPlan(catalog: catalog, instruments: ["ext-test"])
        var answers = plan.emptyAnswers()
        answers[try #require(plan.slot(of: "ext_a"))] = .code(3)
        answers[try #require(plan.slot(of: "ext_neg"))] = .code(2)
        let planned = try #require(plan.scales.first { $0.id == "ext-test.answered" })
        let outcome = answers.withUnsafeBufferPointer { plan.outcome(planned, $0) }
        #expect(outcome.status == .answeredSum)
        #expect(outcome.value == 4)
        #expect(outcome.sum == 5, "the codes' sum, which finds a single item's label")
    }

    @Test("answered-sum:N is the definition's rule: never applied as an override, and refused where it would leave no item")
    func onlyInDefinitions() throws {
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["wemwbs"], missing: .answeredSum(maxMissing: 1))
        #expect(plan.scales.first?.policy == .complete)
        #expect(plan.notices.contains { $0.hasPrefix("wemwbs.total: policy answered-sum:1 not applied") })
        let tooMany = extensionDefinition.replacingOccurrences(of: #""answered-sum:1""#, with: #""answered-sum:3""#)
        let found = problems(tooMany)
        #expect(found.map(\.path) == ["scales[1].missing"])
        #expect(found.first?.message.contains("answered-sum:3 would score a scale of 3 items with none answered") == true)
        let unknown = extensionDefinition.replacingOccurrences(of: #""answered-sum:1""#, with: #""answered:1""#)
        #expect(problems(unknown).first?.message.contains("expected 'complete', 'prorate:N' or 'answered-sum:N'") == true)
    }

    @Test(
        "policies parse and print",
        arguments: [("answered-sum:1", MissingPolicy.answeredSum(maxMissing: 1)), ("ANSWERED-SUM:2", .answeredSum(maxMissing: 2))])
    func parse(text: String, policy: MissingPolicy) {
        #expect(MissingPolicy(text) == policy)
        #expect(MissingPolicy(policy.description) == policy)
    }

    @Test("nonsense answered sums are refused", arguments: ["answered-sum", "answered-sum:0", "answered-sum:-1", "answered-sum:x"])
    func refused(text: String) {
        #expect(MissingPolicy(text) == nil)
    }
}

@Suite("Format: mean benchmarks")
struct MeanBenchmarkTests {
    @Test("a mean benchmark is kept apart from percentages")
    func kept() throws {
        let scale = try #require(try catalog.instrument("ext-test").scale("answered"))
        #expect(scale.primaryBenchmark(.mean)?.value == 4.5)
        #expect(scale.primaryBenchmark(.percent) == nil)
        #expect(try catalog.instrument("ext-test").jsonText().contains(#""statistic" : "mean""#))
    }

    @Test("a mean lies within the scale's range; a percentage within 0-100")
    func validation() throws {
        // The answered scale runs 2-7 (two plain items 1-3, one scored 0-1).
        let outside = extensionDefinition.replacingOccurrences(of: #""value": 4.5, "statistic": "mean""#, with: #""value": 45, "statistic": "mean""#)
        let found = problems(outside)
        #expect(found.map(\.path) == ["scales[1].benchmarks[0].value"])
        #expect(found.first?.message.contains("within the scale's range 2-7") == true)
        let asPercent = extensionDefinition.replacingOccurrences(of: #""value": 4.5, "statistic": "mean""#, with: #""value": 450"#)
        #expect(problems(asPercent).first?.message.contains("a benchmark is a percentage between 0 and 100") == true)
        let badKind = extensionDefinition.replacingOccurrences(of: #""statistic": "mean""#, with: #""statistic": "median""#)
        #expect(problems(badKind).first?.message.contains("'median' is not one of: percent, mean") == true)
    }
}
