import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: Google Forms")
struct GoogleFormsDialectTests {
    @Test func sampleScoresAsExpected() throws {
        let read = try expectSampleMatches("google-forms.csv")
        #expect(read.responses[0].submittedAt?.iso8601 == "2026-03-17T20:29:43+00:00")
        #expect(read.responses[5].duplicateOf == 5)
        #expect(read.responses[5].duplicateReason?.contains("61 s") == true)
        #expect(read.source.tally.duplicates == 1)
    }

    @Test func summerTimeOffsetIsKept() throws {
        let read = try readSample("google-forms.csv")
        #expect(read.responses[7].submittedAt?.original.hasSuffix("GMT+1") == true)
        #expect(read.responses[7].submittedAt?.iso8601?.hasSuffix("+01:00") == true)
    }

    @Test func checkboxOptionsContainingCommasStayWhole() throws {
        let read = try readSample("google-forms.csv")
        let question = try #require(read.source.questions.first { $0.header.hasPrefix("Which of these have you done") })
        #expect(question.kind == .multiSelect)
        let cell = "Met friends, family or neighbours in person, Phoned, texted or video-called someone, Went to a club, class or group"
        #expect(
            question.selections(cell) == [
                "Met friends, family or neighbours in person", "Phoned, texted or video-called someone", "Went to a club, class or group"
            ])
        #expect(question.options.contains("Phoned, texted or video-called someone"))
    }

    @Test func nearIdenticalRowsNeedTheSameRespondentAndAShortGap() throws {
        let csv = """
            Timestamp,Email address,How often do you feel lonely?
            2026/03/17 8:29:43 PM GMT,a@example.org,Never
            2026/03/17 8:30:43 PM GMT,a@example.org,Never
            2026/03/17 9:30:43 PM GMT,a@example.org,Never
            2026/03/17 9:31:00 PM GMT,b@example.org,Never

            """
        let source = try SourceFile(bytes: Array(csv.utf8), displayName: "g.csv", catalog: builtInCatalog)
        var duplicates: [Int?] = []
        try source.forEachResponse(plan: source.plan()) { duplicates.append($0.duplicateOf) }
        #expect(duplicates == [nil, 1, nil, nil])
    }
}
