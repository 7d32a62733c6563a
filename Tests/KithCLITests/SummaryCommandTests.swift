import Foundation
import KithCLI
import KithTestSupport
import Testing

/// Reference figures computed from the sample files by `Tests/Fixtures/summary/make_summary_fixtures.py`
/// (statsmodels / SciPy; the command of each is recorded beside it, with the tolerance and its reason).
func fixture(_ path: String) -> Any? {
    let url = packageRoot.appendingPathComponent("Tests/Fixtures/summary/summary.json")
    var value: Any? = try? JSONSerialization.jsonObject(with: Data(contentsOf: url))
    for key in path.split(separator: ".") { value = (value as? [String: Any])?[String(key)] }
    return value
}

func close(_ a: Double?, _ b: Double?, relative: Double = 1e-9) -> Bool {
    guard let a, let b else { return false }
    return abs(a - b) <= relative * max(1, abs(b))
}

func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

let kent = "Samples/kent-esurvey.csv"
let medway = ["Samples/medway-panel.csv", "--invited", "317", "--kind", "citizens-panel"]

@Suite("kith summary")
struct SummaryCommandTests {
    static let sentences = [
        "97 people (37%, 95% CI 32% to 43%) said they felt lonely often or always, and 81 (31%, 95% CI 26% to 37%) some of the time.",
        "of the 254 who answered this one, 38% (95% CI 32% to 44%) said they felt lonely often or always."
    ]

