import Foundation
import KithTestSupport
import Testing

@Suite("README: keeping surveys in a store")
struct StoreReadmeTests {
    @Test("the README's store commands work verbatim in a fresh folder, and print what the README says")
    func readme() throws {
        let (section, commands) = try readmeSection("Keeping surveys in a store")
        #expect(commands.map { $0[0] } == ["import", "import", "import", "surveys", "batches", "summary", "undo"])
        let folder = try temporaryFolder("kith-store-readme")
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Samples"), withDestinationURL: packageRoot.appendingPathComponent("Samples"))
        var runs: [(out: String, err: String)] = []
        for command in commands {
            let run = kith(command, environment: [:], in: folder.path)
            #expect(run.status == .ok, "kith \(command.joined(separator: " ")): \(run.err)")
            runs.append((run.out, run.err))
        }
        #expect(runs[0].out.contains("added              232"))
        #expect(runs[1].out.contains("added              261"))
        #expect(runs[2].out.contains("already stored     261 (same answers: skipped)"))
        #expect(runs[2].err.contains("this file was already imported into 'kent-2020' as batch 2"))
        // The surveys table, as the README shows it (the import time aside).
        let start = try #require(section.range(of: "```\nSURVEY"))
        let block = section[start.lowerBound...].dropFirst(4).components(separatedBy: "```").first ?? ""
        for line in block.split(separator: "\n") {
            let shown = line.replacingOccurrences(of: "…", with: "").trimmingCharacters(in: .whitespaces)
            #expect(runs[3].out.contains(shown), "README line not in the output: \(line)")
        }
        #expect(runs[4].out.contains("medway-panel.csv"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("medway.md").path))
        #expect(runs[6].out.contains("Undid batch 1 of survey 'medway-2026': 232 responses removed."))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kith.sqlite").path))
    }
}
