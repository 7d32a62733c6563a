import Foundation
import Kith
import KithTestSupport
import Testing

private func samplePath(_ name: String) -> String { packageRoot.appendingPathComponent("Samples/\(name)").path }

/// The library's pipeline, used as an app would: no command line.
@Suite("Pipeline: files and collected answers into a store, scores by item id, temporary stores")
struct PipelineTests {
    let catalog = try! Catalog.builtIn()

    @Test("scoring keyed by item id equals scoring by slot, and misses are never zeros")
    func scoringByItemID() throws {
        let plan = try ScoringPlan(catalog: catalog, instruments: ["ons-loneliness"])
        let scores = try plan.score(codes: ["ucla3_1": 2, "ucla3_2": 3, "ucla3_3": 2])
        var slotted = plan.emptyAnswers()
        for (item, code) in ["ucla3_1": 2, "ucla3_2": 3, "ucla3_3": 2] { slotted[plan.slot(of: item)!] = .code(code) }
        #expect(scores == plan.score(slotted))
        let ucla = try #require(scores.first { $0.scale == "ons-loneliness.ucla3" })
        #expect(ucla.status == .complete)
        #expect(ucla.value == 7)
        let partial = try plan.score(codes: ["ucla3_1": 2, "ucla3_2": 3])
        #expect(partial.first { $0.scale == "ons-loneliness.ucla3" }?.value == nil)
    }

    @Test("an item id no scale reads is an error naming it")
    func unknownItem() throws {
        let plan = try ScoringPlan(catalog: catalog, instruments: ["ons-loneliness"])
        #expect(throws: InstrumentError.self) { try plan.score(codes: ["ucla3_9": 1]) }
        do {
            _ = try plan.score(codes: ["ucla_1": 1])
        } catch {
            #expect(error.description.contains("'ucla_1'"))
            #expect(error.kind == .unknown)
        }
    }

    @Test("a file imported through the library gives the command line's counts")
    func fileImportMatchesCommandLine() throws {
        let temporary = try TemporaryStore()
        let file = try FileImport(path: samplePath("kent-esurvey.csv"), catalog: catalog)
        let report = try file.store(into: temporary.store, target: ImportTarget(survey: "kent"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = kith(
            "import", samplePath("kent-esurvey.csv"), "--survey", "kent", "--format", "json",
            "--store", folder.appendingPathComponent("k.sqlite").path)
        #expect(cli.status == .ok)
        let json = try JSONSerialization.jsonObject(with: Data(cli.out.utf8)) as! [String: Any]
        #expect(report.added == json["added"] as? Int)
        #expect(report.rowsRead == json["rows_read"] as? Int)
        #expect(report.added > 0)
        let summary = try SummaryBuilder.build(
            store: temporary.store, survey: try temporary.store.survey(named: "kent"),
            options: SummaryOptions(policy: .none, catalog: catalog))
        #expect(summary.response.responses.shown == report.added)
    }

    @Test("answers an app collected are scored, stored as one batch, and not stored twice")
    func collectedResponses() throws {
        let temporary = try TemporaryStore()
        let plan = try ScoringPlan(catalog: catalog, instruments: ["ons-loneliness"])
        let responses = [
            CollectedResponse(
                id: "visit-1", person: "client-1", wave: "baseline", answers: ["ucla3_1": .code(3), "ucla3_2": .code(3), "ucla3_3": .code(3)]),
            CollectedResponse(
                id: "visit-2", person: "client-2", wave: "baseline", answers: ["ucla3_1": .code(1), "ucla3_2": .code(2), "ucla3_3": .code(1)]),
            CollectedResponse(id: "visit-3", person: "client-3", wave: "baseline", answers: ["ucla3_1": .code(2)])
        ]
        let target = ImportTarget(survey: "visits", kind: .serviceOutcomes)
        let first = try temporary.store.store(responses, plan: plan, target: target)
        #expect(first.added == 3)
        #expect(first.batch != nil)
        let again = try temporary.store.store(responses, plan: plan, target: target)
        #expect(again.added == 0)
        #expect(again.batch == nil)
        let summary = try SummaryBuilder.build(
            store: temporary.store, survey: try temporary.store.survey(named: "visits"),
            options: SummaryOptions(policy: .none, catalog: catalog))
        let ucla = try #require(summary.scales.first { $0.id == "ons-loneliness.ucla3" })
        // Two complete sets (9 and 4); the third answered one item of three and is not scored.
        #expect(ucla.scored.shown == 2)
        #expect(ucla.incomplete.shown == 1)
        #expect(ucla.statistics?.mean == 6.5)
        #expect(throws: InstrumentError.self) {
            try temporary.store.store([CollectedResponse(answers: ["nope": .code(1)])], plan: plan, target: target)
        }
        #expect(try temporary.store.responseCount(survey: try temporary.store.survey(named: "visits")) == 3)
    }

    @Test("a temporary store's folder is its owner's alone, and removed")
    func temporaryStoreFolder() throws {
        let temporary = try TemporaryStore()
        let folder = URL(fileURLWithPath: temporary.store.path).deletingLastPathComponent().path
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        temporary.remove()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
