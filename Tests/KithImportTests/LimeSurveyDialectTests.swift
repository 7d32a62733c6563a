import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: LimeSurvey")
struct LimeSurveyDialectTests {
    @Test func sampleScoresAsExpectedWithTheMapFile() throws {
        let read = try expectSampleMatches("limesurvey.csv", options: SourceOptions(map: sampleMap("limesurvey.map.json")))
        #expect(read.responses[3].status == .partial("not submitted (last page 2)"))
    }

    @Test func withoutAMapNothingIsGuessedAndTheCodesAreExplained() throws {
        let read = try readSample("limesurvey.csv")
        #expect(read.source.matching.matches.isEmpty)
        #expect(read.source.notes.contains { $0.contains("answer codes") })
        let activity = read.source.questions.filter { $0.question == "activity" }
        #expect(activity.count == 4)
    }
}