    @Test(
        "Kent: 97 (37%) often/always and 81 (31%) some of the time, with both bases, in every format",
        arguments: ["table", "markdown", "html", "csv", "json"])
    func kentSeeds(format: String) throws {
        let run = kith(["summary", kent, "--format", format])
        #expect(run.status == .ok, "\(run.err)")
        let often = try #require(fixture("kent.often_of_respondents") as? [String: Any])
        let ci = try #require(often["ci"] as? [Double])
        switch format {
        case "json":
            let object = try jsonObject(run.out)
            #expect(object["respondents"] as? Int == 261)
            let questions = try #require(object["questions"] as? [[String: Any]])
            let direct = try #require(questions.first { $0["id"] as? String == "direct" })
            #expect(direct["base"] as? Int == 261)
            #expect(direct["answered"] as? Int == fixture("kent.answered_direct") as? Int)
            let options = try #require(direct["options"] as? [[String: Any]])
            #expect(options.map { $0["label"] as? String ?? "" } == ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"])
            #expect(options[0]["count"] as? Int == 97)
            #expect(close(options[0]["percent"] as? Double, often["percent"] as? Double))
            #expect(close((options[0]["ci"] as? [Double])?[0], ci[0]) && close((options[0]["ci"] as? [Double])?[1], ci[1]))
            let answered = try #require(fixture("kent.often_of_answered") as? [String: Any])
            #expect(close(options[0]["percent_answered"] as? Double, answered["percent"] as? Double))
            #expect(close((options[0]["ci_answered"] as? [Double])?[1], (answered["ci"] as? [Double])?[1]))
            let some = try #require(fixture("kent.some_of_respondents") as? [String: Any])
            #expect(options[1]["count"] as? Int == 81)
            #expect(close(options[1]["percent"] as? Double, some["percent"] as? Double))
            #expect(close((options[1]["ci"] as? [Double])?[0], (some["ci"] as? [Double])?[0]))
            let headlines = try #require(object["headlines"] as? [String])
            #expect(headlines.contains(Self.sentences[0]))
        case "csv":
            #expect(run.out.contains("\nOften/always,97,37.2,31.5,43.2,38.2,32.4,44.3\n"))
            #expect(run.out.contains("\nSome of the time,81,31.0,25.7,36.9,31.9,26.5,37.9\n"))
            #expect(run.out.contains("\nbase,261\nanswered,254\nno answer,7\n"))
            for sentence in Self.sentences { #expect(run.out.contains(sentence)) }
        default:
            for sentence in Self.sentences { #expect(run.out.contains(sentence), "\(format) lacks: \(sentence)") }
            #expect(run.out.contains("37.2"), "the table gives one decimal")
            #expect(run.out.contains("31.5") && run.out.contains("43.2"))
        }
    }

    @Test(
        "Medway: 223 of 317 completed (Wilson interval), partials counted apart, licence notice, in every format",
        arguments: ["table", "markdown", "html", "csv", "json"])
    func medwaySeeds(format: String) throws {
        let run = kith(["summary"] + medway + ["--format", format])
        #expect(run.status == .ok, "\(run.err)")
        let rate = try #require(fixture("medway.response_rate") as? [String: Any])
        let ci = try #require(rate["ci"] as? [Double])
        let sentence = "Of the 317 panel members sent the survey, 223 completed it (70%, 95% CI 65% to 75%)."
        #expect(run.out.contains("WEMWBS © NHS Health Scotland"), "SWEMWBS results carry the licence notice")
        switch format {
        case "json":
            let object = try jsonObject(run.out)
            #expect(object["respondents"] as? Int == 223)
            #expect(object["invited"] as? Int == 317)
            let responses = try #require(object["responses"] as? [String: Any])
            #expect(responses["partial"] as? Int == fixture("medway.partial") as? Int)
            let value = try #require(object["response_rate"] as? [String: Any])
            #expect(close(value["value"] as? Double, rate["percent"] as? Double))
            #expect(close((value["ci"] as? [Double])?[0], ci[0]) && close((value["ci"] as? [Double])?[1], ci[1]))
            #expect((object["headlines"] as? [String])?.contains(sentence) == true)
            let questions = try #require(object["questions"] as? [[String: Any]])
            let used = try #require(questions.first { ($0["text"] as? String)?.hasPrefix("Which of these") == true })
            #expect(used["kind"] as? String == "multi-select")
            let expected = try #require(fixture("medway.used_in_last_year") as? [String: Int])
            let options = try #require(used["options"] as? [[String: Any]])
            #expect(Dictionary(uniqueKeysWithValues: options.map { ($0["label"] as? String ?? "", $0["count"] as? Int ?? -1) }) == expected)
            let choices = try #require(used["choices"] as? Int)
            #expect(choices == expected.values.reduce(0, +))
            let library = try #require(options.first { $0["label"] as? String == "Library" })
            #expect(close(library["percent_responses"] as? Double, Double(expected["Library"]!) / Double(choices) * 100))
            let scales = try #require(object["scales"] as? [[String: Any]])
            #expect(scales.map { $0["id"] as? String ?? "" }.contains("swemwbs.metric"))
            #expect((object["notices"] as? [String])?.first?.hasPrefix("WEMWBS ©") == true)
        case "csv":
            #expect(run.out.contains("\ncomplete,223,70.3,65.1,75.1\n"))
            #expect(run.out.contains("\ninvited,317,"))
            #expect(run.out.contains(sentence))
        default:
            #expect(run.out.contains(sentence), "\(format)")
            #expect(run.out.contains("A further 9 started it but did not finish"))
        }
    }

    @Test(
        "the disclosure policy is printed in every output; min5 is the default for reports, none for table and json",
        arguments: [("table", "none"), ("json", "none"), ("markdown", "min5"), ("html", "min5"), ("csv", "min5")])
    func policyPrinted(format: String, policy: String) throws {
        let run = kith(["summary", kent, "--format", format])
        #expect(run.out.contains("Disclosure control: \(policy)"))
        let nhs = kith(["summary", kent, "--format", format, "--suppress", "nhs"])
        #expect(nhs.out.contains("Disclosure control: nhs"))
        #expect(nhs.out.contains("95 people (37%"), "nhs rounds 97 to 95 and computes the percentage from rounded counts (95/260)")
    }

    @Test("every sample summary agrees between the file and the store path")
    func storePath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("kith.sqlite").path
        #expect(kith("import", "Samples/kent-esurvey.csv", "--survey", "kent", "--store", store).status == .ok)
        let fromStore = kith("summary", "--survey", "kent", "--store", store, "--format", "json")
        #expect(fromStore.status == .ok, "\(fromStore.err)")
        let fromFile = kith("summary", kent, "--format", "json")
        var a = try jsonObject(fromStore.out)
        var b = try jsonObject(fromFile.out)
        a["survey"] = nil
        b["survey"] = nil
        #expect(NSDictionary(dictionary: a).isEqual(to: b), "the same numbers whichever way the survey is read")
        let env = kith(["summary", "--survey", "kent", "--format", "json"], environment: ["KITH_STORE": store])
        #expect(env.status == .ok)
        #expect(kith("summary", "--survey", "kent", "--store", store, "--wave", "nope").status == .usage)
    }

    @Test("breakdowns: chi-square and Welch's ANOVA match SciPy/statsmodels; Fisher where expected counts are small")
    func breakdowns() throws {
        let run = kith("summary", kent, "--by", "Sex", "--format", "json")
        #expect(run.status == .ok, "\(run.err)")
        let object = try jsonObject(run.out)
        let breakdown = try #require((object["breakdowns"] as? [[String: Any]])?.first)
        #expect(breakdown["by"] as? String == "Sex")
        let tables = try #require(breakdown["tables"] as? [[String: Any]])
        #expect(!tables.contains { $0["text"] as? String == "Sex" }, "no table of Sex by itself")
        let direct = try #require(tables.first { $0["question"] as? String == "direct" })
        let reference = try #require(fixture("kent.direct_by_sex") as? [String: Any])
        let rows = try #require(direct["rows"] as? [[String: Any]])
        #expect(rows.map { $0["group"] as? String ?? "" } == ["Female", "Male", "Prefer to self-describe", "Prefer not to say"])
        let wanted = try #require(reference["table"] as? [[Int]])
        #expect(rows.map { $0["counts"] as? [Int] ?? [] } == [wanted[0], wanted[1], wanted[3], wanted[2]])
        let test = try #require(direct["test"] as? [String: Any])
        #expect(close(test["chi_square"] as? Double, reference["chi_square"] as? Double))
        #expect(test["df"] as? Int == reference["df"] as? Int)
        #expect(close(test["p"] as? Double, reference["p"] as? Double, relative: 1e-6))
        #expect(test["doubtful"] as? Bool == true, "Prefer-not-to-say rows have expected counts below 1")
        #expect(test["note"] as? String != nil)
        let means = try #require((breakdown["means"] as? [[String: Any]])?.first { $0["scale"] as? String == "ons-loneliness.ucla3" })
        let welchReference = try #require(fixture("kent.ucla3_by_sex") as? [String: Any])
        let groups = try #require(means["groups"] as? [[String: Any]])
        #expect(groups.map { $0["n"] as? Int ?? 0 } == welchReference["n"] as? [Int])
        let welch = try #require(means["welch"] as? [String: Any])
        #expect(close(welch["f"] as? Double, welchReference["f"] as? Double))
        #expect(close(welch["df1"] as? Double, welchReference["df1"] as? Double))
        #expect(close(welch["df2"] as? Double, welchReference["df2"] as? Double))
        #expect(close(welch["p"] as? Double, welchReference["p"] as? Double, relative: 1e-6))
    }

    @Test("breakdowns by the stored provider and wave fields")
    func providerAndWave() throws {
        let run = kith("summary", "Samples/service-outcomes.csv", "--by", "provider", "--by", "wave", "--format", "json")
        #expect(run.status == .ok, "\(run.err)")
        let object = try jsonObject(run.out)
        let respondents = try #require(object["respondents"] as? Int)
        let breakdowns = try #require(object["breakdowns"] as? [[String: Any]])
        #expect(breakdowns.map { $0["by"] as? String } == ["provider", "wave"])
        // Every provider and wave named in the file, each group's answers adding up to the question's.
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Samples/service-outcomes.csv"), encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        for (index, column) in [(0, 2), (1, 1)] {
            let expected = Set(rows.map { String($0[column]) }).sorted()
            let direct = try #require((breakdowns[index]["tables"] as? [[String: Any]])?.first { $0["question"] as? String == "direct" })
            let groups = (direct["rows"] as? [[String: Any]] ?? []).map { $0["group"] as? String ?? "" }
            #expect(groups == expected)
            let totals = (direct["rows"] as? [[String: Any]] ?? []).map { $0["total"] as? Int ?? 0 }
            #expect(totals.reduce(0, +) == direct["total"] as? Int)
        }
        #expect(rows.count == respondents)
    }

