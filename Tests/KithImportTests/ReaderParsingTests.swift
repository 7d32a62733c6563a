import Testing

@testable import KithImport

// MARK: - Helpers shared by the Reader*Tests files

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Reads everything as Strings.
func readAll(_ input: [UInt8], _ options: CSVReader.Options = .init(), name: String = "test.csv") throws -> [[String]] {
    var reader = try CSVReader(bytes: input, displayName: name, options: options)
    return try reader.readRows()
}

func readAll(_ text: String, _ options: CSVReader.Options = .init()) throws -> [[String]] {
    try readAll(bytes(text), options)
}

/// The `ReaderError` thrown while reading everything, or nil.
func readerError(_ input: [UInt8], _ options: CSVReader.Options = .init(), name: String = "test.csv") -> ReaderError? {
    do {
        var reader = try CSVReader(bytes: input, displayName: name, options: options)
        try reader.forEachRecord { _ in }
        return nil
    } catch let error as ReaderError {
        return error
    } catch {
        Issue.record("unexpected error type \(error)")
        return nil
    }
}

/// Options that exercise chunk boundaries: tiny chunks and sniff window, given delimiter.
func tiny(_ chunk: Int, delimiter: Delimiter = .comma, encoding: Encoding? = nil) -> CSVReader.Options {
    CSVReader.Options(delimiter: delimiter, encoding: encoding, chunkSize: chunk, sniffLength: 4)
}

struct RecordInfo: Equatable {
    var fields: [String]
    var quoted: [Bool]
    var line: Int
    var index: Int
    var blank: Bool
}

func recordInfos(_ input: [UInt8], _ options: CSVReader.Options = .init()) throws -> [RecordInfo] {
    var reader = try CSVReader(bytes: input, displayName: "test.csv", options: options)
    var out: [RecordInfo] = []
    try reader.forEachRecord { r in
        out.append(
            RecordInfo(
                fields: r.strings, quoted: (0..<r.count).map { r.wasQuoted($0) },
                line: r.line, index: r.index, blank: r.isBlank))
    }
    return out
}

// MARK: - Quoting

@Suite("Reader: RFC 4180 quoting")
struct ReaderQuotingTests {
    @Test func plainFields() throws {
        #expect(try readAll("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func quotedDelimitersAndNewlines() throws {
        let rows = try readAll("id,comment\n1,\"x, y\"\n2,\"line one\nline two\r\nline three\rend\"\n")
        #expect(rows == [["id", "comment"], ["1", "x, y"], ["2", "line one\nline two\r\nline three\rend"]])
    }

    @Test func doubledQuotes() throws {
        let rows = try readAll("a,\"say \"\"hi\"\"\",\"\"\"\",\"\"\n")
        #expect(rows == [["a", "say \"hi\"", "\"", ""]])
    }

    @Test func newlinesInsideQuotedHeaderCells() throws {
        let text = "\"Respondent\nID\",\"How often do you feel\r\nlonely?\",Ward\n1,Often,Strood\n2,Never,Hoo\n"
        let infos = try recordInfos(bytes(text))
        #expect(
            infos.map(\.fields) == [
                ["Respondent\nID", "How often do you feel\r\nlonely?", "Ward"],
                ["1", "Often", "Strood"], ["2", "Never", "Hoo"]
            ])
        #expect(infos.map(\.line) == [1, 4, 5])
        #expect(infos[0].quoted == [true, true, false])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        #expect(try readAll("5'11\",ab\"c\"d, \"x\"\n") == [["5'11\"", "ab\"c\"d", " \"x\""]])
    }

    @Test func textAfterClosingQuoteIsAppended() throws {
        #expect(try readAll("\"abc\"x,\"a\"\"b\" c\"d,\"\"\n") == [["abcx", "a\"b c\"d", ""]])
    }

    @Test func wasQuotedDistinguishesEmptyQuotedFromEmpty() throws {
        let infos = try recordInfos(bytes("\"\",,\"a\"\n"))
        #expect(infos[0].quoted == [true, false, true])
        #expect(infos[0].fields == ["", "", "a"])
    }

    @Test func unterminatedQuoteIsAnErrorWithLocation() throws {
        let input = bytes("id,comment\n1,ok\n2,\"SECRET never\nclosed\n")
        let error = try #require(readerError(input, name: "survey.csv"))
        #expect(error.kind == .unterminatedQuote)
        #expect(error.file == "survey.csv")
        #expect(error.line == 3)
        #expect(error.column == 2)
        #expect(error.byteOffset == 18)
        #expect(error.description.contains("survey.csv, line 3, column 2"))
        #expect(error.description.contains("expected a closing double quote"))
        #expect(!error.description.contains("SECRET"))
    }

    @Test func unterminatedQuoteAcrossTinyChunks() throws {
        let input = bytes("a,b\r\nc,\"d\"\"\r\ne\n")
        for chunk in [1, 2, 3, 7, 1 << 20] {
            let error = try #require(readerError(input, tiny(chunk)))
            #expect(error.kind == .unterminatedQuote)
            #expect(error.line == 2 && error.column == 2)
        }
    }

    @Test func recordTooLongPointsAtOpenQuote() throws {
        var input = bytes("h1,h2\nx,\"never closed ")
        input += [UInt8](repeating: UInt8(ascii: "z"), count: 5000)
        var options = tiny(64)
        options.maxRecordLength = 1000
        let error = try #require(readerError(input, options))
        #expect(error.kind == .recordTooLong(limit: 1000))
        #expect(error.line == 2 && error.column == 2)
        #expect(error.byteOffset == 8)
    }
}

// MARK: - Line endings, blank rows, ragged rows

