import Foundation
import Kith
import KithStore
import KithTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("File import durability: atomic imports, concurrent processes, upgraded stores, rescore", .serialized)
struct FileImportDurabilityTests {
    /// Imports `file` into survey "Panel" of `store` in a child process (an exit test), which is
    /// killed with SIGKILL as soon as the file at `watched` is bigger than `bytes`: a thread of its
    /// own looks every 2 ms, as a watching parent would, and the import knows nothing of it.
    private func killImport(of file: String, into store: String, onceBigger watched: String, than bytes: Int) async {
        await #expect(processExitsWith: .signal(SIGKILL), "the import finished before it could be killed; make the file bigger") {
            [file = file as String, store = store as String, watched = watched as String, bytes = bytes as Int] in
            Thread {
                while true {
                    let size = ((try? FileManager.default.attributesOfItem(atPath: watched)[.size]) as? Int) ?? 0
                    if size > bytes { kill(getpid(), SIGKILL) } // killed while writing
                    usleep(2_000)
                }
            }.start()
            try importFile(file, store: store)
        }
    }

    @Test("a child killed with SIGKILL mid-import leaves the store as it was, and sound")
    func killedMidImport() async throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        try importFile(try panelExport(rows: 1...50, in: folder, name: "first.csv"), store: store)
        let before = try readBack(store)
        let big = try panelExport(rows: 1_000...201_000, in: folder, name: "big.csv")

        // Killed once the import holds the write transaction (its WAL file grows).
        await killImport(of: big, into: store, onceBigger: store + "-wal", than: 2_000_000)

        let opened = try Store.open(path: store)
        #expect(try opened.integrityCheck() == ["ok"])
        #expect(try opened.batches(survey: "Panel").count == 1)
        #expect(try readBack(store) == before)
    }

    /// A new store takes its first import in rollback-journal mode (Store.open), so this
    /// is the other half of the test above: SQLite's hot journal must undo the import.
    @Test("a child killed with SIGKILL mid-way through a new store's first import leaves an empty, sound store")
    func killedMidFirstImport() async throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let big = try panelExport(rows: 1_000...201_000, in: folder, name: "big.csv")
        // Killed once rows are being written into the file itself.
        await killImport(of: big, into: store, onceBigger: store, than: 4_000_000)
        #expect(FileManager.default.fileExists(atPath: store + "-journal"), "a hot journal is left to undo the import")
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"))

        let opened = try Store.open(path: store)
        #expect(try opened.integrityCheck() == ["ok"])
        #expect(try opened.surveys().isEmpty)
        #expect(try responseCount(store) == 0)
        // And the next import lands, in WAL mode.
        #expect(try importFile(try panelExport(rows: 1...5, in: folder), store: store).added == 5)
        #expect(try Database.open(path: store, mode: .readOnly).journalMode() == .wal)
    }

    @Test("a new store is in WAL mode once its first import has landed, with owner-only files")
    func newStoreEndsInWAL() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        #expect(try importFile(try panelExport(rows: 1...50, in: folder), store: store).added == 50)
        #expect(try Database.open(path: store, mode: .readOnly).journalMode() == .wal)
        #expect(!FileManager.default.fileExists(atPath: store + "-journal"))
        let permissions = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test("two processes importing into one store at once both land, whole")
    func concurrentImports() async throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let files = [
            try panelExport(rows: 1...20_000, in: folder, name: "a.csv"), try panelExport(rows: 30_001...50_000, in: folder, name: "b.csv")
        ]
        // Each import in a child process of its own (exit tests), both started at once; each exits 0.
        await withTaskGroup(of: Void.self) { group in
            for file in files {
                group.addTask {
                    await #expect(processExitsWith: .success) { [file = file as String, store = store as String] in
                        try importFile(file, store: store)
                    }
                }
            }
        }
        #expect(try responseCount(store) == 40_000)
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.added).sorted() == [20_000, 20_000])
        #expect(try Store.open(path: store).integrityCheck() == ["ok"])
    }

    @Test("a store made at every earlier schema version upgrades, then takes imports", arguments: 1..<Store.latestSchemaVersion)
    func importsAfterMigration(from version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("old.sqlite").path
        try StoreTesting.createStore(at: path, version: version)
        let store = try Store.open(path: path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try importFile(try panelExport(rows: 1...5, in: folder), store: path).added == 5)
    }

    @Test("rescore reads stored answers again with a newer definition and records its version")
    func rescore() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = folder.appendingPathComponent("a.csv")
        try Data("ID,How often do you feel lonely?\nA,Often/always\nB,Now and then\n".utf8).write(to: file)
        try importFile(file.path, store: store)
        // Row B: 'Now and then' is no label of the item, so kept as text; UCLA-3 incomplete, the direct question invalid.
        func rowB() throws -> (survey: StoredSurvey, row: StoredRow) {
            let survey = try readBack(store)
            #expect(survey.scales == ["ons-loneliness.ucla3", "ons-loneliness.direct"])
            return (survey, try #require(survey.rows.first { $0.cells.last == "Now and then" }))
        }
        func score(_ scale: String) throws -> AnswerCoding.StoredScore {
            let read = try rowB()
            return try #require(read.survey.score(read.row, scale), "\(scale)")
        }
        #expect(try score("ons-loneliness.ucla3") == AnswerCoding.StoredScore(status: .incomplete, value: nil, raw: nil))
        #expect(try score("ons-loneliness.direct") == AnswerCoding.StoredScore(status: .invalid, value: nil, raw: nil))

        // A newer definition knows "Now and then" as Occasionally (3).
        let definitions = folder.appendingPathComponent("defs")
        try FileManager.default.createDirectory(at: definitions, withIntermediateDirectories: true)
        var text = try String(contentsOf: packageRoot.appendingPathComponent("Instruments/ons-loneliness.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"1.1.0\"")
        text = text.replacingOccurrences(
            of: "\"label\": \"Occasionally\",\n        \"aliases\": []", with: "\"label\": \"Occasionally\",\n        \"aliases\": [\"Now and then\"]"
        )
        #expect(text.contains("Now and then"), "the fixture edit applies")
        try Data(text.utf8).write(to: definitions.appendingPathComponent("ons-loneliness.json"))
        let catalog = try Catalog.load(directories: [definitions.path])
        let report = try Store.open(path: store, create: false).rescore(survey: "Panel", catalog: catalog)
        #expect(report.changed == 1)
        #expect(report.scales.first?.instrumentVersion == "1.1.0")
        #expect(try score("ons-loneliness.ucla3") == AnswerCoding.StoredScore(status: .incomplete, value: nil, raw: nil))
        #expect(try score("ons-loneliness.direct") == AnswerCoding.StoredScore(status: .complete, value: 3, raw: nil))
    }
}
