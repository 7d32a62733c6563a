import Foundation
import KithTestSupport
import Testing

/// A provider withheld for having too few clients must not be recoverable as
/// "all providers" minus the others.
@Suite("kith compare: a withheld provider is left out of 'all providers'")
struct ComparisonDisclosureTests {
    /// The service-outcomes sample with one provider cut to its first `keep` clients
    /// (left out altogether with `keep: 0`).
    func sample(cutting provider: String, keep: Int, in folder: URL) throws -> String {
        let lines = try String(contentsOf: packageRoot.appendingPathComponent("Samples/service-outcomes.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline) // CRLF is one Character
        var kept: [Substring] = [lines[0]]
        var clients: [Substring] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields[2] == provider {
                if !clients.contains(fields[0]) { clients.append(fields[0]) }
                if clients.firstIndex(of: fields[0])! >= keep { continue }
            }
            kept.append(line)
        }
        let path = folder.appendingPathComponent("outcomes-\(keep).csv").path
        try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func compare(_ file: String) throws -> [String: Any] {
        let run = kith(
            "compare", file, "--by", "provider", "--instrument", "swemwbs", "--from", "baseline", "--to", "follow-up", "--suppress", "min5",
            "--format", "json")
        #expect(run.status == .ok, "\(run.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    }

    @Test("'all' with 3 of Thanet's clients is 'all' without Thanet, and says so")
    func withheldProviderLeftOut() throws {
        let folder = try temporaryFolder()
        let small = try compare(try sample(cutting: "Thanet Together", keep: 3, in: folder))
        let without = try compare(try sample(cutting: "Thanet Together", keep: 0, in: folder))
        #expect(small["all_leaves_out"] as? [String] == ["Thanet Together"])
        #expect(without["all_leaves_out"] as? [String] == [])
        let thanet = try #require((small["providers"] as? [[String: Any]])?.first { $0["provider"] as? String == "Thanet Together" })
        #expect(thanet["baseline_mean"] is NSNull && thanet["paired"] is NSNull)
        let all = try #require(small["all"] as? [String: Any])
        let expected = try #require(without["all"] as? [String: Any])
        for key in ["baseline_n", "paired", "lost", "baseline_mean", "followup_mean", "mean_change"] {
            #expect("\(all[key] ?? "missing")" == "\(expected[key] ?? "missing")", "\(key)")
        }
        #expect((small["notes"] as? [String])?.contains { $0.hasPrefix("'All providers shown' leaves out Thanet Together") } == true)
    }
}
