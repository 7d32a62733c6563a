import KithImport
import KithTestSupport
import Testing

@Suite("Timestamps: the forms survey tools write, read byte by byte")
struct TimestampTests {
    @Test(
        "each form becomes the same ISO 8601 text, whichever entry point reads it",
        arguments: [
            ("2026-03-15 09:16:33", "2026-03-15T09:16:33"),
            ("  2026-03-16T16:26:48.511+00:00 ", "2026-03-16T16:26:48.511+00:00"),
            ("2026-03-16T16:26:48Z", "2026-03-16T16:26:48Z"),
            ("2026-01-02T03:04:05.007Z", "2026-01-02T03:04:05.007Z"), // zeros kept inside every field
            ("15/03/2026 09:16", "2026-03-15T09:16:00"),
            ("03/15/2026 09:16:33 PM", nil), // day 15 of month 3 read day-first: month 15 is not a date
            ("2026/03/17 8:29:43 PM GMT", "2026-03-17T20:29:43+00:00"),
            ("2026/03/30 12:05:00 AM GMT+1", "2026-03-30T00:05:00+01:00"),
            ("2026-06-01 10:00 BST", "2026-06-01T10:00:00+01:00"),
            ("2026-06-01 10:00 UTC", "2026-06-01T10:00:00Z"),
            ("2026-06-01 10:00 -0530", "2026-06-01T10:00:00-05:30"),
            ("11/03/26 10:00:00", "2026-03-11T10:00:00"),
            ("2026-02-30 10:00", "2026-02-30T10:00:00"), // the day is not checked against the month: kept as written
            ("not a date", nil),
            ("2026-06-01 10:00 +99", nil)
        ] as [(String, String?)])
    func forms(text: String, expected: String?) {
        let parser = TimestampParser(order: .dayFirst)
        let parsed = parser.parse(text)
        #expect(parsed.iso8601 == expected)
        var bytes: [UInt8] = []
        var cell = text
        cell.withUTF8 { parser.appendStoredText(bytes: $0, to: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == (expected ?? parsed.original))
        #expect(cell.withUTF8 { parser.storedText(bytes: $0) } == (expected ?? parsed.original))
    }

    /// The fixed-width shapes (`DD/MM/YYYY HH:MM:SS`, `YYYY-MM-DD HH:MM:SS`) are rewritten without
    /// parsing; whatever the bytes, the stored text must equal the general parser's.
    @Test("fixed-width timestamps are stored as the general parser reads them", arguments: [DateOrder.dayFirst, .monthFirst])
    func fixedWidthAgreesWithTheParser(order: DateOrder) {
        var random = SplitMix(seed: 0x7153_0A11)
        let separators: [UInt8] = Array("/-.: T,x".utf8)
        let digits = Array("0123456789".utf8)
        let parser = TimestampParser(order: order)
        var dates = 0
        for _ in 0..<20_000 {
            let yearFirst = Bool.random(using: &random)
            var text = Array((yearFirst ? "2026-03-11 09:07:05" : "11/03/2026 09:07:05").utf8)
            // Change one to four bytes: mostly digits (some days, months, hours out of range), some separators.
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<19, using: &random)
                text[at] =
                    Int.random(in: 0..<5, using: &random) == 0 ? separators.randomElement(using: &random)! : digits.randomElement(using: &random)!
            }
            let cell = String(decoding: text, as: UTF8.self)
            let parsed = parser.parse(cell)
            if parsed.iso8601 != nil { dates += 1 }
            var stored: [UInt8] = []
            text.withUnsafeBufferPointer { parser.appendStoredText(bytes: $0, to: &stored) }
            #expect(String(decoding: stored, as: UTF8.self) == parsed.iso8601 ?? parsed.original, "\(cell)")
        }
        #expect(dates > 3_000) // about a fifth of the changed texts are still dates: the rewriting is exercised
    }

    @Test("month-first files read the US order")
    func monthFirst() {
        #expect(TimestampParser(order: .monthFirst).parse("03/15/2026 09:16:33 PM").iso8601 == "2026-03-15T21:16:33")
    }
}
