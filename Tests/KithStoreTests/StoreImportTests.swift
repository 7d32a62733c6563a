import Foundation
import KithCLI
import KithStore
import KithTestSupport
import Testing

/// A generic export with `rows` responses: an id column, an e-mail column, a
/// provider, the ONS items and a free-text comment.
func exportFile(rows: ClosedRange<Int>, changedAnswers: Set<Int> = [], in folder: URL, name: String = "export.csv") throws -> String {
    let labels = ["Hardly ever or never", "Some of the time", "Often"]
    let direct = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
    var text =
        "Respondent ID,Email,Provider,How often do you feel that you lack companionship?,How often do you feel left out?,How often do you feel isolated from others?,How often do you feel lonely?,Comments\n"
    for id in rows {
        let shift = changedAnswers.contains(id) ? 1 : 0
        text +=
            "R\(id),person\(id)@example.org,\(["North", "South"][id % 2]),\(labels[(id + shift) % 3]),\(labels[(id / 3) % 3]),\(labels[(id / 9) % 3]),\(direct[id % 5]),comment \(id)\n"
    }
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

func importJSON(_ file: String, store: String, _ extra: [String] = []) throws -> (status: ExitCode, report: [String: Any]) {
    let run = kith(["import", file, "--survey", "Panel", "--store", store, "--format", "json"] + extra)
    let report = (try? JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]) ?? ["stderr": run.err]
    return (run.status, report)
}

func responseCount(_ store: String) throws -> Int {
    let opened = try Store.open(path: store, create: false)
    return try opened.surveys().first { $0.survey.name == "Panel" }?.responses ?? 0
}

