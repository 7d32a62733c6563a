import Foundation
import KithTestSupport
import Testing

@testable import KithCLI

private let sampleExports = [
    "surveymonkey.csv", "qualtrics-choice-text.csv", "qualtrics-numeric.csv", "qualtrics-legacy.csv", "google-forms.csv",
    "microsoft-forms.txt", "microsoft-forms-utf8.csv", "smartsurvey.csv", "redcap.csv", "limesurvey.csv", "typeform.csv",
    "kobo.csv", "paper-forms.csv", "answers.csv", "wemwbs-14.csv", "ons4-social-prescribing.csv", "djg6-older-people.csv",
    "lsns6-assessments.csv"
]

private func samplePath(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }

@Suite("kith inspect and kith score on every sample, as a new user would")
struct InspectAndScoreSamplesTests {
    @Test(arguments: sampleExports)
    func inspectWorksWithZeroConfiguration(_ name: String) throws {
        let console = Console.memory()
        let status = KithCLI.run(["inspect", samplePath(name)], console: console)
        #expect(status == .ok, "\(console.err.text)")
        let text = console.out.text
        #expect(text.contains("Source:"))
        #expect(text.contains("Rows:"))
        #expect(text.contains("Would score:"))
        // Free-text answers and identifiers are never printed.
        for secret in [
            "More benches in the park", "jo@example.org", "Bloggs", "lunch club on Tuesdays is the highlight", "198.51.100",
            "Client\u{2019}s daughter"
        ] {
            #expect(!text.contains(secret), "\(name): inspect printed respondent text")
        }
    }

