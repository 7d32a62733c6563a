import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: REDCap")
struct REDCapDialectTests {
    @Test func sampleScoresAsExpectedWithTheDictionaryBesideIt() throws {
        let read = try expectSampleMatches("redcap.csv")
        #expect(read.source.notes.contains { $0.contains("found beside the export") })
        let ageBand = try #require(read.source.questions.first { $0.name == "age_band" })
        #expect(ageBand.kind == .singleChoice && ageBand.codeLabels != nil)
        let activities = read.source.questions.filter { $0.choice != nil }
        #expect(activities.count == 4)
    }

    @Test func dictionaryNamedExplicitly() throws {
        let path = packageRoot.appendingPathComponent("Samples/redcap-dictionary.csv").path
        let dictionary = try REDCapDictionary.load(path: path)
        #expect(dictionary.fields["ucla_1"]?.choices.first?.label == "Hardly ever or never")
        try expectSampleMatches("redcap.csv", options: SourceOptions(dictionary: path))
    }

    @Test func eventsBecomeWaves() throws {
        let dialect = try REDCapDialect(head: [["record_id", "redcap_event_name", "x_complete"]], file: "r")
        #expect(dialect.wave("baseline_arm_1") == "baseline")
        #expect(dialect.wave("followup_arm_1") == "follow-up")
        #expect(dialect.wave("event_2_arm_12") == "event-2")
    }

    @Test func formCompleteZeroIsPartial() throws {
        let csv = "record_id,redcap_event_name,lonely_direct,loneliness_complete\n1,baseline_arm_1,5,0\n1,followup_arm_1,4,2\n"
        let source = try SourceFile(bytes: Array(csv.utf8), displayName: "r.csv", catalog: builtInCatalog)
        var statuses: [String] = []
        try source.forEachResponse(plan: source.plan()) { statuses.append($0.status.name) }
        #expect(statuses == ["partial", "complete"])
    }
}
