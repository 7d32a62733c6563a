import KithCore
import KithTestSupport
import Testing

// Source of every expected value below: de Jong Gierveld & van Tilburg, Manual of the Loneliness
// Scale (1999, web version 2022), the 6-item scale's SPSS syntax: emotional items (1 emptiness,
// 4 miss people around, 6 rejected) count "yes" and "more or less" as 1; social items (2 rely on,
// 3 trust, 5 close to) count "no" and "more or less" as 1; a subscale is missing when any of its
// items is; the total is missing when more than one item is, and otherwise counts the answered
// items. Categories: total 0-1 not lonely, 2-4 moderately, 5-6 severely lonely; subscales 0 not
// lonely, 1-3 lonely. Reference: instruments.md §5.

private let emotional = ["djg6_1", "djg6_4", "djg6_6"]
private let social = ["djg6_2", "djg6_3", "djg6_5"]

/// The answers: emotional items first (in item order 1, 4, 6), then social (2, 3, 5).
private func answers(emotional e: [String], social s: [String]) -> [String: String] {
    var cells: [String: String] = [:]
    for (item, answer) in zip(emotional, e) { cells[item] = answer }
    for (item, answer) in zip(social, s) { cells[item] = answer }
    return cells
}

@Suite("De Jong Gierveld 6-item loneliness scale")
struct DeJongGierveldTests {
    @Test(
        "dichotomous item scores: emotional yes / more or less = 1, social no / more or less = 1",
        arguments: [("Yes", 3, 0), ("More or less", 3, 3), ("No", 0, 3), ("somewhat", 3, 3)])
    func itemScores(answer: String, emotionalSum: Int, socialSum: Int) throws {
        let cells = answers(emotional: Array(repeating: answer, count: 3), social: Array(repeating: answer, count: 3))
        try expectScore("djg6.emotional", of: cells, is: Double(emotionalSum), status: .complete)
        try expectScore("djg6.social", of: cells, is: Double(socialSum), status: .complete)
        try expectScore("djg6.total", of: cells, is: Double(emotionalSum + socialSum), status: .complete)
    }

    @Test("codes follow the manual's syntax: 1 no, 2 more or less, 3 yes")
    func codes() throws {
        // Emotional 3 (yes), 2 (more or less), 1 (no) → 1 + 1 + 0 = 2; social 1 (no), 2, 3 (yes) → 1 + 1 + 0 = 2.
        let cells = answers(emotional: ["3", "2", "1"], social: ["1", "2", "3"])
        try expectScore("djg6.emotional", of: cells, is: 2, status: .complete)
        try expectScore("djg6.social", of: cells, is: 2, status: .complete)
        try expectScore("djg6.total", of: cells, is: 4, status: .complete)
        try expectScore("djg6.total", of: answers(emotional: ["0", "1", "1"], social: ["1", "1", "1"]), is: nil, status: .invalid)
    }

    @Test(
        "the total's categories at each boundary (0-1 | 2-4 | 5-6)",
        arguments: [
            // (emotional answers, social answers, total, category), each total worked by hand.
            (["No", "No", "No"], ["Yes", "Yes", "Yes"], 0, "Not lonely"),
            (["Yes", "No", "No"], ["Yes", "Yes", "Yes"], 1, "Not lonely"),
            (["Yes", "No", "No"], ["No", "Yes", "Yes"], 2, "Moderately lonely"),
            (["Yes", "More or less", "No"], ["No", "More or less", "Yes"], 4, "Moderately lonely"),
            (["Yes", "Yes", "Yes"], ["No", "More or less", "Yes"], 5, "Severely lonely"),
            (["Yes", "Yes", "More or less"], ["No", "No", "More or less"], 6, "Severely lonely")
        ])
    func totalCategories(e: [String], s: [String], total: Int, category: String) throws {
        let result = try #require(try score("djg6", answers(emotional: e, social: s), classify: ["all"])["djg6.total"])
        #expect(result.value == Double(total))
        #expect(result.bands.map(\.label) == [category])
        #expect(result.bands.first?.status == .official)
    }

    @Test(
        "each subscale's categories at each boundary (0 | 1-3)",
        arguments: [(0, "Not lonely"), (1, "Lonely"), (3, "Lonely")])
    func subscaleCategories(lonelyItems: Int, category: String) throws {
        let e = (0..<3).map { $0 < lonelyItems ? "Yes" : "No" }
        let s = (0..<3).map { $0 < lonelyItems ? "No" : "Yes" }
        let scores = try score("djg6", answers(emotional: e, social: s), classify: ["manual-cut-offs"])
        for scale in ["djg6.emotional", "djg6.social"] {
            #expect(scores[scale]?.value == Double(lonelyItems))
            #expect(scores[scale]?.bands.map(\.label) == [category], "\(scale)")
        }
    }

