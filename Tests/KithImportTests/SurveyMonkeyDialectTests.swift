import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: SurveyMonkey")
struct SurveyMonkeyDialectTests {
    @Test func sampleScoresAsExpected() throws {
        let read = try expectSampleMatches("surveymonkey.csv")
        #expect(read.source.dialectConfidence > 0)
        // US dates with AM/PM, no zone: ISO 8601 local time, original kept.
        let first = try #require(read.responses.first)
        #expect(first.startedAt?.iso8601 == "2026-03-15T09:16:33")
        #expect(first.startedAt?.original == "03/15/2026 09:16:33 AM")
        #expect(first.submittedAt?.hasOffset == false)
        #expect(read.responses[1].startedAt?.iso8601 == "2026-03-14T21:19:10")
    }

    @Test func matrixStemOverFirstColumnAndMultiSelectChoices() throws {
        let read = try readSample("surveymonkey.csv")
        let columns = read.source.dialect.columns
        // Row labels under the matrix are composed with the stem carried from its first column.
        #expect(columns[16].header.hasSuffix(" - How often do you feel left out?"))
        #expect(read.source.matching.match(forColumn: 16)?.item == "ucla3_2")
        let activities = read.source.questions.filter { $0.question?.hasPrefix("Which of these have you done") == true }
        #expect(activities.map(\.choice) == ["Went to a lunch club", "Joined a walking group", "Had a befriending phone call", "None of these"])
        #expect(activities.allSatisfy { $0.kind == .multiSelect })
        let comment = try #require(read.source.questions.first { $0.header.hasPrefix("Is there anything else") })
        #expect(comment.kind == .freeText && comment.possiblyIdentifying)
        #expect(columns.contains { $0.header == "Email Address" && $0.role == .identifier(.email) })
    }
}
