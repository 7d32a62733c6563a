import KithCore
import KithTestSupport
import Testing

@Suite("Scoring: both ends of every scale")
struct ScaleEndsTests {
    @Test func uclaEnds() throws {
        try expectScore("ons-loneliness.ucla3", of: ["ucla3_1": "1", "ucla3_2": "1", "ucla3_3": "1"], is: 3, status: .complete)
        try expectScore("ons-loneliness.ucla3", of: ["ucla3_1": "Often", "ucla3_2": "Often", "ucla3_3": "Often"], is: 9, status: .complete)
        try expectScore(
            "ons-loneliness.ucla3", of: ["ucla3_1": "Hardly ever or never", "ucla3_2": "Some of the time", "ucla3_3": "Often"], is: 6,
            status: .complete)
    }

    @Test("the direct question keeps its code and label, 1 = Often/always … 5 = Never")
    func directCodes() throws {
        let labels = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
        for (index, label) in labels.enumerated() {
            let result = try #require(try score("ons-loneliness", ["direct": label])["ons-loneliness.direct"])
            #expect(result.value == Double(index + 1))
            #expect(result.label == label)
            #expect(result.status == .complete)
        }
    }

    @Test("the direct question is never added to the UCLA sum")
    func directNotInUCLA() throws {
        let scores = try score("ons-loneliness", ["ucla3_1": "2", "ucla3_2": "2", "ucla3_3": "2", "direct": "5"])
        #expect(scores["ons-loneliness.ucla3"]?.value == 6)
        #expect(scores["ons-loneliness.direct"]?.value == 5)
        #expect(try builtInCatalog.instrument("ons-loneliness").scale("ucla3")?.items == ["ucla3_1", "ucla3_2", "ucla3_3"])
    }

    @Test func wemwbsEnds() throws {
        try expectScore("wemwbs.total", of: try uniform("wemwbs", "None of the time"), is: 14, status: .complete)
        try expectScore("wemwbs.total", of: try uniform("wemwbs", "All of the time"), is: 70, status: .complete)
    }

    @Test func swemwbsEnds() throws {
        try expectScore("swemwbs.metric", of: try uniform("swemwbs", "1"), is: 7.00, status: .complete)
        try expectScore("swemwbs.metric", of: try uniform("swemwbs", "5"), is: 35.00, status: .complete)
    }

    @Test func childMeasureEnds() throws {
        try expectScore("ons-loneliness-child.three-item", of: ["child_1": "1", "child_2": "1", "child_3": "1"], is: 3, status: .complete)
        try expectScore("ons-loneliness-child.three-item", of: ["child_1": "3", "child_2": "3", "child_3": "3"], is: 9, status: .complete)
    }
}

@Suite("Scoring: missing answers")
struct MissingAnswerTests {
    @Test("by default a partly answered set is incomplete, never scored as if the gap were zero")
    func defaultPolicy() throws {
        let scores = try score("ons-loneliness", ["ucla3_1": "3", "ucla3_2": "", "ucla3_3": "3"])
        let ucla = try #require(scores["ons-loneliness.ucla3"])
        #expect(ucla.status == .incomplete)
        #expect(ucla.value == nil)
        #expect(ucla.missing == ["ucla3_2"])
        #expect(ucla.policy == .complete)
    }

