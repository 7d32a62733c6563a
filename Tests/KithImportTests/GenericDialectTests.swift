import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: generic and typed-up paper forms")
struct GenericDialectTests {
    @Test func paperFormsWindows1252() throws {
        let read = try expectSampleMatches("paper-forms.csv")
        #expect(read.source.encoding.encoding == .windows1252)
        #expect(read.source.tally.trailingBlankRows == 3)
        // 9 = no answer is read as missing and reported, never silently.
        let nines = read.source.tally.missingCodes.values.compactMap { $0[9]?.count }.reduce(0, +)
        #expect(nines == 3)
        #expect(
            read.responses[0].submittedAt?.iso8601 == "2017-10-25T00:00:00" || read.responses[0].submittedAt?.iso8601?.hasPrefix("2025-10-17") == true
        )
    }

    @Test(
        arguments: [
            "answers", "wemwbs-14", "kent-esurvey", "medway-panel", "service-outcomes", "ons4-social-prescribing", "djg6-older-people",
            "lsns6-assessments"
        ])
    func genericSamples(_ stem: String) throws {
        try expectSampleMatches("\(stem).csv")
    }

    @Test func waveNamesAreNormalised() {
        #expect(WaveName.normalise("Baseline ") == "baseline")
        #expect(WaveName.normalise("Follow up") == "follow-up")
        #expect(WaveName.normalise("follow-up") == "follow-up")
        #expect(WaveName.normalise("FollowUp") == "follow-up")
        #expect(WaveName.normalise("Wave 2") == "wave-2")
    }
}