@Suite("kith import: idempotent, overlapping, conflicts, undo")
struct StoreImportTests {
    @Test("the same file again adds nothing, and says so")
    func idempotent() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try exportFile(rows: 1...40, in: folder)
        let first = try importJSON(file, store: store)
        #expect(first.status == .ok)
        #expect(first.report["added"] as? Int == 40)
        #expect(first.report["batch"] as? Int == 1)
        let again = kith("import", file, "--survey", "Panel", "--store", store)
        #expect(again.status == .ok)
        #expect(again.out.contains("Nothing added to survey 'Panel'"))
        #expect(again.out.contains("already stored     40"))
        #expect(again.err.contains("already imported into 'Panel' as batch 1"))
        #expect(try responseCount(store) == 40)
        #expect(try Store.open(path: store).batches(survey: "Panel").count == 1, "no empty batch is recorded")
    }

    @Test("a response id repeated after thousands of rows in a new survey: found, and every row around it stored whole")
    func repeatAcrossBlocks() throws {
        let folder = try temporaryFolder()
        // 5,000 rows cross the writer's blocks; the repeat of R10 turns bulk mode off mid-block.
        let plain = try exportFile(rows: 1...5001, in: folder, name: "plain.csv")
        var text = try String(contentsOfFile: plain, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let repeated = lines[10] // R10
        lines.insert(repeated, at: 5001) // just before R5001
        text = lines.joined(separator: "\n")
        let withRepeat = folder.appendingPathComponent("repeat.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: withRepeat))
        let one = folder.appendingPathComponent("one.sqlite").path
        let two = folder.appendingPathComponent("two.sqlite").path
        let first = try importJSON(withRepeat, store: one)
        #expect(first.status == .ok)
        #expect(first.report["added"] as? Int == 5001)
        #expect(first.report["repeated_in_file"] as? Int == 1)
        _ = try importJSON(plain, store: two)
        // Same answers and scores, row for row (the repeat aside), as an import without it.
        func answersAndScores(_ store: String) -> [String] {
            let run = kith("export", "--survey", "Panel", "--store", store, "--format", "csv")
            return run.out.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(12).joined(separator: ",")
            }
        }
        let stored = answersAndScores(one)
        #expect(stored.count == 5001)
        #expect(stored == answersAndScores(two))
    }

    @Test("an overlapping export adds only the new responses")
    func overlapping() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...30, in: folder, name: "march.csv"), store: store)
        let april = try importJSON(try exportFile(rows: 21...50, in: folder, name: "april.csv"), store: store)
        #expect(april.status == .ok)
        #expect(april.report["added"] as? Int == 20)
        #expect(april.report["unchanged"] as? Int == 10)
        #expect(try responseCount(store) == 50)
    }

    @Test("changed answers: fail imports nothing and lists the rows")
    func conflictFail() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let changed = try exportFile(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv")
        let run = kith("import", changed, "--survey", "Panel", "--store", store)
        #expect(run.status == .data)
        #expect(run.err.contains("2 responses are already in the store with different answers (data rows 5, 7); nothing was imported"))
        #expect(try responseCount(store) == 30, "nothing of the file landed, not even the 10 new rows")
    }

    @Test("changed answers: keep keeps the stored answers")
    func conflictKeep() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let result = try importJSON(
            try exportFile(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv"), store: store, ["--on-conflict", "keep"])
        #expect(result.status == .ok)
        #expect(result.report["added"] as? Int == 10)
        #expect(result.report["kept"] as? Int == 2)
        #expect(result.report["unchanged"] as? Int == 28)
    }

    @Test("changed answers: replace takes the file's, and undo puts the old ones back")
    func conflictReplaceAndUndo() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let before = kith("export", "--survey", "Panel", "--store", store).out
        let result = try importJSON(
            try exportFile(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv"), store: store, ["--on-conflict", "replace"])
        #expect(result.report["replaced"] as? Int == 2)
        #expect(result.report["added"] as? Int == 10)
        #expect(try responseCount(store) == 40)
        // What each batch holds now: batch 1 lost the 2 that batch 2 replaced.
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.responses) == [28, 12])
        let undo = kith("undo", "2", "--store", store)
        #expect(undo.status == .ok)
        #expect(undo.out.contains("Undid batch 2 of survey 'Panel': 10 responses removed, 2 replaced responses put back."))
        #expect(kith("export", "--survey", "Panel", "--store", store).out == before)
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.responses) == [30, 0])
    }

    @Test("undo: a batch other batches replaced cannot be undone first; an undone batch cannot be undone twice")
    func undoOrder() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...10, in: folder, name: "a.csv"), store: store)
        _ = try importJSON(try exportFile(rows: 1...10, changedAnswers: [3], in: folder, name: "b.csv"), store: store, ["--on-conflict", "replace"])
        let refused = kith("undo", "1", "--store", store)
        #expect(refused.status == .data)
        #expect(refused.err.contains("batch 1 cannot be undone: later batch 2 replaced responses it added; undo that first"))
        #expect(kith("undo", "2", "--store", store).status == .ok)
        #expect(kith("undo", "2", "--store", store).err.contains("batch 2 cannot be undone: it was undone at"))
        #expect(kith("undo", "1", "--store", store).status == .ok)
        #expect(try responseCount(store) == 0)
        #expect(kith("undo", "9", "--store", store).status == .usage)
        // After an undo the same file imports again.
        #expect(try importJSON(try exportFile(rows: 1...10, in: folder, name: "a.csv"), store: store).report["added"] as? Int == 10)
    }

    @Test("surveys and batches list what was imported")
    func listing() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(
            try exportFile(rows: 1...12, in: folder), store: store, ["--invited", "40", "--wave", "spring", "--kind", "citizens-panel"])
        let surveys = kith("surveys", "--store", store, "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(surveys.out.utf8)) as? [[String: Any]])
        #expect(list.first?["name"] as? String == "Panel")
        #expect(list.first?["kind"] as? String == "citizens-panel")
        #expect(list.first?["invited"] as? Int == 40)
        #expect(list.first?["responses"] as? Int == 12)
        #expect(list.first?["waves"] as? [String] == ["spring"])
        let batches = kith("batches", "--survey", "Panel", "--store", store, "--format", "json")
        let batch = try #require((try JSONSerialization.jsonObject(with: Data(batches.out.utf8)) as? [[String: Any]])?.first)
        #expect(batch["file"] as? String == "export.csv")
        #expect((batch["sha256"] as? String)?.count == 64)
        #expect(batch["added"] as? Int == 12)
        #expect(kith("batches", "--survey", "Nope", "--store", store).err.contains("no survey 'Nope' in the store; it has: Panel"))
    }
}