@Suite("Reader: records and lines")
struct ReaderRecordTests {
    @Test func lineEndingsLFCRLFCRandMixed() throws {
        let expected = [["a", "b"], ["c", "d"], ["e", "f"]]
        #expect(try readAll("a,b\nc,d\ne,f\n") == expected)
        #expect(try readAll("a,b\r\nc,d\r\ne,f\r\n") == expected)
        #expect(try readAll("a,b\rc,d\re,f\r") == expected)
        #expect(try readAll("a,b\r\nc,d\re,f\n") == expected)
        let infos = try recordInfos(bytes("a,b\r\nc,d\re,f\n"))
        #expect(infos.map(\.line) == [1, 2, 3])
    }

    @Test func noFinalNewline() throws {
        #expect(try readAll("a,b\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(try readAll("a,b\n1,") == [["a", "b"], ["1", ""]])
        #expect(try readAll("a,\"b\"") == [["a", "b"]])
        #expect(try readAll("x") == [["x"]])
    }

    @Test func emptyInput() throws {
        #expect(try readAll("") == [])
        #expect(try readAll(bytes(""), tiny(1)) == [])
    }

    @Test func raggedRowsAreReportedAsIs() throws {
        #expect(try readAll("a,b,c\n1,2\n1,2,3,4\n5\n") == [["a", "b", "c"], ["1", "2"], ["1", "2", "3", "4"], ["5"]])
    }

    @Test func paddingAndTrailingBlankRows() throws {
        let infos = try recordInfos(bytes("a,b,c\n1,2,3\n,,\n\n\"\",\"\",\n , ,\n"))
        #expect(infos.map(\.blank) == [false, false, true, true, true, false])
        #expect(infos.map(\.fields.count) == [3, 3, 3, 1, 3, 3])
        #expect(infos.map(\.line) == [1, 2, 3, 4, 5, 6])
    }

    @Test func recordIndexAndLineNumbers() throws {
        let infos = try recordInfos(bytes("h\n\"a\nb\"\r\n\nc\rd"))
        #expect(infos.map(\.index) == [0, 1, 2, 3, 4])
        #expect(infos.map(\.line) == [1, 2, 4, 5, 6])
    }

    @Test func spansAreUTF8Bytes() throws {
        var reader = try CSVReader(bytes: bytes("£5,\"caf\u{E9} \"\"x\"\"\"\n"), displayName: "t")
        var spans: [[UInt8]] = []
        try reader.forEachRecord { r in
            for i in 0..<r.count { spans.append(Array(r[i])) }
        }
        #expect(spans == [[0xC2, 0xA3, 0x35], Array("café \"x\"".utf8)])
    }

    @Test func fieldSplitAcrossChunks() throws {
        let text = "first,\"a long, quoted\r\nfield with \"\"escapes\"\"\",plain tail\r\nsecond,x,y"
        let expected = try readAll(text)
        #expect(expected == [["first", "a long, quoted\r\nfield with \"escapes\"", "plain tail"], ["second", "x", "y"]])
        for chunk in 1...12 {
            #expect(try readAll(bytes(text), tiny(chunk)) == expected, "chunk size \(chunk)")
        }
    }

    @Test func longRecordLargerThanChunk() throws {
        let cell = String(repeating: "abcdefghij", count: 1000)
        let text = "h1,h2\n\(cell),\"\(cell)\"\"\"\n"
        let rows = try readAll(bytes(text), tiny(7))
        #expect(rows == [["h1", "h2"], [cell, cell + "\""]])
    }
}

// MARK: - Peek, limits, continuation

@Suite("Reader: peek and continuation")
struct ReaderContinuationTests {
    let text = "h1,h2\nsub1,sub2\n1,a\n2,b\n3,c\n"

    @Test func peekDoesNotConsume() throws {
        for options in [CSVReader.Options(), tiny(3)] {
            var reader = try CSVReader(bytes: bytes(text), displayName: "t", options: options)
            #expect(try reader.peekRows(2) == [["h1", "h2"], ["sub1", "sub2"]])
            #expect(try reader.peekRows(10).count == 5)
            #expect(try reader.readRows() == [["h1", "h2"], ["sub1", "sub2"], ["1", "a"], ["2", "b"], ["3", "c"]])
            #expect(try reader.peekRows(1) == [])
        }
    }

    @Test func limitThenContinue() throws {
        for options in [CSVReader.Options(), tiny(2)] {
            var reader = try CSVReader(bytes: bytes(text), displayName: "t", options: options)
            var headers: [[String]] = []
            let n = try reader.forEachRecord(limit: 2) { headers.append($0.strings) }
            #expect(n == 2)
            #expect(headers == [["h1", "h2"], ["sub1", "sub2"]])
            #expect(try reader.peekRows(1) == [["1", "a"]])
            var lines: [Int] = []
            var indexes: [Int] = []
            var ids: [String] = []
            try reader.forEachRecord { r in
                lines.append(r.line)
                indexes.append(r.index)
                ids.append(r.string(0))
            }
            #expect(ids == ["1", "2", "3"])
            #expect(lines == [3, 4, 5])
            #expect(indexes == [2, 3, 4])
            #expect(try reader.forEachRecord(limit: 5) { _ in } == 0)
        }
    }

    @Test func detectionDoesNotConsumeRecords() throws {
        var reader = try CSVReader(bytes: bytes("a;b\n1;2\n"), displayName: "t")
        #expect(reader.detectedDelimiter.delimiter == .semicolon)
        #expect(try reader.readRows() == [["a", "b"], ["1", "2"]])
    }

    @Test func errorThrownByBodyPropagates() throws {
        struct Stop: Error {}
        var reader = try CSVReader(bytes: bytes(text), displayName: "t")
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachRecord { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(try reader.readRows().first == ["1", "a"])
    }
}
