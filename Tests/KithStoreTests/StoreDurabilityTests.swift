import Foundation
import KithCLI
import KithStore
import KithTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Store durability: atomic imports, concurrent processes, migrations, rescore", .serialized)
struct StoreDurabilityTests {
    /// Runs `kith import FILE --survey Panel --store STORE` in a child process and kills it
    /// with SIGKILL as soon as the file at `watched` is bigger than `bytes`.
    private func killImport(of file: String, into store: String, onceBigger watched: String, than bytes: Int) throws {
        let process = Process()
        process.executableURL = kithExecutable
        process.arguments = ["import", file, "--survey", "Panel", "--store", store]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var size = 0
        while Date() < deadline, process.isRunning {
            size = ((try? FileManager.default.attributesOfItem(atPath: watched)[.size]) as? Int) ?? 0
            if size > bytes { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "the import finished before it could be killed; make the file bigger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(size > bytes, "killed while writing")
    }

    @Test("a child killed with SIGKILL mid-import leaves the store as it was, and sound")
    func killedMidImport() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        _ = try importJSON(try exportFile(rows: 1...50, in: folder, name: "first.csv"), store: store)
        let before = kith("export", "--survey", "Panel", "--store", store).out
        let big = try exportFile(rows: 1_000...201_000, in: folder, name: "big.csv")

        // Killed once the import holds the write transaction (its WAL file grows).
        try killImport(of: big, into: store, onceBigger: store + "-wal", than: 2_000_000)

        let opened = try Store.open(path: store)
        #expect(try opened.integrityCheck() == ["ok"])
        #expect(try opened.batches(survey: "Panel").count == 1)
        #expect(kith("export", "--survey", "Panel", "--store", store).out == before)
    }

    /// A new store takes its first import in rollback-journal mode (Store.open), so this
    /// is the other half of the test above: SQLite's hot journal must undo the import.
    @Test("a child killed with SIGKILL mid-way through a new store's first import leaves an empty, sound store")
    func killedMidFirstImport() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let big = try exportFile(rows: 1_000...201_000, in: folder, name: "big.csv")
        // Killed once rows are being written into the file itself.
        try killImport(of: big, into: store, onceBigger: store, than: 4_000_000)
        #expect(FileManager.default.fileExists(atPath: store + "-journal"), "a hot journal is left to undo the import")
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"))

        let opened = try Store.open(path: store)
        #expect(try opened.integrityCheck() == ["ok"])
        #expect(try opened.surveys().isEmpty)
        #expect(try responseCount(store) == 0)
        // And the next import lands, in WAL mode.
        #expect(try importJSON(try exportFile(rows: 1...5, in: folder), store: store).report["added"] as? Int == 5)
        #expect(try Database.open(path: store, mode: .readOnly).journalMode() == .wal)
    }

    @Test("a new store is in WAL mode once its first import has landed, with owner-only files")
    func newStoreEndsInWAL() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        #expect(try importJSON(try exportFile(rows: 1...50, in: folder), store: store).report["added"] as? Int == 50)
        #expect(try Database.open(path: store, mode: .readOnly).journalMode() == .wal)
        #expect(!FileManager.default.fileExists(atPath: store + "-journal"))
        let permissions = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test("two processes importing into one store at once both land, whole")
    func concurrentImports() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let files = [try exportFile(rows: 1...20_000, in: folder, name: "a.csv"), try exportFile(rows: 30_001...50_000, in: folder, name: "b.csv")]
        let processes = try files.map { file -> Process in
            let process = Process()
            process.executableURL = kithExecutable
            process.arguments = ["import", file, "--survey", "Panel", "--store", store]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        #expect(try responseCount(store) == 40_000)
        #expect(try Store.open(path: store).batches(survey: "Panel").map(\.added).sorted() == [20_000, 20_000])
        #expect(try Store.open(path: store).integrityCheck() == ["ok"])
    }

    @Test("a store made at every earlier schema version upgrades, keeping its data", arguments: 1..<Store.latestSchemaVersion)
    func migrations(from version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("old.sqlite").path
        try StoreTesting.createStore(at: path, version: version)
        let store = try Store.open(path: path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try store.surveys().map(\.survey.name) == ["Old"])
        #expect(try store.integrityCheck() == ["ok"])
        // And it takes imports afterwards.
        #expect(try importJSON(try exportFile(rows: 1...5, in: folder), store: path).report["added"] as? Int == 5)
    }

    @Test("a store from a newer Kith is refused, not damaged")
    func newerStore() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("new.sqlite").path
        try StoreTesting.createStore(at: path, version: Store.latestSchemaVersion)
        try StoreTesting.setUserVersion(path, Store.latestSchemaVersion + 1)
        #expect { try Store.open(path: path) } throws: { "\($0)".contains("newer") }
        let run = kith("surveys", "--store", path)
        #expect(run.status == .noInput || run.status == .data)
    }

    @Test("rescore reads stored answers again with a newer definition and records its version")
    func rescore() throws {
        let folder = try temporaryFolder()
        let store = folder.appendingPathComponent("kith.sqlite").path
        let file = folder.appendingPathComponent("a.csv")
        try Data("ID,How often do you feel lonely?\nA,Often/always\nB,Now and then\n".utf8).write(to: file)
        let first = kith("import", file.path, "--survey", "Panel", "--store", store)
        #expect(first.status == .ok)
        #expect(kith("export", "--survey", "Panel", "--store", store).out.contains(",Now and then,,incomplete,,invalid\n"))

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
        let rescore = kith("rescore", "--survey", "Panel", "--store", store, "--instruments", definitions.path, "--format", "json")
        #expect(rescore.status == .ok, "\(rescore.err)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(rescore.out.utf8)) as? [String: Any])
        #expect(report["changed"] as? Int == 1)
        #expect((report["scales"] as? [[String: String]])?.first?["instrument_version"] == "1.1.0")
        #expect(kith("export", "--survey", "Panel", "--store", store).out.contains(",Now and then,,incomplete,3,complete\n"))
    }
}
