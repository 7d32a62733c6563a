import Foundation
import Kith
import KithTestSupport
import Testing

@testable import KithStore

@Suite("File import: the keys stored for each response")
struct FileImportKeyTests {
    /// Every stored response's key and person key, in import order.
    func storedKeys(_ path: String) throws -> [(key: [UInt8], person: [UInt8]?)] {
        let store = try Store.open(path: path, create: false)
        var keys: [(key: [UInt8], person: [UInt8]?)] = []
        try store.forEachStoredRow(survey: try store.survey(named: "Panel").id, wave: nil) { _, row in
            keys.append((Array(row.key), row.personKey.map(Array.init)))
        }
        return keys
    }

    @Test("stored keys are the first 16 bytes of the pseudonymizer's keys: response id within its wave, person id, or content")
    func keysAsDefined() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("waves.csv")
        try Data("Response ID,Client ID,Wave,How often do you feel lonely?\nR1,C1,baseline,Often/always\nR2,C2,,Never\n".utf8).write(to: file)
        let noIDs = folder.appendingPathComponent("no-ids.csv")
        try Data("Client ID,Wave,How often do you feel lonely?\nC1,baseline,Often/always\nC2,,Never\n".utf8).write(to: noIDs)
        for (index, name) in [(0, "one.sqlite"), (1, "two.sqlite")] {
            let store = folder.appendingPathComponent(name).path
            #expect(try importFile([file.path, noIDs.path][index], store: store).added == 2)
            let pseudonymizer = Pseudonymizer(secret: try StoreSecret.loadOrCreate(besides: store))
            func expected(_ identifier: String, _ namespace: String) -> [UInt8] {
                Array(pseudonymizer.keyBytes(Array(identifier.utf8), namespace: namespace).prefix(16))
            }
            let keys = try storedKeys(store)
            #expect(keys.map(\.person) == [expected("C1", "person"), expected("C2", "person")])
            if index == 0 {
                #expect(keys.map(\.key) == [expected("R1\u{0}baseline", "respondent"), expected("R2", "respondent")], "no wave: no suffix")
            } else {
                #expect(
                    keys.map(\.key) == [expected("C1\u{0}baseline", "person-wave"), expected("C2\u{0}", "person-wave")], "no wave: NUL and nothing")
            }
        }
    }
}