@Suite("Store privacy: keyed identifiers, dropped columns, owner-only files")
struct StorePrivacyTests {
    func storeBytes(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { data.append(wal) }
        return data
    }

    @Test("ids are stored as keyed hashes and e-mail columns are dropped")
    func hashedAndDropped() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let result = try importJSON(try exportFile(rows: 1...20, in: folder), store: store)
        #expect(result.report["columns_dropped"] as? [String] == ["Email"])
        let bytes = try storeBytes(store)
        #expect(bytes.range(of: Data("R17".utf8)) == nil, "respondent ids are not stored as given")
        #expect(bytes.range(of: Data("person17@example.org".utf8)) == nil, "e-mail addresses are not stored")
        let export = kith("export", "--survey", "Panel", "--store", store).out
        #expect(!export.contains("example.org"))
        #expect(!export.split(separator: "\n")[0].contains("Email"))
    }

    @Test("the batch records the file's SHA-256 and size")
    func fileFingerprint() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try exportFile(rows: 1...2_000, in: folder)
        #expect(try importJSON(file, store: store).status == .ok)
        let batches = kith("batches", "--survey", "Panel", "--store", store, "--format", "json").out
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(batches.contains("\"sha256\":\"\(Hex.encode(SHA256.hash(Array(data))))\""), "\(batches)")
        #expect(batches.contains("\"bytes\":\(data.count)"))
    }

    @Test("--keep-ids and --keep-column keep them, on purpose")
    func keptOnPurpose() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let result = try importJSON(try exportFile(rows: 1...20, in: folder), store: store, ["--keep-ids", "--keep-column", "email"])
        #expect(result.report["columns_dropped"] as? [String] == [])
        let export = kith("export", "--survey", "Panel", "--store", store).out
        #expect(export.contains(",R17,"))
        #expect(export.contains("person17@example.org"))
    }

    @Test("the same person gets the same key in one store, across waves, and a different key in another store")
    func keyedByStoreSecret() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("waves.csv")
        try Data("Client ID,Wave,How often do you feel lonely?\nC1,baseline,Often/always\nC2,baseline,Never\nC1,follow-up,Occasionally\n".utf8).write(
            to: file)
        var keys: [[String]] = []
        for name in ["one.sqlite", "two.sqlite"] {
            let store = folder.appendingPathComponent(name).path
            #expect(try importJSON(file.path, store: store).report["added"] as? Int == 3)
            let export = kith("export", "--survey", "Panel", "--store", store, "--format", "json").out
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(export.utf8)) as? [[String: Any]])
            keys.append(rows.compactMap { $0["person"] as? String })
        }
        #expect(keys[0].count == 3)
        #expect(keys[0][0] == keys[0][2], "C1 at both waves has one key")
        #expect(keys[0][0] != keys[0][1])
        #expect(Set(keys[0]).isDisjoint(with: keys[1]), "another store's secret gives other keys")
        #expect(!keys[0].contains("C1"))
    }

    @Test("the store and its secret are owner-only")
    func permissions() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...5, in: folder), store: store)
        #expect(try FileSecurity.permissions(of: store).rawValue == 0o600)
        #expect(try FileSecurity.permissions(of: StoreSecret.path(besides: store)).rawValue == 0o600)
    }

    @Test("the store path comes from --store, else $KITH_STORE, else ./kith.sqlite")
    func storePath() throws {
        let folder = try temporaryFolder()
        let file = try exportFile(rows: 1...5, in: folder)
        _ = kith(["import", file, "--survey", "Panel"], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("kith.sqlite").path))
        let elsewhere = folder.appendingPathComponent("env.sqlite").path
        _ = kith(["import", file, "--survey", "Panel"], environment: ["KITH_STORE": elsewhere], in: folder.path)
        #expect(FileManager.default.fileExists(atPath: elsewhere))
        #expect(kith(["surveys"], environment: ["KITH_STORE": folder.appendingPathComponent("none.sqlite").path], in: folder.path).status == .noInput)
    }
}
