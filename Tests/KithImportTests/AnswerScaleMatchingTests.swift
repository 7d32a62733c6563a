import KithCore
import KithTestSupport
import Testing

@testable import KithImport

/// Matches a file's headers with the first rows as evidence.
private func match(_ headers: [String], _ rows: [[String]], instruments: [String]? = nil) throws -> ColumnMatching {
    try ColumnMatcher(catalog: builtInCatalog, instruments: instruments).match(headers: headers, sample: rows)
}

private let zeroToTen = [["7", "3"], ["10", "0"], ["5", "6"], ["Not at all", "9"]]

/// ONS4's 0-10 items (`answersMustFit`) are taken from a header only when the answers are on the 0-10 scale:
/// other surveys ask about happiness or satisfaction on 1-5 or agree/disagree scales (next-wave.md §4).
@Suite("Matching: items whose answers must fit their scale")
struct AnswerScaleMatchingTests {
    @Test("the ONS wording with 0-10 answers is the ONS4 item")
    func officialWording() throws {
        let found = try match(["Overall, how happy did you feel yesterday?", "Overall, how anxious did you feel yesterday?"], zeroToTen)
        #expect(found.matches.map(\.item) == ["ons4_happiness", "ons4_anxiety"])
        #expect(found.instruments == ["ons4"])
    }

    @Test("the same wording answered in words is set aside, with the reason")
    func wordsAreNotTheScale() throws {
        let rows = [["Very happy", "7"], ["Quite happy", "3"], ["Not happy", "5"]]
        let found = try match(["Overall, how happy did you feel yesterday?", "Overall, how anxious did you feel yesterday?"], rows)
        #expect(found.matches.map(\.item) == ["ons4_anxiety"])
        let rejected = try #require(found.rejected.first)
        #expect(rejected.item == "ons4_happiness")
        #expect(rejected.reason == "reads as its question wording but only 0 of 3 sampled answers are its options")
    }

    @Test("an agree/disagree column with an ONS4 alias is set aside")
    func agreeScale() throws {
        let rows = [["Agree", "4"], ["Strongly agree", "8"], ["Disagree", "2"]]
        let found = try match(["Life satisfaction", "How anxious did you feel yesterday?"], rows)
        #expect(found.matches.map(\.item) == ["ons4_anxiety"])
        #expect(found.rejected.map(\.item) == ["ons4_satisfaction"])
    }

    @Test("a one-word header ('Happiness') needs another ONS4 column beside it")
    func oneWordNeedsCompany() throws {
        let alone = try match(["Happiness", "Comments"], [["7", "fine"], ["8", "ok"]])
        #expect(alone.matches.isEmpty)
        #expect(alone.rejected.map(\.item) == ["ons4_happiness"])
        let together = try match(["Happiness", "Anxiety"], zeroToTen)
        #expect(together.matches.map(\.item) == ["ons4_happiness", "ons4_anxiety"])
    }

    @Test("items without the flag keep matching on their wording alone (a Qualtrics recode is reported, not set aside)")
    func othersUnchanged() throws {
        let found = try match(["How often do you feel left out?"], [["0"], ["1"], ["2"]])
        #expect(found.matches.map(\.item) == ["ucla3_2"])
        #expect(found.rejected.isEmpty)
    }
}
