import Foundation
import KithTestSupport
import Testing

@testable import KithImport

// MARK: - A deliberately simple reference parser (same grammar, whole input at once)

enum ReferenceResult: Equatable {
    case records([[[UInt8]]], lines: [Int])
    case unterminatedQuote(line: Int, column: Int)
}

func referenceParse(_ b: [UInt8], delimiter: UInt8) -> ReferenceResult {
    let quote = UInt8(ascii: "\"")
    let lf = UInt8(ascii: "\n")
    let cr = UInt8(ascii: "\r")
    func isStop(_ c: UInt8) -> Bool { c == delimiter || c == lf || c == cr }
    /// Physical line of offset `k`: 1 + line breaks before it (CRLF counts once). Offsets asked
    /// for never decrease, so count on from the previous answer.
    var counted = (offset: 0, line: 1)
    func lineOf(_ k: Int) -> Int {
        var (j, line) = counted
        while j < k {
            if b[j] == lf || (b[j] == cr && !(j + 1 < b.count && b[j + 1] == lf)) { line += 1 }
            j += 1
        }
        counted = (j, line)
        return line
    }
    var records: [[[UInt8]]] = []
    var lines: [Int] = []
    var i = 0
    while i < b.count {
        lines.append(lineOf(i))
        var record: [[UInt8]] = []
        while true {
            var field: [UInt8] = []
            if i < b.count && b[i] == quote {
                let open = i
                i += 1
                while true {
                    if i >= b.count { return .unterminatedQuote(line: lineOf(open), column: record.count + 1) }
                    if b[i] == quote {
                        if i + 1 < b.count && b[i + 1] == quote {
                            field.append(quote)
                            i += 2
                        } else {
                            i += 1
                            break
                        }
                    } else {
                        field.append(b[i])
                        i += 1
                    }
                }
            }
            while i < b.count && !isStop(b[i]) {
                field.append(b[i])
                i += 1
            }
            record.append(field)
            if i >= b.count { break }
            if b[i] == delimiter {
                i += 1
                continue
            }
            i += (b[i] == cr && i + 1 < b.count && b[i + 1] == lf) ? 2 : 1
            break
        }
        records.append(record)
    }
    return .records(records, lines: lines)
}

/// The reader's output in the reference's shape.
func readerParse(_ input: [UInt8], _ options: CSVReader.Options) throws -> ReferenceResult {
    var reader = try CSVReader(bytes: input, displayName: "random.csv", options: options)
    var records: [[[UInt8]]] = []
    var lines: [Int] = []
    do {
        try reader.forEachRecord { r in
            records.append((0..<r.count).map { Array(r[$0]) })
            lines.append(r.line)
        }
    } catch let error as ReaderError where error.kind == .unterminatedQuote {
        return .unterminatedQuote(line: error.line ?? -1, column: error.column ?? -1)
    }
    return .records(records, lines: lines)
}

/// A well-formed CSV: random cells (with delimiters, quotes, CR/LF and non-ASCII in them),
/// quoted when needed or at random, random line endings, ragged rows, optional final newline.
func wellFormedCSV(_ rng: inout SplitMix, delimiter: Character) -> String {
    let pieces = ["a", "b", "xyz", " ", "\(delimiter)", "\"", "\n", "\r\n", "\r", "é", "£", "\u{1F642}", "’", "0", "Often"]
    var text = ""
    let rows = Int.random(in: 0...8, using: &rng)
    for r in 0..<rows {
        let fields = Int.random(in: 1...6, using: &rng)
        for f in 0..<fields {
            var cell = ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) { cell += pieces.randomElement(using: &rng)! }
            let special = cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
            if special || Bool.random(using: &rng) && Int.random(in: 0..<3, using: &rng) == 0 {
                cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            text += cell
            if f < fields - 1 { text.append(delimiter) }
        }
        if r < rows - 1 || Bool.random(using: &rng) {
            text += ["\n", "\r\n", "\r"].randomElement(using: &rng)!
        }
    }
    return text
}

/// Arbitrary bytes from an alphabet dense in syntax (and a UTF-8 two-byte sequence), which
/// exercises the lenient paths: stray quotes, text after closing quotes, unterminated quotes.
func messyCSV(_ rng: inout SplitMix, pieces: ClosedRange<Int> = 0...60) -> [UInt8] {
    // Also tabs, semicolons and other control bytes, which the word-at-a-time scan must look at and skip.
    let alphabet: [[UInt8]] = [
        [0x61], [0x62], [0x2C], [0x2C], [0x22], [0x22], [0x22], [0x0A], [0x0D], [0x0D, 0x0A],
        [0x20], [0xC3, 0xA9], [0x09], [0x3B], [0x01], [0x0B], [0x0C], [0xE2, 0x80, 0x99],
        Array("abcdefghijklmnop".utf8)
    ]
    var out: [UInt8] = []
    for _ in 0..<Int.random(in: pieces, using: &rng) { out += alphabet.randomElement(using: &rng)! }
    return out
}

