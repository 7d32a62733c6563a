import Foundation
import KithTestSupport
import Testing

/// The service-outcomes sample's generator states headline figures in its expected
/// file's notes (from its own in-memory truth, not from reading the CSV back): the
/// commands must reproduce them to the notes' two decimals.
@Suite("Outcome reports reproduce the sample generator's notes")
struct OutcomeSampleNotesTests {
    static func notes() throws -> [String] {
        let url = packageRoot.appendingPathComponent("Samples/expected/service-outcomes.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(object["notes"] as? [String])
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let run = kith(arguments + ["--suppress", "none", "--format", "json"])
        #expect(run.status == .ok, "\(run.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    }

    static func number(_ text: String, after label: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        var token = String(rest.prefix { "+-.0123456789".contains($0) })
        while token.hasSuffix(".") { token.removeLast() } // the sentence's full stop
        return Double(token)
    }

    @Test("per provider: paired n and mean change, UCLA-3 and SWEMWBS")
    func pairedChange() throws {
        let report = try Self.json(["change", "Samples/service-outcomes.csv", "--from", "baseline", "--to", "follow-up", "--by", "provider"])
        let groups = try #require(report["groups"] as? [[String: Any]])
        var checked = 0
        for note in try Self.notes() {
            guard let group = groups.first(where: { ($0["provider"] as? String).map { note.hasPrefix($0 + ":") } ?? false }) else { continue }
            let scales = try #require(group["scales"] as? [[String: Any]])
            for (scale, label) in [("ons-loneliness.ucla3", "paired UCLA-3 n"), ("swemwbs.metric", "paired SWEMWBS n")] {
                let s = try #require(scales.first { $0["scale"] as? String == scale })
                #expect(Double(s["paired"] as? Int ?? -1) == Self.number(note, after: label))
                let change = try #require(note.range(of: label).map { String(note[$0.upperBound...]) })
                let expected = try #require(Self.number(change, after: "mean change"))
                let actual = try #require(s["mean_change"] as? Double)
                #expect(abs(actual - expected) <= 0.005 + 1e-9, "\(scale): \(actual) vs \(expected)")
                checked += 1
            }
        }
        #expect(checked == 8)
    }

    @Test("baseline-adjusted mean change per provider and the slope", arguments: [("swemwbs", "SWEMWBS metric"), ("ons-loneliness.ucla3", "UCLA-3")])
    func adjusted(instrument: String, name: String) throws {
        let note = try #require(try Self.notes().first { $0.hasPrefix("Baseline-adjusted comparison, \(name) ") })
        let report = try Self.json([
            "compare", "Samples/service-outcomes.csv", "--by", "provider", "--instrument", instrument,
            "--from", "baseline", "--to", "follow-up"
        ])
        let adjusted = try #require(report["adjusted"] as? [String: Any])
        let slope = try #require(
            (adjusted["coefficients"] as? [[String: Any]])?.first { $0["term"] as? String == "baseline" }?["estimate"] as? Double)
        #expect(abs(slope - (Self.number(note, after: "slope") ?? .nan)) <= 0.0005 + 1e-9)
        #expect(abs((adjusted["baseline_mean"] as? Double ?? .nan) - (Self.number(note, after: "pooled paired mean") ?? .nan)) <= 0.005 + 1e-9)
        let rows = try #require(adjusted["providers"] as? [[String: Any]])
        #expect(rows.count == 4)
        for row in rows {
            let provider = try #require(row["provider"] as? String)
            let expected = try #require(Self.number(note, after: provider))
            let actual = try #require(row["adjusted_change"] as? Double)
            #expect(abs(actual - expected) <= 0.005 + 1e-9, "\(provider): \(actual) vs \(expected)")
        }
    }
}
