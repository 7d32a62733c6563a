import Foundation
import KithCLI
import KithTestSupport
import Testing

/// A sample's expected scores (`Samples/expected/<stem>.json`), by row: scale → (value, status, person, wave).
private func expectedScores(_ stem: String) throws -> [(person: String?, wave: String?, scores: [String: (value: Double?, status: String)])] {
    let url = packageRoot.appendingPathComponent("Samples/expected/\(stem).json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    return rows.map { row in
        let scores = (row["scores"] as? [String: [String: Any]] ?? [:]).mapValues { score in
            ((score["value"] as? NSNumber)?.doubleValue, score["status"] as? String ?? "")
        }
        return (row["person"] as? String, row["wave"] as? String, scores)
    }
}

private func scaleObject(_ summary: [String: Any], _ id: String) throws -> [String: Any] {
    let scales = try #require(summary["scales"] as? [[String: Any]])
    return try #require(scales.first { $0["id"] as? String == id }, "no scale \(id)")
}

/// `kith summary` and `kith change` on the samples of the second-wave instruments. Every expected
/// figure is worked out here from the sample's expected scores (written by the sample generator
/// from its own truth) and the instrument's published rules, not taken from Kith's output.
@Suite("kith summary and change on the ONS4, De Jong Gierveld and Lubben samples")
struct InstrumentSampleCommandTests {
    static let ons4 = "ons4-social-prescribing"
    static let ons4Scales = ["ons4.life-satisfaction", "ons4.worthwhile", "ons4.happiness", "ons4.anxiety"]

    @Test("ONS4 summary: each scale's mean and ONS threshold bands, beside England's 2019/20 mean")
    func ons4Summary() throws {
        let run = kith(["summary", "Samples/\(Self.ons4).csv", "--format", "json", "--suppress", "none"])
        #expect(run.status == .ok, "\(run.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rows = try expectedScores(Self.ons4)
        // Reference instruments.md §5: Community Life Survey 2019/20, England.
        let national = [7.0, 7.3, 7.0, 3.7]
        for (index, id) in Self.ons4Scales.enumerated() {
            let values = rows.compactMap { $0.scores[id]?.value }
            let scale = try scaleObject(summary, id)
            #expect(scale["n"] as? Int == values.count, "\(id) n")
            let mean = try #require(scale["mean"] as? Double)
            #expect(abs(mean - values.reduce(0, +) / Double(values.count)) < 1e-9, "\(id) mean")
            // ONS thresholds: 0-4 low, 5-6 medium, 7-8 high, 9-10 very high; anxiety 0-1, 2-3, 4-5, 6-10.
            let starts = id == "ons4.anxiety" ? [0.0, 2, 4, 6] : [0.0, 5, 7, 9]
            let counts = starts.indices.map { band in
                values.filter { $0 >= starts[band] && (band + 1 == starts.count || $0 < starts[band + 1]) }.count
            }
            let bands = try #require((scale["classifications"] as? [[String: Any]])?.first?["bands"] as? [[String: Any]])
            #expect(bands.map { $0["count"] as? Int } == counts, "\(id) bands")
            let benchmark = try #require(scale["benchmark"] as? [String: Any])
            #expect(benchmark["value"] as? Double == national[index])
            #expect(benchmark["statistic"] as? String == "mean")
            #expect(benchmark["survey"] as? String == "Community Life Survey" && benchmark["period"] as? String == "2019/20")
        }
        let text = kith(["summary", "Samples/\(Self.ons4).csv", "--suppress", "none"]).out
        #expect(text.contains("National mean for comparison: 3.7 — Community Life Survey 2019/20, England, adults 16+"))
        #expect(text.contains("— an official (ONS personal well-being thresholds"))
    }

