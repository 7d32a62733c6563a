import Foundation
import KithCLI
import KithTestSupport
import Testing

/// Excel workbooks on the command line: scored and summarised exactly as the tool's CSV, the
/// sheet chosen or named, and files that are not workbooks refused saying what they are.
@Suite("Workbooks")
struct WorkbookCommandTests {
    static let workbook = "Samples/kent-esurvey.xlsx"

    @Test("the sample workbook scores and summarises exactly as the CSV it was written from")
    func sameAsCSV() throws {
        let fromWorkbook = kith("score", Self.workbook, "--format", "csv")
        let fromCSV = kith("score", "Samples/kent-esurvey.csv", "--format", "csv")
        #expect(fromWorkbook.status == .ok, "\(fromWorkbook.err)")
        #expect(fromWorkbook.out == fromCSV.out)
        #expect(fromWorkbook.out.split(separator: "\n").count == 262)
        let summary = kith("summary", Self.workbook)
        #expect(summary.out.contains("97 people (37%, 95% CI 32% to 43%) said they felt lonely often or always"))
    }

    @Test("inspect says which sheet and header row it read")
    func inspect() {
        let run = kith("inspect", Self.workbook)
        #expect(run.status == .ok)
        #expect(run.out.contains("File:        Samples/kent-esurvey.xlsx, sheet 'Responses'"))
        #expect(run.out.contains("read sheet 'Responses' (2 of 2), its header in row 3"))
        #expect(run.out.contains("Encoding:    UTF-8 (the workbook's cells, as Kith joins them)"))
    }

    @Test("--sheet by name or number; an unknown sheet is a usage error listing the sheets")
    func sheetOption() {
        #expect(kith("score", Self.workbook, "--sheet", "Responses", "--format", "csv").status == .ok)
        #expect(kith("score", Self.workbook, "--sheet", "2", "--format", "csv").status == .ok)
        let first = kith("score", Self.workbook, "--sheet", "1")
        #expect(first.status == .data, "the instructions sheet has no instrument items")
        let unknown = kith("score", Self.workbook, "--sheet", "Answers")
        #expect(unknown.status == .usage)
        #expect(unknown.err.contains("the workbook has no sheet 'Answers'; its sheets: 1 'Read me', 2 'Responses'"))
    }

    @Test("a legacy .xls or a password-protected workbook is refused, saying what it is")
    func compoundDocument() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.xls").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path))
        let run = kith("score", path)
        #expect(run.status == .data)
        #expect(run.err.contains(".xls"))
        #expect(run.err.contains("save it as .xlsx or .csv"))
    }

    @Test("a damaged workbook is an error naming the sheet and cell, with nothing scored")
    func damaged() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.xlsx").path
        let script = """
            import shutil, sys, zipfile
            source, target = sys.argv[1], sys.argv[2]
            with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
                for item in z.infolist():
                    data = z.read(item.filename)
                    if item.filename == "xl/worksheets/sheet2.xml":
                        data = data.replace(b'<c r="D5" t="s">', b'<c r="D5" t="s" x="1"><v>99999</v></c><c r="Q5" t="s">', 1)
                    out.writestr(item, data)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, packageRoot.appendingPathComponent(Self.workbook).path, path]
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let run = kith("score", path)
        #expect(run.status == .data)
        #expect(run.err.contains("sheet 'Responses', cell D5"), "\(run.err)")
        #expect(run.out.isEmpty)
    }
}