    @Test("UCLA-3 is never prorated: ONS analyses the items as a set")
    func uclaNotProrated() throws {
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["ons-loneliness"], missing: .prorate(maxMissing: 1))
        #expect(plan.notices.contains { $0.contains("ons-loneliness.ucla3: policy prorate:1 not applied") })
        try expectScore("ons-loneliness.ucla3", of: ["ucla3_1": "3", "ucla3_3": "3"], is: nil, status: .incomplete, missing: .prorate(maxMissing: 1))
    }

    @Test("WEMWBS prorated: mean of the answered items times 14")
    func wemwbsProrated() throws {
        var cells = try uniform("wemwbs", "4")
        cells["wemwbs_5"] = ""
        try expectScore("wemwbs.total", of: cells, is: nil, status: .incomplete)
        try expectScore("wemwbs.total", of: cells, is: 4.0 * 14, status: .prorated, missing: .prorate(maxMissing: 1))
        cells["wemwbs_1"] = "5"
        try expectScore("wemwbs.total", of: cells, is: (4.0 * 12 + 5) * 14 / 13, status: .prorated, missing: .prorate(maxMissing: 1))
        cells["wemwbs_2"] = ""
        try expectScore("wemwbs.total", of: cells, is: nil, status: .incomplete, missing: .prorate(maxMissing: 1))
        try expectScore("wemwbs.total", of: cells, is: (4.0 * 11 + 5) * 14 / 12, status: .prorated, missing: .prorate(maxMissing: 2))
    }

    @Test("SWEMWBS prorated: the raw sum is rounded (halves up) before conversion")
    func swemwbsProrated() throws {
        // Six answers summing to 20: 20 × 7 / 6 = 23.33 → raw 23 → 20.73.
        let cells = ["swemwbs_1": "4", "swemwbs_2": "4", "swemwbs_3": "3", "swemwbs_4": "3", "swemwbs_5": "3", "swemwbs_6": "3"]
        let result = try #require(try score("swemwbs", cells, missing: .prorate(maxMissing: 1))["swemwbs.metric"])
        #expect(result.status == .prorated)
        #expect(result.raw == 23)
        #expect(result.value == 20.73)
        #expect(result.missing == ["swemwbs_7"])
        #expect(result.policy == .prorate(maxMissing: 1))
        // Six answers summing to 21: 21 × 7 / 6 = 24.5 → raw 25 (half up) → 22.35.
        var halves = cells
        halves["swemwbs_1"] = "5"
        #expect(try score("swemwbs", halves, missing: .prorate(maxMissing: 1))["swemwbs.metric"]?.value == 22.35)
    }

    @Test("the policy's use is printed with the results")
    func prorationNotice() throws {
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: ["swemwbs"], missing: .prorate(maxMissing: 1))
        #expect(plan.notices.contains { $0.hasPrefix("swemwbs.metric: scored with up to 1 missing item prorated (policy prorate:1)") })
    }

    @Test(
        "policies parse as named",
        arguments: [("complete", MissingPolicy.complete), ("prorate:2", .prorate(maxMissing: 2)), ("PRORATE:1", .prorate(maxMissing: 1))])
    func policyNames(text: String, policy: MissingPolicy) {
        #expect(MissingPolicy(text) == policy)
    }

    @Test("nonsense policies are refused", arguments: ["prorate", "prorate:0", "prorate:-1", "zero", "prorate:x", ""])
    func badPolicies(text: String) {
        #expect(MissingPolicy(text) == nil)
    }
}

@Suite("Scoring: invalid answers")
struct InvalidAnswerTests {
    @Test("out-of-range codes make the item invalid, never zero", arguments: ["0", "4", "-1", "9", "99"])
    func outOfRange(code: String) throws {
        let result = try #require(try score("ons-loneliness", ["ucla3_1": code, "ucla3_2": "1", "ucla3_3": "1"])["ons-loneliness.ucla3"])
        #expect(result.status == .invalid)
        #expect(result.value == nil)
        #expect(result.invalid.map(\.item) == ["ucla3_1"])
        #expect(result.invalid.first?.answer.kind == .outOfRange(Int(code)!))
    }

    @Test("unknown labels make the item invalid and are reported", arguments: ["Sometimes maybe", "Always", "N/A", "x"])
    func unknownLabel(label: String) throws {
        let result = try #require(try score("ons-loneliness", ["ucla3_1": "1", "ucla3_2": label, "ucla3_3": "1"])["ons-loneliness.ucla3"])
        #expect(result.status == .invalid)
        #expect(result.invalid.first?.answer == InvalidAnswer(.unknownLabel, text: label))
    }

    @Test("a fractional number is not a code")
    func fraction() throws {
        let result = try #require(try score("ons-loneliness", ["direct": "2.5"])["ons-loneliness.direct"])
        #expect(result.status == .invalid)
        #expect(result.invalid.first?.answer.kind == .notACode)
        #expect(try score("ons-loneliness", ["direct": "2.0"])["ons-loneliness.direct"]?.value == 2)
    }

    @Test("invalid wins over proration: a set with an unreadable answer is not scored")
    func invalidBeatsProration() throws {
        var cells = try uniform("wemwbs", "3")
        cells["wemwbs_2"] = "7"
        try expectScore("wemwbs.total", of: cells, is: nil, status: .invalid, missing: .prorate(maxMissing: 3))
    }
}

@Suite("Scoring: label variants")
struct LabelVariantTests {
    @Test(
        "variants of the direct question's labels",
        arguments: [
            ("Often/always", 1), ("Often / always", 1), ("often/Always", 1), ("  OFTEN/ALWAYS  ", 1), ("Often or always", 1),
            ("some of the time", 2), ("Some  of the time", 2), ("occasionally", 3), ("Hardly ever", 4), ("never", 5)
        ])
    func direct(label: String, code: Int) throws {
        #expect(try score("ons-loneliness", ["direct": label])["ons-loneliness.direct"]?.value == Double(code))
    }

    @Test(
        "variants of the UCLA labels, including Hughes's 'Hardly ever'",
        arguments: [
            ("Hardly ever or never", 1), ("Hardly ever", 1), ("hardly ever / never", 1), ("Some of the time", 2), ("OFTEN", 3), (" Often ", 3)
        ])
    func ucla(label: String, code: Int) throws {
        let cells = ["ucla3_1": label, "ucla3_2": label, "ucla3_3": label]
        #expect(try score("ons-loneliness", cells)["ons-loneliness.ucla3"]?.value == Double(3 * code))
    }

