import Testing

@testable import KithImport

/// `text` as UTF-16 with a byte order mark.
func utf16(_ text: String, bigEndian: Bool, bom: Bool = true) -> [UInt8] {
    var out: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for unit in text.utf16 {
        let hi = UInt8(unit >> 8)
        let lo = UInt8(unit & 0xFF)
        out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
}

@Suite("Reader: encodings")
struct ReaderEncodingTests {
    @Test func utf8WithBOMIsStripped() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("Name,Ward\nAnn,Hoo\n")
        var reader = try CSVReader(bytes: input, displayName: "t")
        #expect(reader.detectedEncoding.encoding == .utf8)
        #expect(reader.detectedEncoding.method == .byteOrderMark)
        #expect(reader.detectedEncoding.hadByteOrderMark)
        #expect(try reader.readRows() == [["Name", "Ward"], ["Ann", "Hoo"]])
    }

    @Test func utf8WithoutBOM() throws {
        var reader = try CSVReader(bytes: bytes("Name,Note\nZo\u{EB},caf\u{E9} \u{2019}\n"), displayName: "t")
        #expect(reader.detectedEncoding.encoding == .utf8)
        #expect(reader.detectedEncoding.method == .validUTF8)
        #expect(!reader.detectedEncoding.hadByteOrderMark)
        #expect(try reader.readRows() == [["Name", "Note"], ["Zo\u{EB}", "caf\u{E9} \u{2019}"]])
        let ascii = try CSVReader(bytes: bytes("a,b\n"), displayName: "t")
        #expect(ascii.detectedEncoding.method == .asciiOnly)
    }

    static let excelText =
        "Respondent\tComment\tWard\r\n1\t\"Tab\there, \"\"quoted\"\"\"\tStrood\r\n2\tFeeling \u{1F642} \u{00A3}5 \u{2013} ok\tHoo\r\n"
    static let excelRows = [
        ["Respondent", "Comment", "Ward"], ["1", "Tab\there, \"quoted\"", "Strood"],
        ["2", "Feeling \u{1F642} \u{00A3}5 \u{2013} ok", "Hoo"]
    ]

    @Test(arguments: [false, true])
    func utf16WithBOMIsTabSeparated(bigEndian: Bool) throws {
        var reader = try CSVReader(bytes: utf16(Self.excelText, bigEndian: bigEndian), displayName: "t")
        #expect(reader.detectedEncoding.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(reader.detectedEncoding.method == .byteOrderMark)
        #expect(reader.detectedDelimiter.delimiter == .tab)
        #expect(try reader.readRows() == Self.excelRows)
    }

    @Test(arguments: [false, true])
    func utf16ChunkBoundariesSplitCodeUnitsAndSurrogatePairs(bigEndian: Bool) throws {
        let input = utf16(Self.excelText, bigEndian: bigEndian)
        // Odd chunk sizes split code units; every size up to 9 splits the emoji's surrogate pair somewhere.
        for chunk in 1...9 {
            let options = CSVReader.Options(delimiter: .tab, chunkSize: chunk, sniffLength: 4)
            var reader = try CSVReader(bytes: input, displayName: "t", options: options)
            #expect(reader.detectedEncoding.method == .byteOrderMark)
            #expect(try reader.readRows() == Self.excelRows, "chunk size \(chunk)")
        }
    }

    @Test func utf16WithoutBOMByZeroPattern() throws {
        var reader = try CSVReader(bytes: utf16("a\tb\r\n1\t2\r\n", bigEndian: false, bom: false), displayName: "t")
        #expect(reader.detectedEncoding.encoding == .utf16LittleEndian)
        #expect(reader.detectedEncoding.method == .utf16ZeroBytePattern)
        #expect(try reader.readRows() == [["a", "b"], ["1", "2"]])
    }

    @Test func utf16LoneSurrogatesAndOddByteBecomeReplacementCharacters() throws {
        // "a" <high surrogate> "," <low surrogate> "b" then a stray odd byte.
        let input: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8, 0x2C, 0x00, 0x42, 0xDE, 0x62, 0x00, 0x41]
        #expect(try readAll(input) == [["a\u{FFFD}", "\u{FFFD}b\u{FFFD}"]])
    }

    @Test func windows1252Fallback() throws {
        // ’ “ ” £ – € and é in Windows-1252.
        let input: [UInt8] = bytes("Name,Comment\nJo,") + [0x92, 0x93, 0x94, 0x20, 0xA3, 0x35, 0x20, 0x96, 0x20, 0x80, 0x31, 0x20, 0xE9] + bytes("\n")
        var reader = try CSVReader(bytes: input, displayName: "t")
        #expect(reader.detectedEncoding.encoding == .windows1252)
        #expect(reader.detectedEncoding.method == .invalidUTF8Fallback(byteOffset: 16))
        #expect(try reader.readRows() == [["Name", "Comment"], ["Jo", "\u{2019}\u{201C}\u{201D} \u{00A3}5 \u{2013} \u{20AC}1 \u{E9}"]])
    }

    @Test func windows1252FullTable() throws {
        let high = (0x80...0xFF).map { UInt8($0) }
        var reader = try CSVReader(bytes: high, displayName: "t", options: .init(delimiter: .comma, encoding: .windows1252))
        let text = try reader.readRows()[0][0]
        let scalars = text.unicodeScalars.map(\.value)
        #expect(scalars.count == 128)
        #expect(scalars[0x00] == 0x20AC && scalars[0x11] == 0x2018 && scalars[0x12] == 0x2019)
        #expect(scalars[0x13] == 0x201C && scalars[0x14] == 0x201D && scalars[0x16] == 0x2013 && scalars[0x17] == 0x2014)
        #expect(scalars[0x23] == 0xA3 && scalars[0x7F] == 0xFF && scalars[0x1F] == 0x178)
        // The five undefined bytes.
        for undefined in [0x81, 0x8D, 0x8F, 0x90, 0x9D] { #expect(scalars[undefined - 0x80] == 0xFFFD) }
    }

    @Test func invalidUTF8AfterSniffWindowIsAnErrorWithLocation() throws {
        var input = bytes("id,comment\n")
        for i in 0..<20 { input += bytes("\(i),fine\n") }
        let badLineStart = input.count
        input += bytes("21,SECRET ") + [0x92] + bytes("s\n22,after\n")
        let options = CSVReader.Options(chunkSize: 16, sniffLength: 64)
        var reader = try CSVReader(bytes: input, displayName: "export.csv", options: options)
        #expect(reader.detectedEncoding.method == .asciiOnly)
        var delivered = 0
        do {
            try reader.forEachRecord { _ in delivered += 1 }
            Issue.record("expected an error")
        } catch let error as ReaderError {
            #expect(error.kind == .invalidUTF8)
            #expect(error.line == 22)
            #expect(error.column == 2)
            #expect(error.byteOffset == badLineStart + 10)
            #expect(error.description.contains("export.csv, line 22, column 2"))
            #expect(error.description.contains("Windows-1252"))
            #expect(!error.description.contains("SECRET"))
        }
        #expect(delivered == 21) // every record before the bad one
    }

    @Test func truncatedUTF8AtEndIsAnError() throws {
        let input = bytes("a,b\n\u{E9},") + [0xE2, 0x80]
        let error = try #require(readerError(input, CSVReader.Options(encoding: .utf8)))
        #expect(error.kind == .invalidUTF8)
        #expect(error.line == 2 && error.column == 2)
    }

    @Test func encodingOverride() throws {
        // Valid UTF-8 read as Windows-1252 on request: "é" becomes "Ã©".
        var reader = try CSVReader(bytes: bytes("\u{E9}\n"), displayName: "t", options: .init(encoding: .windows1252))
        #expect(reader.detectedEncoding.method == .override)
        #expect(try reader.readRows() == [["\u{C3}\u{A9}"]])
        // UTF-16 given, BOM present: stripped.
        var utf = try CSVReader(bytes: utf16("x\ty\n", bigEndian: true), displayName: "t", options: .init(encoding: .utf16BigEndian))
        #expect(utf.detectedEncoding.hadByteOrderMark)
        #expect(try utf.readRows() == [["x", "y"]])
    }

    @Test func validUTF8SplitAcrossChunks() throws {
        let text = "\u{E9}\u{2019}\u{1F642},\"\u{20AC}\u{1F642}\"\n\u{1F642}\u{1F642}\u{1F642},x\n"
        for chunk in 1...8 {
            let options = CSVReader.Options(delimiter: .comma, chunkSize: chunk, sniffLength: 4)
            #expect(try readAll(bytes(text), options) == [["\u{E9}\u{2019}\u{1F642}", "\u{20AC}\u{1F642}"], ["\u{1F642}\u{1F642}\u{1F642}", "x"]])
        }
    }

    @Test func encodingNames() {
        #expect(Encoding(name: "cp1252") == .windows1252)
        #expect(Encoding(name: "Windows-1252") == .windows1252)
        #expect(Encoding(name: "UTF8") == .utf8)
        #expect(Encoding(name: "utf-16be") == .utf16BigEndian)
        #expect(Encoding(name: "ebcdic") == nil)
        #expect(Delimiter(name: "tab") == .tab && Delimiter(name: ";") == .semicolon && Delimiter(name: "x") == nil)
    }

    @Test func utf8Validator() {
        func valid(_ b: [UInt8]) -> Bool {
            b.withUnsafeBufferPointer { p in
                let r = validateUTF8(p.baseAddress!, from: 0, to: b.count)
                return !r.invalid && r.end == b.count
            }
        }
        #expect(valid(Array("plain ascii text here and more".utf8)))
        #expect(valid(Array("é’€🙂".utf8)))
        #expect(!valid([0xC0, 0xAF])) // overlong
        #expect(!valid([0xED, 0xA0, 0x80])) // surrogate
        #expect(!valid([0xF4, 0x90, 0x80, 0x80])) // above U+10FFFF
        #expect(!valid([0x80]))
        #expect(!valid([0xE2, 0x28, 0xA1]))
    }
}