    @Test(arguments: sampleExports)
    func inspectJSONIsValid(_ name: String) throws {
        let console = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath(name), "--format", "json"], console: console) == .ok)
        let object = try JSONSerialization.jsonObject(with: Data(console.out.text.utf8)) as? [String: Any]
        #expect(object?["header_rows"] != nil)
        #expect((object?["columns"] as? [Any])?.isEmpty == false)
    }

    @Test(arguments: sampleExports.filter { $0 != "limesurvey.csv" })
    func scoreWorksWithZeroConfiguration(_ name: String) throws {
        let console = Console.memory()
        let status = KithCLI.run(["score", samplePath(name), "--format", "csv"], console: console)
        // 65 = some answers are not options (reported, results still written).
        #expect(status == .ok || status == .data, "\(name): \(status) \(console.err.text)")
        #expect(console.out.text.split(separator: "\n").count > 5)
        #expect(console.err.text.contains("scoring "))
    }

    @Test(
        "kith import takes every sample export into a new store, whole, and a second time adds nothing",
        arguments: sampleExports + ["service-outcomes.csv", "kent-esurvey.csv", "medway-panel.csv"])
    func importsEverySample(_ name: String) throws {
        let store = try temporaryFolder("kith-samples").appendingPathComponent("kith.sqlite").path
        let map = name == "limesurvey.csv" ? ["--map", samplePath("limesurvey.map.json")] : []
        func run() -> (ExitCode, [String: Any]) {
            let console = Console.memory()
            let status = KithCLI.run(["import", samplePath(name), "--survey", "s", "--store", store, "--format", "json"] + map, console: console)
            return (status, (try? JSONSerialization.jsonObject(with: Data(console.out.text.utf8)) as? [String: Any]) ?? ["error": console.err.text])
        }
        let (status, first) = run()
        #expect(status == .ok, "\(name): \(first)")
        let added = first["added"] as? Int ?? 0
        let excluded = (first["excluded"] as? [String: Int])?.values.reduce(0, +) ?? 0
        #expect(added > 0 && added + excluded + (first["repeated_in_file"] as? Int ?? 0) == first["rows_read"] as? Int, "\(name): \(first)")
        let (again, second) = run()
        #expect(again == .ok, "\(name): \(second)")
        #expect(second["added"] as? Int == 0 && second["unchanged"] as? Int == added, "\(name): \(second)")
    }

    @Test func limeSurveyCodesNeedTheMapAndSaySo() throws {
        let console = Console.memory()
        #expect(KithCLI.run(["score", samplePath("limesurvey.csv")], console: console) == .data)
        #expect(console.err.text.contains("kith inspect"))
        let mapped = Console.memory()
        #expect(
            KithCLI.run(["score", samplePath("limesurvey.csv"), "--map", samplePath("limesurvey.map.json"), "--format", "json"], console: mapped)
                == .ok)
        #expect(mapped.out.text.contains("\"ons-loneliness.ucla3\""))
    }

    @Test func inspectShowsDialectMappingAndRowCounts() throws {
        let console = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath("qualtrics-choice-text.csv")], console: console) == .ok)
        let text = console.out.text
        #expect(text.contains("Qualtrics (--source qualtrics)"))
        #expect(text.contains("→ ucla3_1 (ons-loneliness)"))
        #expect(text.contains("excluded: survey preview ×1"))
        #expect(text.contains("16: 13 complete, 1 partial, 2 excluded"))
        let google = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath("google-forms.csv")], console: google) == .ok)
        #expect(google.out.text.contains("duplicate: row 6 repeats row 5"))
        let paper = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath("paper-forms.csv")], console: paper) == .ok)
        #expect(paper.out.text.contains("'Q1 Lack companionship (1-3)' (ucla3_1): '4' ×1 (row 4)"))
        #expect(paper.out.text.contains("9 ×1 (row 2)"))
    }

    @Test func sourceAndDictionaryOptions() throws {
        let console = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath("answers.csv"), "--source", "typeform"], console: console) == .ok)
        #expect(console.out.text.contains("named with --source typeform"))
        let bad = Console.memory()
        #expect(KithCLI.run(["inspect", samplePath("answers.csv"), "--source", "nosuchtool"], console: bad) == .usage)
        #expect(bad.err.text.contains("surveymonkey"))
        let dictionary = Console.memory()
        #expect(
            KithCLI.run(
                ["score", samplePath("redcap.csv"), "--dictionary", samplePath("redcap-dictionary.csv"), "--format", "csv"], console: dictionary)
                == .ok)
        let missing = Console.memory()
        #expect(KithCLI.run(["score", samplePath("redcap.csv"), "--dictionary", "/nonexistent.csv"], console: missing) == .noInput)
    }

    @Test func errorsNameFileLineAndWhatWasExpected() throws {
        let path = "/tmp/kith-unterminated-\(UInt32.random(in: 0...UInt32.max)).csv"
        try "ID,How often do you feel lonely?\n1,\"Never\n".write(toFile: path, atomically: true, encoding: .utf8)
        let console = Console.memory()
        let status = KithCLI.run(["score", path], console: console)
        #expect(status == .data)
        #expect(console.err.text.contains(path) && console.err.text.contains("line 2"))
    }

    @Test func fastCSVPathWritesWhatTheWriterWrites() throws {
        // Rows taking the fast path and rows taking the writer's path, in one file.
        let csv = """
            Respondent ID,Wave,How often do you feel that you lack companionship?,How often do you feel left out?,\
            How often do you feel isolated from others?,How often do you feel lonely?
            1,baseline,Often,Often,Often,Never
            2,"follow, up",Often,,Often,Never
            =3,baseline,Often,Often,Sometimes maybe,Never
            4,baseline,Hardly ever,Often,Often,Often/always

            """
        let path = "/tmp/kith-fast-\(UInt32.random(in: 0...UInt32.max)).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let console = Console.memory()
        _ = KithCLI.run(["score", path, "--format", "csv"], console: console)
        let lines = console.out.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "1,1,baseline,scored,,9,complete,,5,Never,complete,,")
        #expect(lines[2] == "2,2,follow-up,scored,,,incomplete,ucla3_2,5,Never,complete,,")
        #expect(lines[3].hasPrefix("3,'=3,baseline,scored,,,invalid,"))
        #expect(lines[4] == "4,4,baseline,scored,,7,complete,,1,Often/always,complete,,")
    }
}