    @Test("one item missing: its subscale is missing, the total is the sum of the five answered (not prorated)")
    func oneMissing() throws {
        // Emotional: djg6_1 yes (1), djg6_4 missing, djg6_6 no (0). Social: djg6_2 no (1), djg6_3 yes (0), djg6_5 more or less (1).
        let cells = ["djg6_1": "Yes", "djg6_4": "", "djg6_6": "No", "djg6_2": "No", "djg6_3": "Yes", "djg6_5": "More or less"]
        let scores = try score("djg6", cells, classify: ["all"])
        let total = try #require(scores["djg6.total"])
        #expect(total.status == .answeredSum)
        #expect(total.value == 3, "1 + 0 + 1 + 0 + 1 over the five answered; prorated it would be 3.6")
        #expect(total.missing == ["djg6_4"])
        #expect(total.policy == .answeredSum(maxMissing: 1))
        #expect(total.bands.map(\.label) == ["Moderately lonely"])
        #expect(scores["djg6.emotional"]?.status == .incomplete)
        #expect(scores["djg6.emotional"]?.missing == ["djg6_4"])
        #expect(scores["djg6.social"]?.value == 2)
        // The total is not emotional + social: the emotional subscale has no value.
        #expect(scores["djg6.emotional"]?.value == nil)
    }

    @Test("one social item missing: the total still counts the five answered")
    func oneSocialMissing() throws {
        // Emotional yes, yes, yes (3); social djg6_2 more or less (1), djg6_3 missing, djg6_5 no (1): total 5, severely lonely.
        let cells = answers(emotional: ["Yes", "Yes", "Yes"], social: ["More or less", "", "No"])
        let scores = try score("djg6", cells, classify: ["all"])
        #expect(scores["djg6.total"]?.value == 5)
        #expect(scores["djg6.total"]?.status == .answeredSum)
        #expect(scores["djg6.total"]?.bands.map(\.label) == ["Severely lonely"])
        #expect(scores["djg6.social"]?.status == .incomplete)
        #expect(scores["djg6.emotional"]?.value == 3)
    }

    @Test("two items missing: the total is missing too")
    func twoMissing() throws {
        let across = try score("djg6", answers(emotional: ["", "Yes", "Yes"], social: ["No", "", "No"]))
        #expect(across["djg6.total"]?.status == .incomplete)
        #expect(across["djg6.total"]?.missing == ["djg6_1", "djg6_3"])
        #expect(across["djg6.emotional"]?.status == .incomplete)
        #expect(across["djg6.social"]?.status == .incomplete)
        let within = try score("djg6", answers(emotional: ["Yes", "", ""], social: ["No", "No", "Yes"]))
        #expect(within["djg6.total"]?.status == .incomplete)
        #expect(within["djg6.emotional"]?.status == .incomplete)
        #expect(within["djg6.social"]?.value == 2)
        try expectScore("djg6.total", of: [:], is: nil, status: .incomplete)
    }

    @Test("an answer that is not an option makes its subscale and the total invalid, even beside a missing one")
    func invalid() throws {
        let scores = try score("djg6", answers(emotional: ["Yes", "", "No"], social: ["Don't know", "Yes", "No"]))
        #expect(scores["djg6.total"]?.status == .invalid)
        #expect(scores["djg6.total"]?.invalid.map(\.item) == ["djg6_2"])
        #expect(scores["djg6.social"]?.status == .invalid)
        #expect(scores["djg6.emotional"]?.status == .incomplete)
    }

    @Test("--missing prorate:1 is refused (the manual does not prorate); --missing complete makes the total need all six")
    func overrides() throws {
        let cells = answers(emotional: ["Yes", "", "No"], social: ["No", "Yes", "More or less"])
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["djg6"], missing: .prorate(maxMissing: 1))
        #expect(plan.notices.contains { $0.hasPrefix("djg6.total: policy prorate:1 not applied") })
        #expect(plan.notices.contains { $0.hasPrefix("djg6.emotional: policy prorate:1 not applied") })
        try expectScore("djg6.total", of: cells, is: 3, status: .answeredSum, missing: .prorate(maxMissing: 1))
        try expectScore("djg6.emotional", of: cells, is: nil, status: .incomplete, missing: .prorate(maxMissing: 1))
        try expectScore("djg6.total", of: cells, is: nil, status: .incomplete, missing: .complete)
    }

    @Test("the wording is not shipped: theme phrases only, and the source is printed with results")
    func licence() throws {
        let djg = try builtInCatalog.instrument("djg6")
        #expect(djg.licence.wording == .themesOnly)
        #expect(djg.items.allSatisfy { $0.text == nil })
        #expect(djg.licence.printWithResults)
        #expect(try ScoringPlan(catalog: builtInCatalog, instruments: ["djg6"]).notices.contains(djg.licence.notice))
    }
}
