import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: Qualtrics (legacy export, before 2017)")
struct QualtricsLegacyDialectTests {
    @Test func legacySample() throws {
        let read = try expectSampleMatches("qualtrics-legacy.csv")
        // The empty last column (trailing comma) is bookkeeping, not a question.
        #expect(read.source.questions.allSatisfy { !$0.header.isEmpty })
        #expect(QualtricsLegacyDialect.splitStem("Over the last 2 weeks-Feeling useful") == "Over the last 2 weeks - Feeling useful")
        #expect(QualtricsLegacyDialect.splitStem("Follow-up") == "Follow-up")
    }
}
