import Foundation
import KithTestSupport
import Testing

@testable import KithImport

@Suite("Dialect: Qualtrics")
struct QualtricsDialectTests {
    @Test func choiceTextSample() throws {
        let read = try expectSampleMatches("qualtrics-choice-text.csv")
        #expect(read.source.headerRows == 3)
        // The ImportId row names the zone: offsets are kept (GMT in March, BST after the 29th).
        #expect(read.responses[1].startedAt?.iso8601?.hasSuffix("+00:00") == true)
        let selected = try #require(read.source.questions.first { $0.name == "Q6" })
        #expect(selected.kind == .multiSelect && selected.separator == ",")
        #expect(!selected.header.hasSuffix("Selected Choice"))
        let other = try #require(read.source.questions.first { $0.name == "Q6_4_TEXT" })
        #expect(other.kind == .freeText)
    }

    @Test func olderTwoRowExportWithoutTheImportIdRow() throws {
        // The same export with its third header row removed: two header rows, same scores.
        let path = packageRoot.appendingPathComponent("Samples/qualtrics-choice-text.csv").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        try #require(lines.count > 3)
        lines.remove(at: 2)
        let source = try SourceFile(bytes: Array(lines.joined(separator: newline).utf8), displayName: "q2.csv", catalog: builtInCatalog)
        #expect(type(of: source.dialect).name == "qualtrics")
        #expect(source.headerRows == 2)
        let expected = try ExpectedSample.load("qualtrics-choice-text")
        let plan = try source.plan()
        var statuses: [String] = []
        var ucla: [Double?] = []
        try source.forEachResponse(plan: plan) { response in
            statuses.append(response.status.name)
            ucla.append(response.status.isExcluded ? nil : plan.score(response.answers).first { $0.scale == "ons-loneliness.ucla3" }?.value)
        }
        #expect(statuses == expected.rows.map(\.status))
        #expect(ucla == expected.rows.map { $0.scores?["ons-loneliness.ucla3"]?.value })
    }

    @Test func numericSampleWithTheMapFile() throws {
        try expectSampleMatches("qualtrics-numeric.csv", options: SourceOptions(map: sampleMap("qualtrics-numeric.map.json")))
    }

    @Test func numericSampleWithoutAMapReportsTheRecodesAsInvalidNeverAsScores() throws {
        let read = try readSample("qualtrics-numeric.csv")
        let ucla = read.scores.compactMap { $0["ons-loneliness.ucla3"] }
        #expect(!ucla.isEmpty && ucla.allSatisfy { $0.status != .complete || $0.value != nil })
        #expect(read.source.tally.invalidAnswers.keys.contains(21)) // Q3_1 holds 0, not an option
        #expect(read.responses[0].status == .excluded("survey preview"))
        #expect(read.responses[13].status == .excluded("spam"))
    }

    @Test func minus99IsSeenButNotAnswered() throws {
        let read = try readSample("qualtrics-numeric.csv", options: SourceOptions(map: sampleMap("qualtrics-numeric.map.json")))
        let row6 = read.scores[5]["ons-loneliness.ucla3"]
        #expect(row6?.status == .incomplete && row6?.missing == ["ucla3_3"])
        #expect(read.source.tally.missingCodes.values.contains { $0[-99] != nil })
    }

    @Test func previewAndPartialRows() throws {
        let csv = """
            StartDate,EndDate,Status,Progress,Finished,ResponseId,Q1
            Start Date,End Date,Response Type,Progress,Finished,Response ID,How often do you feel lonely?
            "{""ImportId"":""startDate"",""timeZone"":""UTC""}","{""ImportId"":""endDate"",""timeZone"":""UTC""}","{""ImportId"":""status""}",\
            "{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"
            2026-03-01 10:00:00,2026-03-01 10:05:00,Survey Preview,100,True,R_1,Never
            2026-03-01 11:00:00,2026-03-01 11:05:00,IP Address,40,False,R_2,
            2026-03-01 12:00:00,2026-03-01 12:05:00,Survey Test,100,True,R_3,Never
            2026-03-01 13:00:00,2026-03-01 13:05:00,IP Address,100,True,R_4,Often/always

            """
        let source = try SourceFile(bytes: Array(csv.utf8), displayName: "q.csv", catalog: builtInCatalog)
        #expect(type(of: source.dialect).name == "qualtrics")
        var statuses: [ResponseStatus] = []
        var submitted: [String?] = []
        try source.forEachResponse(plan: source.plan()) {
            statuses.append($0.status)
            submitted.append($0.submittedAt?.iso8601)
        }
        #expect(statuses == [.excluded("survey preview"), .partial("not finished (progress 40%)"), .excluded("survey test"), .complete])
        #expect(submitted.last == "2026-03-01T13:05:00Z")
    }
}