    @Test("ONS4 change: people paired by client id, each scale's mean change, anxiety's direction reversed")
    func ons4Change() throws {
        let run = kith(["change", "Samples/\(Self.ons4).csv", "--from", "baseline", "--to", "follow-up", "--format", "json", "--suppress", "none"])
        #expect(run.status == .ok, "\(run.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let group = try #require((report["groups"] as? [[String: Any]])?.first)
        let scales = try #require(group["scales"] as? [[String: Any]])
        let rows = try expectedScores(Self.ons4)
        for id in Self.ons4Scales {
            var baseline: [String: Double] = [:]
            var changes: [Double] = []
            for row in rows where row.wave == "baseline" { baseline[row.person ?? ""] = row.scores[id]?.value }
            for row in rows where row.wave == "follow-up" {
                if let after = row.scores[id]?.value, let before = baseline[row.person ?? ""] { changes.append(after - before) }
            }
            let scale = try #require(scales.first { $0["scale"] as? String == id })
            #expect(scale["paired"] as? Int == changes.count, "\(id) paired")
            let change = try #require(scale["mean_change"] as? Double)
            #expect(abs(change - changes.reduce(0, +) / Double(changes.count)) < 1e-9, "\(id) mean change")
            #expect(scale["higher_is"] as? String == (id == "ons4.anxiety" ? "worse" : "better"))
        }
    }

    @Test("De Jong Gierveld summary: a total from five answered items counts as scored; the manual's categories")
    func djgSummary() throws {
        let stem = "djg6-older-people"
        let run = kith(["summary", "Samples/\(stem).csv", "--format", "json", "--suppress", "none"])
        #expect(run.status == .ok, "\(run.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rows = try expectedScores(stem)
        let totals = rows.compactMap { $0.scores["djg6.total"] }
        let scored = totals.compactMap(\.value)
        #expect(totals.filter { $0.status == "answered-sum" }.count == 2, "the sample has two totals from five items")
        let total = try scaleObject(summary, "djg6.total")
        #expect(total["n"] as? Int == scored.count)
        #expect(abs((total["mean"] as? Double ?? .nan) - scored.reduce(0, +) / Double(scored.count)) < 1e-9)
        // Manual: 0-1 not lonely, 2-4 moderately lonely, 5-6 severely lonely.
        let counts = [scored.filter { $0 <= 1 }.count, scored.filter { $0 >= 2 && $0 <= 4 }.count, scored.filter { $0 >= 5 }.count]
        let bands = try #require((total["classifications"] as? [[String: Any]])?.first?["bands"] as? [[String: Any]])
        #expect(bands.map { $0["count"] as? Int } == counts)
        #expect(bands.map { $0["label"] as? String } == ["Not lonely (0–1)", "Moderately lonely (2–4)", "Severely lonely (5 or more)"])
        let emotional = try scaleObject(summary, "djg6.emotional")
        let subscaleBands = try #require((emotional["classifications"] as? [[String: Any]])?.first?["bands"] as? [[String: Any]])
        #expect(subscaleBands.map { $0["label"] as? String } == ["Not lonely (0)", "Lonely (1 or more)"])
    }

    @Test("Lubben summary: every item needed; under 12 at risk, a subscale under 6 flagged")
    func lubbenSummary() throws {
        let stem = "lsns6-assessments"
        let run = kith(["summary", "Samples/\(stem).csv", "--format", "json", "--suppress", "none"])
        #expect(run.status == .ok, "\(run.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rows = try expectedScores(stem)
        // Lubben et al. (2006), as the reference file gives it: total under 12 at risk; a subscale under 6 flagged.
        for (id, cut) in [("lsns6.total", 12.0), ("lsns6.family", 6), ("lsns6.friends", 6)] {
            let values = rows.compactMap { $0.scores[id]?.value }
            let scale = try scaleObject(summary, id)
            #expect(scale["n"] as? Int == values.count, "\(id) n")
            #expect(scale["incomplete"] as? Int == rows.filter { $0.scores[id]?.status == "incomplete" }.count, "\(id) incomplete")
            let bands = try #require((scale["classifications"] as? [[String: Any]])?.first?["bands"] as? [[String: Any]])
            #expect(bands.map { $0["count"] as? Int } == [values.filter { $0 < cut }.count, values.filter { $0 >= cut }.count], "\(id) bands")
        }
        let family = try #require((try scaleObject(summary, "lsns6.family")["classifications"] as? [[String: Any]])?.first)
        #expect((family["bands"] as? [[String: Any]])?.map { $0["label"] as? String } == ["Few family ties (0–5)", "Not flagged (6 or more)"])
        #expect(family["status"] as? String == "study")
    }
}
