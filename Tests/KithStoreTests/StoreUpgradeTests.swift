import Foundation
import KithStore
import KithTestSupport
import Testing

@Suite("Store upgrades: every earlier schema version upgrades; a newer store is refused")
struct StoreUpgradeTests {
    @Test("a store made at every earlier schema version upgrades, keeping its data", arguments: 1..<Store.latestSchemaVersion)
    func migrations(from version: Int) throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("old.sqlite").path
        try StoreTesting.createStore(at: path, version: version)
        let store = try Store.open(path: path)
        #expect(try store.schemaVersion() == Store.latestSchemaVersion)
        #expect(try store.surveys().map(\.survey.name) == ["Old"])
        #expect(try store.integrityCheck() == ["ok"])
        // That it takes imports afterwards: FileImportDurabilityTests (KithPipelineTests).
    }

    @Test("a store from a newer Kith is refused, not damaged")
    func newerStore() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("new.sqlite").path
        try StoreTesting.createStore(at: path, version: Store.latestSchemaVersion)
        try StoreTesting.setUserVersion(path, Store.latestSchemaVersion + 1)
        #expect { try Store.open(path: path) } throws: { "\($0)".contains("newer") }
        // What `kith surveys` says of it: the command line tests, StoreCommandTests.
    }
}
