import Foundation
import Kith
import KithTestSupport
import Testing

@testable import KithCLI

@Suite("Import progress line")
struct ProgressTests {
    @Test("a bar with the share of the file read, or a count of rows when the size is unknown")
    func lines() {
        #expect(
            Progress.line(name: "export.csv", rows: 220_000, fraction: 0.234)
                == "Importing export.csv " + String(repeating: "█", count: 7) + String(repeating: "░", count: 23) + "  23%  220,000 rows")
        #expect(
            Progress.line(name: "a.csv", rows: 1_000_000, fraction: 1) == "Importing a.csv " + String(repeating: "█", count: 30)
                + " 100%  1,000,000 rows")
        #expect(Progress.line(name: "a.csv", rows: 40_000, fraction: 0.05).contains("░   5%  40,000 rows"))
        #expect(Progress.line(name: "-", rows: 1, fraction: nil) == "Importing -… 1 row")
        #expect(Progress.grouped(999) == "999" && Progress.grouped(1_000) == "1,000" && Progress.grouped(12_345_678) == "12,345,678")
    }

    @Test("a source reports how much of its file it has read: all of it once the rows are read")
    func readProgress() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("export.csv").path
        var text = "ID,How often do you feel lonely?\n"
        for row in 0..<5_000 { text += "R\(row),Often/always\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let source = try SourceFile(path: path, catalog: try Catalog.builtIn())
        #expect(source.progress.total == text.utf8.count)
        var rows = 0
        try source.forEachRawResponse(plan: try source.plan(missing: .complete)) { _ in rows += 1 }
        #expect(rows == 5_000)
        #expect(source.progress.bytes == text.utf8.count)
        #expect(source.progress.fraction == 1)
    }

    @Test("the line is drawn on a terminal every 20,000 rows and erased at the end; never otherwise")
    func drawing() {
        let terminal = ByteSink.inMemory()
        let pipe = ByteSink.inMemory()
        for (sink, isTerminal) in [(terminal, true), (pipe, false)] {
            let console = Console(out: .inMemory(), err: sink, errIsTerminal: isTerminal, environment: [:], currentDirectory: "/")
            let progress = Progress(console: console, enabled: console.errIsTerminal, name: "a.csv")
            for _ in 0..<45_000 { progress.tick() }
            progress.finish()
        }
        #expect(terminal.text == "\rImporting a.csv… 20,000 rows\rImporting a.csv… 40,000 rows\r\u{1B}[K")
        #expect(pipe.text.isEmpty)
    }
}
