/// Helpers for tests of stores made by earlier versions (not part of the supported API).
package enum StoreTesting {
    /// Creates a store at an earlier schema `version` holding one survey, "Old".
    package static func createStore(at path: String, version: Int) throws {
        let db = try Database.open(path: path, mode: .create)
        _ = try Schema.migrator.migrate(db, upTo: version)
        try db.execute("INSERT INTO survey (name, kind, created_at) VALUES ('Old', 'e-survey', '2026-01-01T00:00:00Z')")
    }

    /// Sets `PRAGMA user_version` directly (to fake a store from a newer Kith).
    package static func setUserVersion(_ path: String, _ version: Int) throws {
        try Database.open(path: path, mode: .readWrite).setUserVersion(version)
    }
}
