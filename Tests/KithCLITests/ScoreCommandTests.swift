import Foundation
import KithCLI
import KithTestSupport
import Testing

@Suite("kith score")
struct ScoreCommandTests {
    @Test("the README's first command prints what the README says it prints")
    func readmeCommand() throws {
        let run = kith("score", "Samples/answers.csv")
        #expect(run.status == .data, "one unknown label on purpose")
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\nRow    ID"))
        let block = readme[start.upperBound...].prefix { _ in true }
        let shown = String(block[..<block.range(of: "```")!.lowerBound])
        let lines = ("Row    ID" + shown).split(separator: "\n").filter { $0 != "…" }
        #expect(lines.count > 10)
        for line in lines { #expect(run.out.contains(line), "README line not in the output: \(line)") }
    }

    @Test("JSON output has the documented shape, every row, and the licence notice")
    func json() throws {
        let run = kith("score", "Samples/answers.csv", "--format", "json")
        #expect(run.status == .data)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 16)
        #expect(rows.map { $0["row"] as? Int } == Array(1...16))
        let first = try #require(rows.first?["scores"] as? [String: [String: Any]])
        #expect(first["ons-loneliness.ucla3"]?["value"] as? Int == 4)
        #expect(first["ons-loneliness.ucla3"]?["status"] as? String == "complete")
        #expect(first["ons-loneliness.direct"]?["label"] as? String == "Hardly ever")
        #expect(first["swemwbs.metric"]?["value"] as? Double == 23.21)
        #expect(first["swemwbs.metric"]?["raw"] as? Int == 26)
        let fifth = try #require(rows[4]["scores"] as? [String: [String: Any]])
        #expect(fifth["swemwbs.metric"]?["value"] is NSNull)
        #expect(fifth["swemwbs.metric"]?["missing"] as? [String] == ["swemwbs_3"])
        let tenth = try #require(rows[9]["problems"] as? [[String: String]])
        #expect(tenth == [["item": "ucla3_2", "column": "How often do you feel left out?", "problem": "unknown label 'Sometimes maybe'"]])
        let notices = try #require(object["notices"] as? [String])
        #expect(notices.contains { $0.hasPrefix("WEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh") })
    }

    @Test(
        "every expected score of the generic samples",
        arguments: ["answers", "wemwbs-14", "ons4-social-prescribing", "djg6-older-people", "lsns6-assessments"])
    func expectedScores(sample: String) throws {
        let run = kith("score", "Samples/\(sample).csv", "--format", "json")
        #expect(run.status == .ok || run.status == .data)
        try expectRowsMatch(json: run.out, expected: "Samples/expected/\(sample).json")
    }

    @Test("CSV output: a header, one line per row, the notice on standard error")
    func csv() throws {
        let run = kith("score", "Samples/answers.csv", "--format", "csv")
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines[0].hasPrefix("row,source_id,status,reason,ons-loneliness.ucla3,ons-loneliness.ucla3.status,ons-loneliness.ucla3.missing,"))
        #expect(lines[1].hasPrefix("1,A01,scored,,4,complete,,4,Hardly ever,complete,,23.21,26,complete,,"))
        #expect(run.err.contains("WEMWBS ©"))
    }

    @Test("--output writes the file whole, and nothing on failure")
    func output() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("scores.csv").path
        let run = kith("score", "Samples/answers.csv", "--format", "csv", "--output", target)
        #expect(run.out.isEmpty)
        #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 17)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.csv"])
        let failed = kith("score", "Samples/no-such-file.csv", "--output", folder.appendingPathComponent("other.csv").path)
        #expect(failed.status == .noInput)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.csv"])
    }

    @Test("--missing prorate:1 scores SWEMWBS with one item missing, and says so")
    func proration() throws {
        let run = kith("score", "Samples/answers.csv", "--format", "json", "--missing", "prorate:1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let fifth = try #require((rows[4]["scores"] as? [String: [String: Any]])?["swemwbs.metric"])
        #expect(fifth["status"] as? String == "prorated")
        #expect(fifth["policy"] as? String == "prorate:1")
        #expect(fifth["value"] as? Double != nil)
        let notices = try #require(object["notices"] as? [String])
        #expect(notices.contains { $0.hasPrefix("swemwbs.metric: scored with up to 1 missing item prorated") })
        #expect(notices.contains { $0.hasPrefix("ons-loneliness.ucla3: policy prorate:1 not applied") })
    }

    @Test("--classify adds bands with their standing")
    func classify() throws {
        let run = kith("score", "Samples/answers.csv", "--classify", "lonely-6-9", "--format", "csv")
        #expect(run.out.split(separator: "\n")[0].contains("ons-loneliness.ucla3.lonely-6-9"))
        #expect(run.out.contains(",7,Lonely,complete,"))
        #expect(run.err.contains("classification 'lonely-6-9' is a convention, not an official cut-off"))
    }

    @Test("--instrument restricts scoring to the named instrument")
    func instrumentOption() throws {
        let run = kith("score", "Samples/answers.csv", "--instrument", "swemwbs", "--format", "csv")
        #expect(run.status == .ok, "the unknown label is in a UCLA column, not scored now")
        #expect(!run.out.contains("ucla3"))
    }

    @Test("standard input is read with -")
    func standardInput() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/answers.csv"))
        let result = try kithProcess(["score", "-", "--format", "csv"], input: data)
        #expect(result.status == 65)
        #expect(result.out.split(separator: "\n").count == 17)
    }

    @Test(
        "usage errors exit 64 and say what was expected",
        arguments: [
            (["score"], "missing argument"),
            (["score", "Samples/answers.csv", "--format", "xml"], "--format must be one of table, csv, json; got 'xml'"),
            (["score", "Samples/answers.csv", "--missing", "zero"], "--missing must be 'complete' or 'prorate:N'"),
            (["score", "Samples/answers.csv", "--instrument", "wembws"], "Did you mean 'wemwbs'?"),
            (["score", "Samples/answers.csv", "--formta", "csv"], "Did you mean '--format'?"),
            (["scroe"], "unknown command 'scroe'")
        ])
    func usage(arguments: [String], message: String) {
        let run = kith(arguments)
        #expect(run.status == .usage)
        #expect(run.err.contains(message), "stderr: \(run.err)")
    }

    @Test("a missing file exits 66 and names it")
    func missingFile() {
        let run = kith("score", "Samples/nope.csv")
        #expect(run.status == .noInput)
        #expect(run.err.contains("Samples/nope.csv"))
    }

    @Test("a file with no instrument columns is a data error that points to inspect")
    func noItems() throws {
        let file = try temporaryFolder().appendingPathComponent("other.csv")
        try Data("Name,Favourite colour\nA,Blue\n".utf8).write(to: file)
        let run = kith("score", file.path)
        #expect(run.status == .data)
        #expect(run.err.contains("no column was recognised as an instrument item"))
        #expect(!run.err.contains("Blue"), "respondent data stays out of error messages")
    }

    @Test("--help and --version")
    func help() {
        #expect(kith("score", "--help").out.contains("USAGE: kith score FILE"))
        #expect(kith("--help").out.contains("COMMANDS:"))
        #expect(kith("--version").out == "kith \(KithCLI.version)\n")
        #expect(kith().status == .ok)
    }
}
