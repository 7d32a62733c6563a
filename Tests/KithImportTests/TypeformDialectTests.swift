import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: Typeform")
struct TypeformDialectTests {
    @Test func sampleScoresAsExpected() throws {
        let read = try expectSampleMatches("typeform.csv")
        #expect(read.responses[0].submittedAt?.iso8601 == "2026-03-25T08:19:58Z")
        #expect(read.responses[2].status == .partial("partial response"))
        let source = try #require(read.source.questions.first { $0.header == "source" })
        #expect(source.kind == .singleChoice)
    }
}
