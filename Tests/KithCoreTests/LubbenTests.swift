import KithCore
import KithTestSupport
import Testing

// Source of every expected value below: Lubben et al. (2006), The Gerontologist 46(4):503-513, as
// the reference file gives it (instruments.md §5, rated secondary): six items coded 0 none, 1 one,
// 2 two, 3 three or four, 4 five to eight, 5 nine or more; family = items 1-3 (0-15), friends =
// items 4-6 (0-15), total 0-30; under 12 = at risk of social isolation; a subscale under 6 is
// flagged. No missing-item rule was found, so every item is needed.

private func cells(_ codes: [Int]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: codes.enumerated().map { ("lsns6_\($0.offset + 1)", String($0.element)) })
}

@Suite("Lubben Social Network Scale, 6 items")
struct LubbenTests {
    @Test(
        "each option's code, by label or number",
        arguments: [
            ("None", 0), ("One", 1), ("Two", 2), ("Three or four", 3), ("3 or 4", 3), ("Five to eight", 4), ("five thru eight", 4),
            ("Nine or more", 5), ("9 or more", 5), ("4", 4)
        ])
    func options(label: String, code: Int) throws {
        // Family: the item under test plus two "None" answers.
        try expectScore("lsns6.family", of: ["lsns6_1": label, "lsns6_2": "None", "lsns6_3": "0"], is: Double(code), status: .complete)
    }

    @Test("family is items 1-3, friends items 4-6, the total all six")
    func subscales() throws {
        // Family 1 + 2 + 3 = 6; friends 4 + 5 + 0 = 9; total 15.
        let answers = cells([1, 2, 3, 4, 5, 0])
        try expectScore("lsns6.family", of: answers, is: 6, status: .complete)
        try expectScore("lsns6.friends", of: answers, is: 9, status: .complete)
        try expectScore("lsns6.total", of: answers, is: 15, status: .complete)
        try expectScore("lsns6.total", of: cells([0, 0, 0, 0, 0, 0]), is: 0, status: .complete)
        try expectScore("lsns6.total", of: cells([5, 5, 5, 5, 5, 5]), is: 30, status: .complete)
        try expectScore("lsns6.family", of: cells([5, 5, 5, 5, 5, 5]), is: 15, status: .complete)
    }

    @Test("every item is needed: a missing one leaves its subscale and the total unscored, and is never prorated")
    func missing() throws {
        var answers = cells([2, 2, 2, 2, 2, 2])
        answers["lsns6_5"] = ""
        let scores = try score("lsns6", answers)
        #expect(scores["lsns6.friends"]?.status == .incomplete)
        #expect(scores["lsns6.friends"]?.missing == ["lsns6_5"])
        #expect(scores["lsns6.total"]?.status == .incomplete)
        #expect(scores["lsns6.family"]?.value == 6)
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["lsns6"], missing: .prorate(maxMissing: 1))
        #expect(plan.notices.contains { $0.hasPrefix("lsns6.total: policy prorate:1 not applied") })
        try expectScore("lsns6.total", of: answers, is: nil, status: .incomplete, missing: .prorate(maxMissing: 1))
    }

    @Test("answers that are not options are invalid", arguments: ["Several", "6", "-1", "2.5"])
    func invalid(_ cell: String) throws {
        var answers = cells([1, 1, 1, 1, 1, 1])
        answers["lsns6_2"] = cell
        let scores = try score("lsns6", answers)
        #expect(scores["lsns6.family"]?.status == .invalid)
        #expect(scores["lsns6.total"]?.status == .invalid)
        #expect(scores["lsns6.friends"]?.value == 3)
    }

    @Test(
        "total under 12: at risk of social isolation (a study's cut-off), at the boundary",
        arguments: [
            ([0, 0, 0, 0, 0, 0], "At risk of social isolation"), ([2, 2, 1, 2, 2, 2], "At risk of social isolation"),
            ([2, 2, 2, 2, 2, 2], "Not at risk"), ([5, 5, 5, 5, 5, 5], "Not at risk")
        ])
    func atRisk(codes: [Int], band: String) throws {
        let result = try #require(try score("lsns6", cells(codes), classify: ["lubben-2006-at-risk"])["lsns6.total"])
        #expect(result.bands.map(\.label) == [band], "total \(codes.reduce(0, +))")
        #expect(result.bands.first?.status == .study)
        #expect(result.bands.first?.source.contains("secondary") == true)
    }

    @Test(
        "a subscale under 6 is flagged, at the boundary",
        arguments: [([1, 2, 2], "Few family ties"), ([2, 2, 2], "Not flagged"), ([0, 0, 0], "Few family ties"), ([5, 5, 5], "Not flagged")])
    func subscaleFlag(family: [Int], band: String) throws {
        // Friends 1 + 2 + 2 = 5 beside the family answers: flagged whatever the family subscale is.
        let result = try score("lsns6", cells(family + [1, 2, 2]), classify: ["lubben-2006-subscale"])
        #expect(result["lsns6.family"]?.bands.map(\.label) == [band])
        #expect(result["lsns6.friends"]?.bands.map(\.label) == ["Few friendship ties"])
    }

    @Test("the wording is not shipped; the cut-offs are marked as a study's, from secondary sources")
    func standing() throws {
        let lsns = try builtInCatalog.instrument("lsns6")
        #expect(lsns.licence.wording == .themesOnly)
        #expect(lsns.items.allSatisfy { $0.text == nil })
        for scale in lsns.scales {
            #expect(scale.classifications.allSatisfy { $0.status == .study && $0.source.contains("Lubben et al. (2006)") })
            #expect(!scale.proration.allowed)
        }
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["lsns6"], classifications: ["all"])
        #expect(plan.notices.contains { $0.hasPrefix("lsns6.total: classification 'lubben-2006-at-risk' is a study, not an official cut-off") })
    }
}
