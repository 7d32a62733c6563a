import Foundation
import Testing

@testable import KithImport

/// The workbook reader's XML layer, on parts written by XlsxWriter
/// (`Fixtures/workbook/make_workbook_parts.py`) and on hand-written XML for what it does not write.
@Suite("Workbook XML")
struct WorkbookXMLTests {
    static func part(_ system: String, _ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/workbook/\(system)/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func rows(_ system: String, chunk: Int) throws -> [SheetRow] {
        let (_, date1904) = try WorkbookParts.sheets(workbook: part(system, "workbook.xml"), relationships: part(system, "workbook.xml.rels"))
        var reader = SheetReader(
            sharedStrings: try WorkbookParts.sharedStrings(part(system, "sharedStrings.xml")),
            dateStyles: try WorkbookParts.dateStyles(part(system, "styles.xml")), date1904: date1904)
        let sheet = try part(system, "sheet2.xml")
        var rows: [SheetRow] = []
        var offset = 0
        while offset < sheet.count {
            rows += try reader.feed(sheet[offset..<min(offset + chunk, sheet.count)])
            offset += chunk
        }
        return rows + (try reader.finish())
    }

    @Test("the workbook's sheets in order, their parts, and the date system")
    func sheets() throws {
        let (sheets, date1904) = try WorkbookParts.sheets(
            workbook: Self.part("parts-1900", "workbook.xml"), relationships: Self.part("parts-1900", "workbook.xml.rels"))
        #expect(
            sheets == [.init(name: "Read me", path: "xl/worksheets/sheet1.xml"), .init(name: "Responses & more", path: "xl/worksheets/sheet2.xml")])
        #expect(!date1904)
        #expect(
            try WorkbookParts.sheets(workbook: Self.part("parts-1904", "workbook.xml"), relationships: Self.part("parts-1904", "workbook.xml.rels"))
                .date1904)
        #expect(WorkbookParts.resolve("/xl/worksheets/sheet3.xml") == "xl/worksheets/sheet3.xml")
        #expect(WorkbookParts.resolve("../xl/worksheets/sheet3.xml") == "xl/worksheets/sheet3.xml")
    }

    @Test("shared strings: entities resolved, rich-text runs joined")
    func sharedStrings() throws {
        let strings = try WorkbookParts.sharedStrings(Self.part("parts-1900", "sharedStrings.xml"))
        #expect(strings.count == 11)
        #expect(strings[8] == "Some of the time")
        #expect(strings[9] == "Tom & Jerry <ok> \"quoted\" ’curly’")
        let phonetic = Array("<sst><si><r><t>漢字</t></r><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si><si/></sst>".utf8)
        #expect(try WorkbookParts.sharedStrings(phonetic) == ["漢字", ""])
    }

    @Test("cell styles that show dates: built-in ids and custom codes, quoted text and colours aside")
    func dateStyles() throws {
        #expect(try WorkbookParts.dateStyles(Self.part("parts-1900", "styles.xml")) == [false, true, true, false])
        #expect(NumberFormat.isDate("[$-809]dd mmmm yyyy"))
        #expect(NumberFormat.isDate("h:mm AM/PM"))
        #expect(!NumberFormat.isDate("[Red]0.00"))
        #expect(!NumberFormat.isDate("0.0 \"days\""))
        #expect(!NumberFormat.isDate("General"))
        #expect(!NumberFormat.isDate("0;[Red]-0;\"dd\""))
        #expect(NumberFormat.isBuiltInDate(14) && NumberFormat.isBuiltInDate(22) && !NumberFormat.isBuiltInDate(9))
    }

    @Test("every cell type, placed by its reference, whatever the chunk size", arguments: [1, 7, 64, 1 << 20])
    func cells(chunk: Int) throws {
        let rows = try Self.rows("parts-1900", chunk: chunk)
        #expect(rows.map(\.number) == [1, 3, 4, 5, 6])
        let values = rows.map { $0.cells.map { "\(CellReference.name(column: $0.column, row: 0).dropLast())=\($0.value)" } }
        #expect(
            values[1] == [
                "A=text(\"Respondent ID\")", "B=text(\"Submitted\")", "C=text(\"How often do you feel lonely?\")", "D=text(\"Score\")",
                "E=text(\"Consent\")"
            ])
        #expect(values[2] == ["A=number(101.0)", "B=date(\"2024-03-04 14:30:00\")", "C=text(\"Often/always\")", "D=number(3.0)", "E=boolean(true)"])
        #expect(values[3] == ["A=number(102.0)", "B=date(\"2024-02-29\")", "C=text(\"Some of the time\")", "D=error(\"#N/A\")"])
        #expect(
            values[4] == [
                "A=number(103.0)", "C=text(\"Tom & Jerry <ok> \\\"quoted\\\" ’curly’\")", "D=number(2.5)",
                "E=text(\"yes\")", "AB=text(\"far right\")"
            ])
    }

    @Test("dates in the 1904 system are the same dates")
    func dates1904() throws {
        let rows = try Self.rows("parts-1904", chunk: 100)
        #expect(rows[2].cells[1].value == .date("2024-03-04 14:30:00"))
        #expect(rows[3].cells[1].value == .date("2024-02-29"))
    }

    @Test("Excel serials: the 1900 leap-year bug, times alone, the 1904 epoch")
    func serials() {
        #expect(ExcelDate.text(1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.text(59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.text(60, date1904: false) == nil)
        #expect(ExcelDate.text(61, date1904: false) == "1900-03-01")
        #expect(ExcelDate.text(25_569, date1904: false) == "1970-01-01")
        #expect(ExcelDate.text(0.5, date1904: false) == "12:00:00")
        #expect(ExcelDate.text(0, date1904: true) == "1904-01-01")
        #expect(ExcelDate.text(45_351.999_999_9, date1904: false) == "2024-03-01")
        #expect(ExcelDate.text(-1, date1904: false) == nil)
    }

    @Test("rows and cells without references follow the one before; inline strings; empty cells are no answer")
    func unreferenced() throws {
        let xml = """
            <worksheet><sheetData><row><c t="inlineStr"><is><t>a &amp; b</t></is></c><c/><c><v>2</v></c></row>\
            <row r="5"><c r="C5" t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c></row><row/></sheetData></worksheet>
            """
        var reader = SheetReader(sharedStrings: [], dateStyles: [], date1904: false)
        let rows = try reader.feed(Array(xml.utf8)) + (try reader.finish())
        #expect(rows.map(\.number) == [1, 5, 6])
        #expect(rows[0].cells.map(\.column) == [0, 2])
        #expect(rows[0].cells.map(\.value) == [.text("a & b"), .number(2)])
        #expect(rows[1].cells.map(\.column) == [2] && rows[1].cells[0].value == .text("xy"))
    }

    @Test(
        "bad parts are errors that say where, never a crash",
        arguments: [
            (
                "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData>",
                SheetReader.Problem.cell("A1", "it refers to shared string 7, and the workbook has 0")
            ),
            ("<sheetData><row r=\"1\"><c r=\"A1\"><v>seven</v></c></row></sheetData>", .cell("A1", "'seven' is not a number")),
            ("<sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData>", .cell("1A", "not a cell reference")),
            ("<sheetData><row r=\"2000000\"></row></sheetData>", .outOfRange("row 2000000")),
            ("<sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData>", .outOfRange("column of cell XFE1")),
            ("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>", .xml(.malformed("the part ends inside a row", at: 11))),
            (
                "<sheetData><row r=\"1\"><c r=\"A1\"><v>&bogus;</v></c></row></sheetData>",
                .cell("A1", "its value is not readable text (an unknown entity, or not UTF-8)")
            ),
            ("<sheetData><row r=\"1\"", .xml(.malformed("the part ends inside a tag", at: 11)))
        ])
    func badParts(xml: String, problem: SheetReader.Problem) {
        var reader = SheetReader(sharedStrings: [], dateStyles: [], date1904: false)
        #expect(throws: problem) { _ = try reader.feed(Array(xml.utf8)) + (try reader.finish()) }
    }

    @Test("nesting deeper than the limit is refused before it costs anything")
    func deepNesting() {
        let xml = String(repeating: "<a>", count: XMLScanner.maximumDepth + 1)
        var reader = SheetReader(sharedStrings: [], dateStyles: [], date1904: false)
        #expect(throws: SheetReader.Problem.xml(.tooDeep(at: 3 * XMLScanner.maximumDepth))) { _ = try reader.feed(Array(xml.utf8)) }
    }

    @Test("A1 references both ways, past Z")
    func references() {
        #expect(CellReference.column(of: "A1") == 0)
        #expect(CellReference.column(of: "Z9") == 25)
        #expect(CellReference.column(of: "AA10") == 26)
        #expect(CellReference.column(of: "xfd1") == 16_383)
        #expect(CellReference.column(of: "ABCD1") == nil)
        #expect(CellReference.name(column: 27, row: 6) == "AB6")
        #expect(CellReference.name(column: 16_383, row: 1) == "XFD1")
    }
}
