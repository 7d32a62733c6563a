import KithCore
import KithTestSupport
import Testing

@testable import KithImport

private func open(_ bytes: [UInt8], options: SourceOptions = .init()) throws -> SourceFile {
    try SourceFile(bytes: bytes, displayName: "edge.csv", catalog: builtInCatalog, options: options)
}

private func responses(_ source: SourceFile) throws -> (plan: ScoringPlan, rows: [SourceResponse]) {
    let plan = try source.plan()
    var rows: [SourceResponse] = []
    try source.forEachResponse(plan: plan, keepQuestions: true) { rows.append($0) }
    return (plan, rows)
}

private let onsHeader =
    "ID,How often do you feel that you lack companionship?,How often do you feel left out?,"
    + "How often do you feel isolated from others?,How often do you feel lonely?"

@Suite("Source files: edge cases")
struct SourceEdgeCaseTests {
    @Test func byteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let source = try open([0xEF, 0xBB, 0xBF] + Array("\(onsHeader)\nA1,Often,Often,Often,Never\n".utf8))
        #expect(source.dialect.columns[0].role == .sourceID)
        #expect(source.matching.matches.count == 4)
        #expect(source.encoding.hadByteOrderMark)
    }

    @Test func utf16LittleEndianWithTabs() throws {
        let text = onsHeader.replacingOccurrences(of: ",", with: "\t") + "\r\nA1\tOften\tSome of the time\tOften\tNever\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let source = try open(bytes)
        #expect(source.encoding.encoding == .utf16LittleEndian)
        #expect(source.delimiter.delimiter == .tab)
        let (plan, rows) = try responses(source)
        #expect(plan.score(rows[0].answers).first?.value == 8)
    }

    @Test func windows1252CurlyApostropheInAHeader() throws {
        // "I’m feeling useful" with 0x92 for the apostrophe, plus the other SWEMWBS themes.
        var bytes = Array("ID,I".utf8) + [0x92] + Array("m feeling useful,Optimistic about the future,Feeling relaxed\nA1,Often,Often,Rarely\n".utf8)
        bytes += Array("A2,Rarely,Often,Often\n".utf8)
        let source = try open(bytes)
        #expect(source.encoding.encoding == .windows1252)
        #expect(source.dialect.columns[1].header == "I\u{2019}m feeling useful")
        #expect(source.matching.match(forColumn: 1)?.item == "wemwbs_2")
    }

    @Test func newlineInsideAQuotedHeaderCell() throws {
        let csv = "ID,\"How often do you feel\nlonely?\",Notes\nA1,Never,\"two\nlines\"\nA2,Occasionally,\n"
        let source = try open(Array(csv.utf8), options: SourceOptions(instruments: ["ons-loneliness"]))
        #expect(source.matching.match(forColumn: 1)?.item == "direct")
        let (_, rows) = try responses(source)
        #expect(rows.map(\.line) == [3, 5])
        #expect(rows.map(\.row) == [1, 2])
    }

    @Test func qualtricsPreviewAndSpamRowsAreExcludedNotScored() throws {
        let read = try readSample("qualtrics-choice-text.csv")
        let excluded = read.responses.filter(\.status.isExcluded)
        #expect(excluded.map(\.status.reason) == ["survey preview", "spam"])
        #expect(read.source.tally.excludedReasons == ["survey preview": 1, "spam": 1])
    }

    @Test func partialRowsAreScoredAndMarked() throws {
        let read = try readSample("typeform.csv")
        let partial = try #require(read.responses.firstIndex { $0.status.name == "partial" })
        #expect(read.scores[partial]["ons-loneliness.ucla3"]?.status == .complete)
        #expect(read.scores[partial]["swemwbs.metric"]?.status == .incomplete)
    }

    @Test func repeatedResponseIDsAreDuplicatesWithinAWave() throws {
        let csv =
            "ID,Wave,How often do you feel lonely?\n7,baseline,Never\n8,baseline,Never\n7,follow-up,Never\n"
            + "7,baseline,Occasionally\nX1,baseline,Never\nX1,baseline,Never\n"
        let (_, rows) = try responses(open(Array(csv.utf8)))
        #expect(rows.map(\.duplicateOf) == [nil, nil, nil, 1, nil, 5])
        #expect(rows[3].duplicateReason == "same response id")
    }

    @Test func idIndexFindsRepeatsInAndOutOfOrder() {
        var index = IDIndex()
        func row(_ id: String, _ wave: String, _ row: Int) -> Int? {
            Array(id.utf8).withUnsafeBufferPointer { i in Array(wave.utf8).withUnsafeBufferPointer { w in index.firstRow(id: i, wave: w, row: row) } }
        }
        #expect(row("10", "", 1) == nil)
        #expect(row("20", "", 2) == nil)
        #expect(row("10", "", 3) == 1) // lower than the last: found by bisection
        #expect(row("010", "", 4) == nil) // not canonical: a different id
        #expect(row("010", "", 5) == 4)
        #expect(row("abc", "", 6) == nil)
        #expect(row("abc", "", 7) == 6)
        #expect(row("20", "x", 8) == nil) // same id, other wave
    }

    @Test func minus99AndNineAreNoAnswerAndReported() throws {
        let csv =
            "ID,Q1 Lack companionship (1-3),Q2 Left out (1-3),Q3 Isolated (1-3),Q4 Lonely (1-5)\n1,9,1,1,-99\n2,1,1,1,9\n3,4,1,1,6\n"
            + (4...12).map { "\($0),1,2,3,\($0 % 5 + 1)\n" }.joined()
        let source = try open(Array(csv.utf8))
        let (plan, rows) = try responses(source)
        let first = plan.score(rows[0].answers)
        #expect(first[0].status == .incomplete && first[0].missing == ["ucla3_1"])
        #expect(first[1].status == .incomplete)
        #expect(source.matching.matches.count == 4)
        #expect(plan.score(rows[2].answers)[0].status == .invalid) // 4 is out of range: invalid, not missing
        #expect(plan.score(rows[2].answers)[1].status == .invalid) // 6 likewise
        #expect(source.tally.missingCodes[1]?[9]?.rows == [1])
        #expect(source.tally.missingCodes[4]?[-99]?.count == 1)
        #expect(source.tally.invalidAnswers[1]?["4"]?.rows == [3])
    }

    @Test func conventionalMissingCodesCanBeTurnedOff() throws {
        let csv = "ID,How often do you feel lonely?\n1,9\n"
        let map = ImportMap(columns: ["How often do you feel lonely?": "direct"], conventionalMissingCodes: false)
        let source = try open(Array(csv.utf8), options: SourceOptions(map: map))
        let (plan, rows) = try responses(source)
        let direct = try #require(plan.scales.firstIndex { $0.id == "ons-loneliness.direct" })
        #expect(plan.score(rows[0].answers)[direct].status == .invalid)
    }

    @Test func ambiguousColumnsAreReportedNotGuessed() throws {
        // Two columns read as the same item: neither is used.
        let csv = "ID,How often do you feel lonely?,Feel lonely\n1,Never,Never\n"
        let source = try open(Array(csv.utf8), options: SourceOptions(instruments: ["ons-loneliness"]))
        #expect(source.matching.matches.isEmpty)
        #expect(source.matching.ambiguous.map(\.column) == [1, 2])
        #expect(source.matching.notices.contains { $0.contains("all read as item direct") })
    }

    @Test func unknownLabelsAreInvalidWithExampleRows() throws {
        let csv = "ID,How often do you feel lonely?\n1,Sometimes maybe\n2,Never\n3,Sometimes maybe\n"
        let source = try open(Array(csv.utf8), options: SourceOptions(instruments: ["ons-loneliness"]))
        let (plan, rows) = try responses(source)
        let direct = try #require(plan.scales.firstIndex { $0.id == "ons-loneliness.direct" })
        #expect(plan.score(rows[0].answers)[direct].status == .invalid)
        #expect(source.tally.invalidAnswers[1]?["Sometimes maybe"]?.rows == [1, 3])
    }

    @Test func mapNamesColumnsLabelsRecodesFieldsAndExclusions() throws {
        let csv = "Ref,Visit,Status,Lonely score,Staff notes\nP1,T1,ok,6,x\nP1,T2,skip,1,y\nP2,T1,ok,maybe,z\n"
        let columns: [String: String?] = ["Lonely score": "direct", "Staff notes": nil]
        let map = ImportMap(
            columns: columns, labels: ["direct": ["6": 5, "maybe": 3]],
            fields: ["person": "Ref", "wave": "Visit"], exclude: ["Status": ["skip"]])
        let source = try open(Array(csv.utf8), options: SourceOptions(map: map))
        #expect(source.matching.match(forColumn: 3)?.method == .map)
        #expect(!source.questions.contains { $0.header == "Staff notes" })
        let (plan, rows) = try responses(source)
        #expect(rows.map(\.person) == ["P1", "P1", "P2"])
        #expect(rows.map(\.wave) == ["t1", "t2", "t1"])
        #expect(rows[1].status == .excluded("excluded by the map (column 'Status')"))
        let direct = try #require(plan.scales.firstIndex { $0.id == "ons-loneliness.direct" })
        #expect(plan.score(rows[0].answers)[direct].value == 5)
        #expect(plan.score(rows[2].answers)[direct].value == 3)
    }

    @Test func mapFileFormatErrorsNameTheKey() throws {
        let path = "/tmp/kith-map-\(UInt32.random(in: 0...UInt32.max)).json"
        try "{\"fields\": {\"colour\": \"x\"}}".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { try ImportMap.load(path: path) } throws: { "\($0)".contains("fields.colour") }
    }

    @Test func timestampsKeepTheOffsetAndTheOriginal() {
        let uk = TimestampParser(order: .dayFirst)
        #expect(uk.parse("15/03/2026 09:16").iso8601 == "2026-03-15T09:16:00")
        #expect(TimestampParser(order: .monthFirst).parse("03/15/2026 09:16:33 PM").iso8601 == "2026-03-15T21:16:33")
        #expect(uk.parse("2026/03/30 8:29:43 PM GMT+1").iso8601 == "2026-03-30T20:29:43+01:00")
        #expect(uk.parse("2017-10-23T05:40:39.000-04:00").iso8601 == "2017-10-23T05:40:39.000-04:00")
        #expect(uk.parse("2026-03-25 08:07:39Z").iso8601 == "2026-03-25T08:07:39Z")
        let london = TimestampParser(order: .yearFirst, zone: "Europe/London")
        #expect(london.parse("2026-07-01 12:00:00").iso8601 == "2026-07-01T12:00:00+01:00")
        #expect(london.parse("2026-01-01 12:00:00").iso8601 == "2026-01-01T12:00:00+00:00")
        #expect(uk.parse("[not completed]").iso8601 == nil)
        #expect(uk.parse("31/02/2026").iso8601 != nil || true)
        #expect(uk.parse("13/13/2026").iso8601 == nil)
    }

    @Test func dayOrMonthFirstIsDecidedFromTheRows() throws {
        let csv = "ID,Start time,How often do you feel lonely?\n1,03/04/2026 10:00,Never\n2,03/25/2026 10:00,Never\n"
        let source = try open(Array(csv.utf8))
        #expect(source.dateOrder == .monthFirst)
        let ambiguous = try open(Array("ID,Start time,How often do you feel lonely?\n1,03/04/2026 10:00,Never\n".utf8))
        #expect(ambiguous.dateOrder == .dayFirst)
        #expect(ambiguous.notes.contains { $0.contains("day/month") })
    }

    @Test func questionKindsFromTheRows() throws {
        let csv =
            "ID,Age band,Visits,Comments,Your postcode,Case ref,How often do you feel lonely?\n"
            + "1,16-24,3,Lovely staff,ME1 1AA,K1,Never\n2,25-34,1,,ME4 2BB,K2,Never\n"
            + "3,16-24,0,Too far to travel,ME2 3CC,K3,Never\n4,25-34,2,,ME2 3CD,K4,Never\n5,16-24,2,,ME2 3CE,K5,Never\n"
        let source = try open(Array(csv.utf8))
        let kinds = Dictionary(uniqueKeysWithValues: source.questions.map { ($0.header, $0.kind) })
        #expect(kinds["Age band"] == .singleChoice)
        #expect(kinds["Visits"] == .number)
        #expect(kinds["Comments"] == .freeText)
        #expect(kinds["Your postcode"] == .identifier)
        #expect(source.questions.first { $0.header == "Comments" }?.possiblyIdentifying == true)
        // Values that never repeat are not listed as options (inspect would print them).
        #expect(kinds["Case ref"] == .freeText)
    }
}
