import Testing

@testable import KithImport

@Suite("Reader: delimiter detection")
struct ReaderDelimiterTests {
    func detected(_ text: String, _ options: CSVReader.Options = .init()) throws -> DetectedDelimiter {
        try CSVReader(bytes: bytes(text), displayName: "t", options: options).detectedDelimiter
    }

    @Test func comma() throws {
        let d = try detected("a,b,c\n1,2,3\n4,5,6\n")
        #expect(d.delimiter == .comma)
        #expect(d.method == .consistentFieldCount(fields: 3, records: 3))
        #expect(d.description == "comma (3 fields in each of the first 3 records)")
    }

    @Test func semicolonWithDecimalCommas() throws {
        // European Excel: semicolons between fields, commas inside numbers.
        let text = "Name;Score;Weight\nAnn;1,5;62,5\nBob;2,25;80\n"
        let d = try detected(text)
        #expect(d.delimiter == .semicolon)
        var reader = try CSVReader(bytes: bytes(text), displayName: "t")
        #expect(try reader.readRows() == [["Name", "Score", "Weight"], ["Ann", "1,5", "62,5"], ["Bob", "2,25", "80"]])
    }

    @Test func tab() throws {
        let d = try detected("Name\tComment\nAnn\tSmith, J said \"hi\"; ok\nBob\t\n")
        #expect(d.delimiter == .tab)
    }

    @Test func pipe() throws {
        #expect(try detected("a|b|c\n1|2|3\n").delimiter == .pipe)
    }

    @Test func delimitersInsideQuotesAreIgnored() throws {
        #expect(try detected("\"a;b;c\",d\n\"1;2;3\",4\n").delimiter == .comma)
    }

    @Test func mostCommonFieldCountWhenRagged() throws {
        let d = try detected("a;b;c\n1;2;3\n4;5\n6;7;8\n")
        #expect(d.delimiter == .semicolon)
        #expect(d.method == .mostCommonFieldCount(fields: 3, records: 3, sampled: 4))
    }

    @Test func blankLinesAreIgnoredBySampling() throws {
        #expect(try detected("\n\na;b\n\n1;2\n").method == .consistentFieldCount(fields: 2, records: 2))
    }

    @Test func singleColumn() throws {
        let d = try detected("Comment\nhello there\nfine\n")
        #expect(d.delimiter == .comma)
        #expect(d.method == .singleColumn(sampled: 3))
    }

    @Test func utf16DefaultsToTab() throws {
        let reader = try CSVReader(bytes: utf16("Comment\r\nhello\r\n", bigEndian: false), displayName: "t")
        #expect(reader.detectedDelimiter.delimiter == .tab)
        #expect(reader.detectedDelimiter.method == .singleColumn(sampled: 2))
    }

    @Test func override() throws {
        var options = CSVReader.Options()
        options.delimiter = .semicolon
        let text = "a,b;c\n1,2;3\n"
        #expect(try detected(text, options) == DetectedDelimiter(delimiter: .semicolon, method: .override))
        #expect(try readAll(text, options) == [["a,b", "c"], ["1,2", "3"]])
    }

    @Test func incompleteLastSampleRecordIsIgnored() throws {
        // The sniff window ends in the middle of the third record.
        let options = CSVReader.Options(chunkSize: 8, sniffLength: 14)
        let d = try detected("a;b\n1;2\n3;4;5;6;7\n", options)
        #expect(d.method == .consistentFieldCount(fields: 2, records: 2))
    }
}
