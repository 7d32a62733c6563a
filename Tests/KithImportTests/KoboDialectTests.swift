import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: KoboToolbox")
struct KoboDialectTests {
    @Test func sampleScoresAsExpectedWithZeroConfiguration() throws {
        let read = try expectSampleMatches("kobo.csv")
        #expect(read.responses[0].startedAt?.iso8601 == "2026-03-16T16:26:48.511+00:00")
        let summary = try #require(read.source.questions.first { $0.header == "about/activities" })
        #expect(summary.kind == .multiSelect && summary.separator == " ")
        #expect(summary.selections("lunch_club walking_group") == ["lunch_club", "walking_group"])
    }

    @Test func sampleScoresAsExpectedWithTheMapFile() throws {
        try expectSampleMatches("kobo.csv", options: SourceOptions(map: sampleMap("kobo.map.json")))
    }

    @Test func choiceNamesResolvePerItem() throws {
        // 'often' is 3 for a UCLA item and 4 for a SWEMWBS item.
        let csv =
            "\"loneliness/lack_companionship\";\"wellbeing/useful\";\"wellbeing/relaxed\";\"_id\";\"_uuid\";\"_submission_time\"\n"
            + "\"often\";\"often\";\"often\";\"1\";\"u\";\"2026-01-01T00:00:00\"\n"
        let source = try SourceFile(bytes: Array(csv.utf8), displayName: "k.csv", catalog: builtInCatalog)
        let plan = try source.plan()
        var answers: [String: Int] = [:]
        try source.forEachResponse(plan: plan) { response in
            for (slot, answer) in response.answers.enumerated() { if let code = answer.code { answers[plan.slots[slot]] = code } }
        }
        #expect(answers["ucla3_1"] == 3)
        #expect(answers["wemwbs_2"] == 4)
    }
}