@Suite("Reader: property tests against a reference parser")
struct ReaderPropertyTests {
    static let chunkSizes = [1, 2, 3, 5, 7, 13, 1 << 20]

    @Test func wellFormedCSVsAllChunkSizes() throws {
        var rng = SplitMix(seed: 20_261_123)
        for round in 0..<400 {
            let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
            let input = Array(wellFormedCSV(&rng, delimiter: delimiter).utf8)
            let expected = referenceParse(input, delimiter: delimiter.asciiValue!)
            let d = Delimiter(rawValue: delimiter.asciiValue!)!
            for chunk in Self.chunkSizes {
                let got = try readerParse(input, tiny(chunk, delimiter: d))
                #expect(got == expected, "round \(round), chunk \(chunk)")
                if got != expected { return }
            }
        }
    }

    @Test func messyBytesAllChunkSizes() throws {
        var rng = SplitMix(seed: 7)
        for round in 0..<3000 {
            let input = messyCSV(&rng)
            let delimiter: Delimiter = [.comma, .comma, .tab, .semicolon].randomElement(using: &rng)!
            let expected = referenceParse(input, delimiter: delimiter.rawValue)
            for chunk in Self.chunkSizes {
                let got = try readerParse(input, tiny(chunk, delimiter: delimiter))
                #expect(got == expected, "round \(round), chunk \(chunk): \(input)")
                if got != expected { return }
            }
        }
    }

    /// Inputs of hundreds of bytes, so fields and quoted runs start and end anywhere in the
    /// scanner's 64-byte vector windows and cross them, and the last partial window is read byte-wise.
    @Test func longMessyBytesAcrossVectorWindows() throws {
        var rng = SplitMix(seed: 64)
        for round in 0..<600 {
            let input = messyCSV(&rng, pieces: 40...400)
            let delimiter: Delimiter = [.comma, .comma, .tab, .semicolon].randomElement(using: &rng)!
            let expected = referenceParse(input, delimiter: delimiter.rawValue)
            for chunk in [97, 1 << 20] {
                let got = try readerParse(input, tiny(chunk, delimiter: delimiter))
                #expect(got == expected, "round \(round), chunk \(chunk): \(input)")
                if got != expected { return }
            }
        }
    }

    @Test func utf16RoundTripsMatchUTF8() throws {
        var rng = SplitMix(seed: 99)
        for round in 0..<150 {
            let text = wellFormedCSV(&rng, delimiter: "\t")
            let expected = referenceParse(Array(text.utf8), delimiter: 0x09)
            let bigEndian = Bool.random(using: &rng)
            let input = utf16(text, bigEndian: bigEndian)
            for chunk in [1, 2, 3, 7, 1 << 20] {
                let got = try readerParse(input, CSVReader.Options(delimiter: .tab, chunkSize: chunk, sniffLength: 4))
                #expect(got == expected, "round \(round), chunk \(chunk), big-endian \(bigEndian)")
                if got != expected { return }
            }
        }
    }

    @Test func manyRecordsAcrossRealChunks() throws {
        // Many 1 KiB-ish chunks with the default sniff window, checked against the reference.
        var rng = SplitMix(seed: 5)
        var text = ""
        while text.utf8.count < 300_000 { text += wellFormedCSV(&rng, delimiter: ",") + "\n" }
        let input = Array(text.utf8)
        let expected = referenceParse(input, delimiter: 0x2C)
        #expect(try readerParse(input, CSVReader.Options(delimiter: .comma, chunkSize: 1021)) == expected)
    }
}

// MARK: - Files and file descriptors

@Suite("Reader: files and pipes")
struct ReaderFileTests {
    @Test func readsFromAPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let payload = bytes("a\tb\n1\t\"x\ny\"\n")
        let written = payload.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(written == payload.count)
        close(fds[1])
        defer { close(fds[0]) }
        var reader = try CSVReader(fileDescriptor: fds[0], displayName: "standard input", options: .init(chunkSize: 3))
        #expect(reader.detectedDelimiter.delimiter == .tab)
        #expect(try reader.readRows() == [["a", "b"], ["1", "x\ny"]])
    }

    @Test func readsAFileByPath() throws {
        let path = NSTemporaryDirectory() + "kith-reader-\(UInt64.random(in: 0..<UInt64.max)).csv"
        let payload: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("a;b\r\n1;2\r\n")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(payload)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var reader = try CSVReader(path: path, options: .init(chunkSize: 4))
        #expect(reader.displayName == path)
        #expect(reader.detectedEncoding.method == .byteOrderMark)
        #expect(try reader.readRows() == [["a", "b"], ["1", "2"]])
    }

    @Test func missingFileIsCannotOpen() {
        do {
            _ = try CSVReader(path: "/nonexistent/kith/export.csv", displayName: "export.csv")
            Issue.record("expected an error")
        } catch let error as ReaderError {
            #expect(error.kind == .cannotOpen(errno: ENOENT))
            #expect(error.description == "export.csv: cannot open: No such file or directory")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
