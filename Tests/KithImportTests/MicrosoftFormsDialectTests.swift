import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: Microsoft Forms")
struct MicrosoftFormsDialectTests {
    @Test func unicodeTextSample() throws {
        let read = try expectSampleMatches("microsoft-forms.txt", expected: "microsoft-forms")
        #expect(read.source.encoding.encoding == .utf16LittleEndian)
        #expect(read.responses[0].startedAt?.iso8601 == "2026-03-11T09:01:47")
    }

    @Test func csvUTF8Sample() throws {
        let read = try expectSampleMatches("microsoft-forms-utf8.csv")
        let multi = try #require(read.source.questions.first { $0.header.hasPrefix("Which of these") })
        #expect(multi.kind == .multiSelect && multi.separator == ";")
        #expect(multi.selections("Went to a lunch club;Had a befriending phone call;") == ["Went to a lunch club", "Had a befriending phone call"])
        // Anonymous forms: 'anonymous' is not an identity, so identical answers are not taken for duplicates.
        #expect(read.responses.allSatisfy { $0.duplicateOf == nil })
    }
}
