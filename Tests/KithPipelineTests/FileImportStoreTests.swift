import Foundation
import Kith
import KithStore
import KithTestSupport
import Testing

@Suite("File import into a store: idempotent, overlapping, conflicts, undo")
struct FileImportStoreTests {
    @Test("the same file again adds nothing, and says so")
    func idempotent() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try panelExport(rows: 1...40, in: folder)
        let first = try importFile(file, store: store)
        #expect(first.added == 40)
        #expect(first.batch == 1)
        let again = try importFile(file, store: store)
        #expect(again.batch == nil, "nothing added: no batch")
        #expect(again.unchanged == 40, "already stored")
        #expect(again.sameFileAs == [1], "already imported as batch 1")
        #expect(try responseCount(store) == 40)
        #expect(try Store.open(path: store).batches(survey: "Panel").count == 1, "no empty batch is recorded")
    }

    @Test("a response id repeated after thousands of rows in a new survey: found, and every row around it stored whole")
    func repeatAcrossBlocks() throws {
        let folder = try temporaryFolder()
        // 5,000 rows cross the writer's blocks; the repeat of R10 turns bulk mode off mid-block.
        let plain = try panelExport(rows: 1...5001, in: folder, name: "plain.csv")
        var text = try String(contentsOfFile: plain, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let repeated = lines[10] // R10
        lines.insert(repeated, at: 5001) // just before R5001
        text = lines.joined(separator: "\n")
        let withRepeat = folder.appendingPathComponent("repeat.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: withRepeat))
        let one = folder.appendingPathComponent("one.sqlite").path
        let two = folder.appendingPathComponent("two.sqlite").path
        let first = try importFile(withRepeat, store: one)
        #expect(first.added == 5001)
        #expect(first.repeatedInFile == 1)
        try importFile(plain, store: two)
        // Same answers and scores, row for row (the repeat aside), as an import without it.
        struct AnswersAndScores: Equatable {
            var cells: [String]
            var scores: [AnswerCoding.StoredScore?]
        }
        func answersAndScores(_ store: String) throws -> [AnswersAndScores] {
            try readBack(store).rows.map { AnswersAndScores(cells: $0.cells, scores: $0.scores) }
        }
        let stored = try answersAndScores(one)
        #expect(stored.count == 5001)
        #expect(stored == (try answersAndScores(two)))
    }

    @Test("an overlapping export adds only the new responses")
    func overlapping() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(try panelExport(rows: 1...30, in: folder, name: "march.csv"), store: store)
        let april = try importFile(try panelExport(rows: 21...50, in: folder, name: "april.csv"), store: store)
        #expect(april.added == 20)
        #expect(april.unchanged == 10)
        #expect(try responseCount(store) == 50)
    }

    @Test("changed answers: fail imports nothing and lists the rows")
    func conflictFail() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(try panelExport(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let changed = try panelExport(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv")
        #expect {
            try importFile(changed, store: store)
        } throws: { error in
            guard case StoreError.conflicts(let count, let rows) = error else { return false }
            return count == 2 && rows == [5, 7]
                && "\(error)".contains("2 responses are already in the store with different answers (data rows 5, 7); nothing was imported")
        }
        #expect(try responseCount(store) == 30, "nothing of the file landed, not even the 10 new rows")
    }

    @Test("changed answers: keep keeps the stored answers")
    func conflictKeep() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(try panelExport(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let result = try importFile(
            try panelExport(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv"), store: store,
            target: ImportTarget(survey: "Panel", onConflict: .keep))
        #expect(result.added == 10)
        #expect(result.kept == 2)
        #expect(result.unchanged == 28)
    }

    @Test("changed answers: replace takes the file's, and undo puts the old ones back")
    func conflictReplaceAndUndo() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(try panelExport(rows: 1...30, in: folder, name: "a.csv"), store: store)
        let before = try readBack(store)
        let result = try importFile(
            try panelExport(rows: 1...40, changedAnswers: [5, 7], in: folder, name: "b.csv"), store: store,
            target: ImportTarget(survey: "Panel", onConflict: .replace))
        #expect(result.replaced == 2)
        #expect(result.added == 10)
        #expect(try responseCount(store) == 40)
        // What each batch holds now: batch 1 lost the 2 that batch 2 replaced.
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.responses) == [28, 12])
        let undo = try Store.open(path: store, create: false).undo(batch: 2)
        #expect(undo.batch == 2 && undo.survey == "Panel")
        #expect(undo.removed == 10, "10 responses removed")
        #expect(undo.restored == 2, "2 replaced responses put back")
        #expect(try readBack(store) == before)
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.responses) == [30, 0])
    }

    @Test("undo: a batch other batches replaced cannot be undone first; an undone batch cannot be undone twice")
    func undoOrder() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        func undo(_ batch: Int) throws -> UndoReport { try Store.open(path: store, create: false).undo(batch: batch) }
        try importFile(try panelExport(rows: 1...10, in: folder, name: "a.csv"), store: store)
        try importFile(
            try panelExport(rows: 1...10, changedAnswers: [3], in: folder, name: "b.csv"), store: store,
            target: ImportTarget(survey: "Panel", onConflict: .replace))
        #expect {
            try undo(1)
        } throws: { error in
            guard case StoreError.cannotUndo(batch: 1, _) = error else { return false }
            return "\(error)".contains("batch 1 cannot be undone: later batch 2 replaced responses it added; undo that first")
        }
        #expect(try undo(2).batch == 2)
        #expect {
            try undo(2)
        } throws: { error in
            guard case StoreError.cannotUndo(batch: 2, _) = error else { return false }
            return "\(error)".contains("batch 2 cannot be undone: it was undone at")
        }
        #expect(try undo(1).batch == 1)
        #expect(try responseCount(store) == 0)
        #expect {
            try undo(9)
        } throws: { error in
            guard case StoreError.noSuchBatch(9) = error else { return false }
            return true
        }
        // After an undo the same file imports again.
        #expect(try importFile(try panelExport(rows: 1...10, in: folder, name: "a.csv"), store: store).added == 10)
    }

    @Test("surveys and batches list what was imported")
    func listing() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(
            try panelExport(rows: 1...12, in: folder), store: store,
            target: ImportTarget(survey: "Panel", kind: .citizensPanel, invited: 40), batch: BatchSettings(wave: "spring"))
        let list = try Store.open(path: store, create: false).surveys()
        #expect(list.first?.survey.name == "Panel")
        #expect(list.first?.survey.kind.rawValue == "citizens-panel")
        #expect(list.first?.survey.invited == 40)
        #expect(list.first?.responses == 12)
        #expect(list.first?.waves == ["spring"])
        let batch = try #require(try Store.open(path: store, create: false).batches(survey: "Panel").first)
        #expect(batch.fileName == "export.csv")
        #expect(batch.sha256.count == 64)
        #expect(batch.added == 12)
        #expect {
            try Store.open(path: store, create: false).batches(survey: "Nope")
        } throws: { error in
            guard case StoreError.noSuchSurvey("Nope", _) = error else { return false }
            return "\(error)".contains("no survey 'Nope' in the store; it has: Panel")
        }
    }
}

