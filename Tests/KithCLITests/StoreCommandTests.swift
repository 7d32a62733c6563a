import Foundation
import KithCLI
import KithStore
import KithTestSupport
import Testing

/// What the store commands print and how they exit. What the store holds after an import, an
/// undo or a conflict is tested through the library: FileImportStoreTests (KithPipelineTests).
@Suite("kith import, undo, surveys and batches: exit statuses and messages")
struct StoreCommandTests {
    func json<T>(_ run: KithRun, as type: T.Type = [String: Any].self) throws -> T {
        try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? T, "\(run.out)\(run.err)")
    }

    @Test("the same file again: nothing added, and a note names the batch that has it")
    func importAgain() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try panelExport(rows: 1...40, in: folder)
        let first = kith("import", file, "--survey", "Panel", "--store", store, "--format", "json")
        #expect(first.status == .ok)
        let report = try json(first)
        #expect(report["added"] as? Int == 40)
        #expect(report["batch"] as? Int == 1)
        let again = kith("import", file, "--survey", "Panel", "--store", store)
        #expect(again.status == .ok)
        #expect(again.out.contains("Nothing added to survey 'Panel'"))
        #expect(again.out.contains("already stored     40"))
        #expect(again.err.contains("already imported into 'Panel' as batch 1"))
    }

    @Test("conflicts and undo: data errors with what to do, usage errors for unknown batches and surveys")
    func conflictsAndUndo() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        #expect(kith("import", try panelExport(rows: 1...30, in: folder, name: "a.csv"), "--survey", "Panel", "--store", store).status == .ok)
        let changed = try panelExport(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv")
        let refused = kith("import", changed, "--survey", "Panel", "--store", store)
        #expect(refused.status == .data)
        #expect(refused.err.contains("2 responses are already in the store with different answers (data rows 5, 7); nothing was imported"))
        let replaced = kith("import", changed, "--survey", "Panel", "--store", store, "--on-conflict", "replace", "--format", "json")
        #expect(replaced.status == .ok)
        #expect(try json(replaced)["replaced"] as? Int == 2)
        let first = kith("undo", "1", "--store", store)
        #expect(first.status == .data)
        #expect(first.err.contains("batch 1 cannot be undone: later batch 2 replaced responses it added; undo that first"))
        let undo = kith("undo", "2", "--store", store)
        #expect(undo.status == .ok)
        #expect(undo.out.contains("Undid batch 2 of survey 'Panel': 10 responses removed, 2 replaced responses put back."))
        #expect(kith("undo", "2", "--store", store).err.contains("batch 2 cannot be undone: it was undone at"))
        #expect(kith("undo", "1", "--store", store).status == .ok)
        #expect(kith("undo", "9", "--store", store).status == .usage)
        #expect(kith("batches", "--survey", "Nope", "--store", store).err.contains("no survey 'Nope' in the store; it has: Panel"))
    }

    @Test("--format json: the import report, the surveys and the batches, with what was imported")
    func jsonListings() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try panelExport(rows: 1...12, in: folder)
        let imported = kith(
            "import", file, "--survey", "Panel", "--store", store, "--format", "json", "--invited", "40", "--wave", "spring", "--kind",
            "citizens-panel")
        let report = try json(imported)
        #expect(report["added"] as? Int == 12)
        #expect(report["columns_dropped"] as? [String] == ["Email"])
        let list = try json(kith("surveys", "--store", store, "--format", "json"), as: [[String: Any]].self)
        #expect(list.first?["name"] as? String == "Panel")
        #expect(list.first?["kind"] as? String == "citizens-panel")
        #expect(list.first?["invited"] as? Int == 40)
        #expect(list.first?["responses"] as? Int == 12)
        #expect(list.first?["waves"] as? [String] == ["spring"])
        let batches = kith("batches", "--survey", "Panel", "--store", store, "--format", "json")
        let batch = try #require(try json(batches, as: [[String: Any]].self).first)
        #expect(batch["file"] as? String == "export.csv")
        #expect(batch["added"] as? Int == 12)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(batches.out.contains("\"sha256\":\"\(Hex.encode(SHA256.hash(Array(data))))\""), "\(batches.out)")
        #expect(batches.out.contains("\"bytes\":\(data.count)"))
    }

    @Test("the store path comes from --store, else $KITH_STORE, else ./kith.sqlite")
    func storePath() throws {
        let folder = try temporaryFolder()
        let file = try panelExport(rows: 1...5, in: folder)
        _ = kith(["import", file, "--survey", "Panel"], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kith.sqlite").path))
        let elsewhere = folder.appendingPathComponent("env.sqlite").path
        _ = kith(["import", file, "--survey", "Panel"], environment: ["KITH_STORE": elsewhere], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(kith(["surveys"], environment: ["KITH_STORE": folder.appendingPathComponent("none.sqlite").path], in: folder.path).status == .noInput)
    }

    @Test("a store from a newer Kith: the command refuses it with a no-input or data status")
    func newerStore() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("new.sqlite").path
        try StoreTesting.createStore(at: path, version: Store.latestSchemaVersion)
        try StoreTesting.setUserVersion(path, Store.latestSchemaVersion + 1)
        let run = kith("surveys", "--store", path)
        #expect(run.status == .noInput || run.status == .data)
    }
}