    @Test("curly apostrophes, dashes and contractions read the same as straight ones")
    func textKeys() {
        #expect(TextKey("Don’t know") == TextKey("Don't know"))
        #expect(TextKey("Don't know") == TextKey("Do not know"))
        #expect(TextKey("I’ve felt left out") == TextKey("I have felt left out"))
        #expect(TextKey("Hardly-ever") == TextKey("hardly ever"))
        #expect(TextKey("Often – always") == TextKey("often always"))
        #expect(TextKey("Often/always") != TextKey("Often"))
    }
}

@Suite("Classifications are opt-in and carry their source")
struct ClassificationTests {
    @Test func notAppliedUnlessAsked() throws {
        let result = try #require(try score("ons-loneliness", ["ucla3_1": "2", "ucla3_2": "2", "ucla3_3": "2"])["ons-loneliness.ucla3"])
        #expect(result.bands.isEmpty)
    }

    @Test("UCLA-3 6-9 reads as lonely, by convention", arguments: [(3, "Not lonely"), (5, "Not lonely"), (6, "Lonely"), (9, "Lonely")])
    func uclaConvention(total: Int, label: String) throws {
        var cells: [String: String] = [:]
        var remaining = total
        for index in 1...3 {
            let code = min(3, remaining - (3 - index))
            cells["ucla3_\(index)"] = String(code)
            remaining -= code
        }
        let result = try #require(try score("ons-loneliness", cells, classify: ["lonely-6-9"])["ons-loneliness.ucla3"])
        #expect(result.value == Double(total))
        #expect(result.bands.first?.label == label)
        #expect(result.bands.first?.status == .convention)
    }

    @Test(
        "SWEMWBS metric bands apply to converted values",
        arguments: [(19, "Probable depression"), (20, "Possible depression"), (23, "Possible depression"), (24, "Average"), (32, "High")])
    func swemwbsBands(raw: Int, label: String) throws {
        let result = try #require(try score("swemwbs", swemwbsAnswers(summingTo: raw), classify: ["all"])["swemwbs.metric"])
        #expect(result.bands.first?.label == label, "raw \(raw) → \(result.value ?? .nan)")
    }

    @Test("an unknown classification is refused")
    func unknownClassification() {
        #expect(throws: InstrumentError.self) { try ScoringPlan(catalog: builtInCatalog, instruments: ["wemwbs"], classifications: ["lonely-6-9"]) }
    }
}

@Suite("Scoring: the children's measures")
struct ChildMeasureTests {
    @Test("the children's direct question is scored like the adult one")
    func direct() throws {
        try expectScore("ons-loneliness-child.direct", of: ["child_direct": "Often / always"], is: 1, status: .complete)
        try expectScore("ons-loneliness-child.direct", of: ["child_direct": ""], is: nil, status: .incomplete)
    }
}

@Suite("Scoring: the import's allocation-free outcome")
struct OutcomeTests {
    /// `outcome` is what the import stores; `score` what every report shows. They
    /// must agree on every mix of answered, missing and invalid items.
    @Test(
        "outcome gives score's status, value and raw sum on 20,000 random answer rows",
        arguments: [MissingPolicy.complete, .prorate(maxMissing: 1), .prorate(maxMissing: 3)])
    func outcomeMatchesScore(policy: MissingPolicy) throws {
        let plan = try ScoringPlan(catalog: builtInCatalog, instruments: builtInCatalog.instruments.map(\.id), missing: policy)
        var generator = SplitMix(seed: 20_261_123)
        var answers = plan.emptyAnswers()
        var statuses: Set<ScaleScore.Status> = []
        for _ in 0..<20_000 {
            for slot in answers.indices {
                switch generator.next() % 10 {
                case 0: answers[slot] = .missing(.notAsked)
                case 1: answers[slot] = .invalid(InvalidAnswer(.unknownLabel, text: "x"))
                default: answers[slot] = .code(Int(generator.next() % 6))
                }
            }
            try answers.withUnsafeBufferPointer { buffer in
                for planned in plan.scales {
                    let full = plan.score(planned, buffer)
                    let outcome = plan.outcome(planned, buffer)
                    try #require(
                        outcome.status == full.status && outcome.value == full.value && outcome.raw == full.raw,
                        "\(planned.id): \(outcome) vs \(full)")
                    statuses.insert(full.status)
                }
            }
        }
        // Every status came up, so each branch was compared: under a prorate:N override the De Jong Gierveld total keeps
        // its own answered-sum:1 rule (proration is not allowed there), so answered sums come up too.
        #expect(statuses.count == (policy == .complete ? 3 : 5))
    }
}