@Suite("File import privacy: keyed identifiers, dropped columns, owner-only files")
struct FileImportPrivacyTests {
    func storeBytes(_ path: String) throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: path + "-wal")) { data.append(wal) }
        return data
    }

    @Test("ids are stored as keyed hashes and e-mail columns are dropped")
    func hashedAndDropped() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let result = try importFile(try panelExport(rows: 1...20, in: folder), store: store)
        #expect(result.columnsDropped == ["Email"])
        let bytes = try storeBytes(store)
        #expect(bytes.range(of: Data("R17".utf8)) == nil, "respondent ids are not stored as given")
        #expect(bytes.range(of: Data("person17@example.org".utf8)) == nil, "e-mail addresses are not stored")
        let stored = try readBack(store)
        #expect(!stored.texts.contains { $0.contains("example.org") })
        #expect(!stored.questions.contains { $0.contains("Email") })
    }

    @Test("the batch records the file's SHA-256 and size")
    func fileFingerprint() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = try panelExport(rows: 1...2_000, in: folder)
        try importFile(file, store: store)
        let batch = try #require(try Store.open(path: store, create: false).batches(survey: "Panel").first)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(batch.sha256 == Hex.encode(SHA256.hash(Array(data))))
        #expect(batch.bytes == data.count)
    }

    @Test("keeping ids and naming a column to keep keep them, on purpose")
    func keptOnPurpose() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let result = try importFile(
            try panelExport(rows: 1...20, in: folder), store: store, target: ImportTarget(survey: "Panel", keepIDs: true), keepColumns: ["email"])
        #expect(result.columnsDropped == [])
        let stored = try readBack(store)
        #expect(stored.rows.contains { $0.sourceID == "R17" })
        #expect(stored.rows.contains { $0.cells.contains("person17@example.org") })
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
            #expect(try importFile(file.path, store: store).added == 3)
            keys.append(try readBack(store).rows.compactMap(\.person))
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
        try importFile(try panelExport(rows: 1...5, in: folder), store: store)
        #expect(try FileSecurity.permissions(of: store).rawValue == 0o600)
        #expect(try FileSecurity.permissions(of: StoreSecret.path(besides: store)).rawValue == 0o600)
    }
}