    @Test("--by accepts the provider column's own header, even where its answers are too varied for a question table")
    func byProviderHeader() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
        let rows = (0..<40).map { "c\($0),Provider \($0 % 35),\(options[$0 % 5])" }
        let path = folder.appendingPathComponent("services.csv").path
        try (["Client ID,Service,How often do you feel lonely?"] + rows).joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        func groups(_ by: String) throws -> (by: String, groups: [String]) {
            let run = kith("summary", path, "--by", by, "--format", "json")
            #expect(run.status == .ok, "\(run.err)")
            let breakdown = try #require((try jsonObject(run.out)["breakdowns"] as? [[String: Any]])?.first)
            let table = try #require((breakdown["tables"] as? [[String: Any]])?.first)
            return (breakdown["by"] as? String ?? "", (table["rows"] as? [[String: Any]] ?? []).compactMap { $0["group"] as? String })
        }
        let byProvider = try groups("provider")
        let byService = try groups("service")
        #expect(byProvider.groups.count == 35)
        #expect(byService.groups == byProvider.groups)
        #expect(byService.by == "Service")
        #expect(try groups("SERVICE").groups == byProvider.groups)
    }

    @Test("an unknown --by column is a usage error listing the columns")
    func unknownBy() {
        let run = kith("summary", kent, "--by", "Postcode district")
        #expect(run.status == .usage)
        #expect(run.err.contains("'Age band'") && run.err.contains("provider") && run.err.contains("'Was this usual for you?'"))
        #expect(kith("summary", kent, "--by", "Is there anything else you would like to tell us about how you have been feeling?").status == .usage)
        #expect(kith("summary").status == .usage)
        #expect(kith("summary", kent, "--suppress", "some").status == .usage)
        #expect(kith("summary", "Samples/nothing-here.csv").status == .noInput)
    }

    @Test("the HTML report is one well-formed file with no network, charts and a print style")
    func html() throws {
        let run = kith(["summary", kent, "--format", "html", "--by", "Sex"])
        #expect(run.status == .ok)
        let page = run.out
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("@media print"))
        #expect(page.contains("<svg") && page.contains("class=\"whisker\""))
        for forbidden in ["<script", "<link", "src=", "@import", "url("] { #expect(!page.contains(forbidden), "\(forbidden)") }
        #expect(try balancedTags(page))
    }

    @Test("the README's first command prints what the README shows")
    func readme() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("swift run kith summary Samples/kent-esurvey.csv   # summarise a sample e-survey"))
        let start = try #require(readme.range(of: "```\nHeadlines\n"))
        let block = readme[start.upperBound...]
        let shown = String(block[..<block.range(of: "```")!.lowerBound])
        let run = kith("summary", kent)
        #expect(run.status == .ok)
        let lines = shown.split(separator: "\n").filter { $0 != "…" }
        #expect(lines.count > 8)
        for line in lines { #expect(run.out.contains(line), "README line not in the output: \(line)") }
        let medwayRun = kith(["summary"] + medway + ["--format", "markdown"])
        #expect(medwayRun.out.contains("Of the 317 panel members sent the survey, 223 completed it (70%, 95% CI 65% to 75%)."))
        #expect(readme.contains("Of the 317 panel members sent the survey, 223 completed it (70%, 95% CI 65% to 75%)."))
    }

    @Test("--output writes the whole report to a file")
    func output() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kent.md").path
        #expect(kith("summary", kent, "--format", "markdown", "--output", path).status == .ok)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("# Survey summary: kent-esurvey"))
        #expect(text.contains("| Often/always | 97 | 37.2 | 31.5–43.2 | 38.2 | 32.4–44.3 |"))
    }
}

/// Every element opened is closed in order (void elements aside).
func balancedTags(_ page: String) throws -> Bool {
    let void: Set<String> = ["meta", "br", "img", "hr", "input", "link"]
    var stack: [String] = []
    var index = page.startIndex
    while let open = page[index...].firstIndex(of: "<") {
        guard let close = page[open...].firstIndex(of: ">") else { return false }
        let tag = page[page.index(after: open)..<close]
        index = page.index(after: close)
        if tag.hasPrefix("!") { continue }
        let selfClosing = tag.hasSuffix("/")
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        if tag.hasPrefix("/") {
            guard stack.last == name else { return false }
            stack.removeLast()
        } else if !selfClosing, !void.contains(name) {
            stack.append(name)
        }
    }
    return stack.isEmpty
}
