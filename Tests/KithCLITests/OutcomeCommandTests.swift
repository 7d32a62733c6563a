import Foundation
import KithCLI
import KithTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A service-outcomes export written for a test: `clients` per provider, baseline and
/// follow-up, answers from a fixed pseudo-random sequence; `followUp` false leaves the
/// follow-up wave to different people (nobody paired).
func outcomesCSV(clients: [(provider: String, count: Int)], pairedFollowUp: Bool = true) -> String {
    let ucla = ["Hardly ever or never", "Some of the time", "Often"]
    let direct = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
    let frequency = ["None of the time", "Rarely", "Some of the time", "Often", "All of the time"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }
    var lines = [
        "Client ID,Wave,Provider,How often do you feel that you lack companionship?,How often do you feel left out?,"
            + "How often do you feel isolated from others?,How often do you feel lonely?,"
            + "Optimistic about the future,Feeling useful,Feeling relaxed,Dealing with problems well,"
            + "Thinking clearly,Feeling close to other people,Able to make up my own mind"
    ]
    var number = 0
    for (provider, count) in clients {
        for _ in 0..<count {
            number += 1
            for wave in ["baseline", "follow-up"] {
                let shift = wave == "follow-up" ? 1 : 0
                let id = wave == "follow-up" && !pairedFollowUp ? "X-\(number)" : "C-\(number)"
                let u = (0..<3).map { _ in ucla[max(0, next(3) - shift)] }
                let d = direct[min(4, next(5) + shift)]
                let s = (0..<7).map { _ in frequency[min(4, next(5) + shift)] }
                lines.append(([id, wave, provider] + u + [d] + s).joined(separator: ","))
            }
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite("kith change and kith compare")
struct OutcomeCommandTests {
    static let sample = "Samples/service-outcomes.csv"
    static let waves = ["--from", "baseline", "--to", "follow-up"]

    @Test("the README's commands work verbatim in a fresh folder, and print what the README shows")
    func readme() throws {
        let (section, commands) = try readmeSection("Measuring change and comparing providers")
        #expect(commands.count == 5)
        let folder = try temporaryFolder("kith-readme")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("Samples"), withDestinationURL: packageRoot.appendingPathComponent("Samples"))
        var outputs: [String] = []
        for command in commands {
            let run = kith(command, environment: [:], in: folder.path)
            #expect(run.status == .ok, "kith \(command.joined(separator: " ")): \(run.err)")
            outputs.append(run.out)
        }
        // The first output block after the first command is an excerpt of its output.
        let start = try #require(section.range(of: "```\nPeople:"))
        let block = section[start.lowerBound...].dropFirst(4).components(separatedBy: "```").first ?? ""
        let lines = block.split(separator: "\n").filter { $0 != "…" }
        #expect(lines.count >= 7)
        for line in lines { #expect(outputs[0].contains(line), "README line not in the output: \(line)") }
        let html = try String(contentsOf: folder.appendingPathComponent("compare.html"), encoding: .utf8)
        try expectWellFormedFunnelPage(html, providers: ["Medway Connect", "Swale Community Links", "Thanet Together", "West Kent Befriending"])
        #expect(outputs[3].contains("| Scale | Paired |"), "Markdown table")
        #expect(outputs[4].contains("% no longer Lonely"))
    }

    func expectWellFormedFunnelPage(_ html: String, providers: [String]) throws {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = ElementCounter()
        parser.delegate = collector
        #expect(parser.parse(), "the HTML is well-formed: \(String(describing: parser.parserError))")
        #expect(collector.counts["svg"] == 1)
        #expect(collector.counts["circle"] == providers.count)
        #expect((collector.counts["polyline"] ?? 0) >= 5, "axes and four limit lines")
        for provider in providers { #expect(collector.texts.contains(provider), "point label \(provider)") }
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2, "only the SVG namespace")
        #expect(html.contains("WEMWBS ©"))
    }

    @Test("a wave the survey does not have is a usage error that lists its waves")
    func unknownWave() {
        let run = kith(["change", Self.sample, "--from", "baseline", "--to", "6 months"])
        #expect(run.status == .usage)
        #expect(run.err.contains("no wave '6 months'"))
        #expect(run.err.contains("baseline, follow-up"))
    }

    @Test("usage errors: same wave, missing waves, --by, classification, FILE with --store, instrument")
    func usageErrors() {
        #expect(kith(["change", Self.sample, "--from", "baseline", "--to", "baseline"]).status == .usage)
        #expect(kith(["change", Self.sample, "--from", "baseline"]).status == .usage)
        #expect(kith(["change", Self.sample, "--by", "ward"] + Self.waves).status == .usage)
        #expect(kith(["change", Self.sample, "--classify", "lonely-7-9"] + Self.waves).status == .usage)
        #expect(kith(["change", Self.sample, "--store", "x.sqlite"] + Self.waves).status == .usage)
        #expect(kith(["compare", Self.sample, "--by", "provider"] + Self.waves).status == .usage, "--instrument required")
        #expect(
            kith(["compare", Self.sample, "--by", "provider", "--instrument", "ons-loneliness.direct"] + Self.waves).status == .usage,
            "a single question cannot be compared as a score")
        #expect(kith(["compare", Self.sample, "--by", "provider", "--instrument", "nope"] + Self.waves).status == .usage)
        #expect(kith(["change", "Samples/no-such-file.csv"] + Self.waves).status == .noInput)
        #expect(kith(["change", "--survey", "x", "--store", "/nonexistent/kith.sqlite"] + Self.waves).status == .noInput)
    }

    @Test("nobody measured at both waves: a clear data error, no NaN")
    func zeroPairs() throws {
        let folder = try temporaryFolder("kith-outcomes")
        defer { try? FileManager.default.removeItem(at: folder) }
        try outcomesCSV(clients: [("A", 6), ("B", 6)], pairedFollowUp: false).write(
            to: folder.appendingPathComponent("unpaired.csv"), atomically: true, encoding: .utf8)
        for command in ["change", "compare"] {
            let run = kith([command, "unpaired.csv", "--instrument", "swemwbs", "--by", "provider"] + Self.waves, in: folder.path)
            #expect(run.status == .data)
            #expect(run.err.contains("nobody was measured at both 'baseline' and 'follow-up'"))
            #expect(!run.out.contains("NaN") && !run.err.contains("NaN"))
        }
    }

    @Test("a provider below the policy's minimum has its figures withheld everywhere; none shows them")
    func smallProvider() throws {
        let folder = try temporaryFolder("kith-outcomes")
        defer { try? FileManager.default.removeItem(at: folder) }
        try outcomesCSV(clients: [("Big", 40), ("Other", 30), ("Tiny", 3)]).write(
            to: folder.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        let base = ["compare", "small.csv", "--by", "provider", "--instrument", "swemwbs", "--format", "json"] + Self.waves
        let hidden = kith(base, in: folder.path)
        #expect(hidden.status == .ok, "\(hidden.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(hidden.out.utf8)) as? [String: Any])
        let rows = try #require(object["providers"] as? [[String: Any]])
        let tiny = try #require(rows.first { $0["provider"] as? String == "Tiny" })
        #expect(tiny["withheld"] is String)
        #expect(tiny["mean_change"] is NSNull && tiny["baseline_mean"] is NSNull && tiny["percent"] is NSNull && tiny["paired"] is NSNull)
        let adjusted = try #require((object["adjusted"] as? [String: Any])?["providers"] as? [[String: Any]])
        #expect(adjusted.first { $0["provider"] as? String == "Tiny" }?["adjusted_mean"] is NSNull)
        #expect(adjusted.first { $0["provider"] as? String == "Big" }?["adjusted_mean"] is Double)
        let terms = ((object["adjusted"] as? [String: Any])?["coefficients"] as? [[String: Any]])?.compactMap { $0["term"] as? String } ?? []
        #expect(!terms.contains { $0.contains("Tiny") }, "no coefficient gives the small provider away")
        #expect((object["adjusted"] as? [String: Any])?["n"] as? Int == 70, "the small provider's clients are left out of the model")
        let points = ((object["funnel"] as? [String: Any])?["points"] as? [[String: Any]])?.compactMap { $0["provider"] as? String } ?? []
        #expect(!points.contains("Tiny"))
        let omitted = ((object["funnel"] as? [String: Any])?["omitted"] as? [String]) ?? []
        #expect(omitted.contains { $0.hasPrefix("Tiny (fewer than 5 clients paired") })

        let shown = kith(base + ["--suppress", "none"], in: folder.path)
        let all = try #require(try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        let tinyShown = try #require((all["providers"] as? [[String: Any]])?.first { $0["provider"] as? String == "Tiny" })
        #expect(tinyShown["paired"] as? Int == 3)
        #expect(tinyShown["mean_change"] is Double)

        let table = kith(["change", "small.csv", "--by", "provider"] + Self.waves, in: folder.path)
        #expect(table.status == .ok)
        let tinySection = try #require(table.out.components(separatedBy: "Provider: Tiny").last)
        #expect(tinySection.contains("statistics withheld: fewer than 5 people paired"))
    }

    @Test("CSV: a header and one line per group and measure; the licence notice on standard error")
    func csv() {
        let run = kith(["change", Self.sample, "--format", "csv", "--by", "provider", "--suppress", "none"] + Self.waves)
        #expect(run.status == .ok)
        let lines = run.out.split(separator: "\n")
        #expect(lines.first?.hasPrefix("provider,scale,classification,baseline_n,paired,baseline_mean") == true)
        #expect(lines.count == 1 + 5 * 3, "everyone and four providers, two scores and the direct question each")
        #expect(run.err.contains("WEMWBS ©"))
        // Under min5 two providers' counts of improved clients (4 each) are hidden, and everyone minus
        // the other providers would give them away: everyone goes, and the notes say why.
        let protected = kith(["change", Self.sample, "--format", "csv", "--by", "provider"] + Self.waves)
        #expect(protected.out.split(separator: "\n").count == 1 + 4 * 3)
        #expect(!protected.out.split(separator: "\n").dropFirst().contains { $0.hasPrefix(",") || $0.hasPrefix("All") })
        let markdown = kith(["change", Self.sample, "--format", "markdown", "--by", "provider"] + Self.waves)
        #expect(markdown.out.contains("'All providers' is not shown: some providers' counts or statistics are withheld"))
        let compare = kith(["compare", Self.sample, "--by", "provider", "--instrument", "swemwbs", "--format", "csv"] + Self.waves)
        #expect(compare.out.split(separator: "\n").count == 1 + 4 + 1)
    }

    @Test("the reliable-change threshold shows its arithmetic (the source rounds 2.855 to 2.87)")
    func reliableChangeArithmetic() {
        let run = kith(["change", Self.sample, "--instrument", "swemwbs"] + Self.waves)
        #expect(run.out.replacingOccurrences(of: "\n  ", with: " ").contains("a change of more than 2.86 points (1.96 × √2 × SEM 1.030 = 2.855)"))
    }

    @Test("the licence notice goes with SWEMWBS results and not with ONS-only ones")
    func licence() {
        #expect(kith(["change", Self.sample, "--instrument", "swemwbs"] + Self.waves).out.contains("WEMWBS ©"))
        let ons = kith(["change", Self.sample, "--instrument", "ons-loneliness"] + Self.waves)
        #expect(ons.status == .ok)
        #expect(!ons.out.contains("WEMWBS"))
        #expect(ons.out.contains("ons-loneliness.direct"))
    }

    @Test("min5 on the sample: the small counts of improved clients and their complements are withheld, so no funnel plot")
    func sampleUnderMin5() throws {
        let run = kith(["compare", Self.sample, "--by", "provider", "--instrument", "swemwbs", "--format", "json"] + Self.waves)
        #expect(run.status == .ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["funnel"] is NSNull)
        #expect((object["funnel_note"] as? String)?.contains("no provider can be plotted") == true)
        let rows = try #require(object["providers"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["events"] is NSNull }, "events of 4 (two providers) cannot be shown, nor the others that would reveal them")
        #expect(rows.allSatisfy { $0["mean_change"] is Double }, "every provider has enough clients for its statistics")
        #expect(!run.out.contains("\"events\":4,"))
    }

    @Test("the same command prints the same report twice (disclosure control is deterministic)")
    func deterministic() {
        let command = ["compare", Self.sample, "--by", "provider", "--instrument", "swemwbs"] + Self.waves
        #expect(kith(command).out == kith(command).out)
    }
}

/// Counts elements and collects text while parsing.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var texts: Set<String> = []
    private var current = ""
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        counts[elementName, default: 0] += 1
        current = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text" { texts.insert(current) }
        current = ""
    }
}
