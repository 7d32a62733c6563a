import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: SmartSurvey")
struct SmartSurveyDialectTests {
    @Test func sampleScoresAsExpected() throws {
        let read = try expectSampleMatches("smartsurvey.csv")
        #expect(read.responses[4].status == .partial("not finished (no end time)"))
        #expect(read.responses[0].startedAt?.iso8601 == "2026-03-13T09:43:25")
        let choices = read.source.questions.filter { $0.choice != nil }
        #expect(choices.count == 4)
    }
}
