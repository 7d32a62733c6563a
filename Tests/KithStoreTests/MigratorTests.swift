import Foundation
import KithStore
import Testing

@Suite("Migrator")
struct MigratorTests {
    /// (version applied, user_version seen when it started, was in a transaction)
    typealias Log = LockedBox<[(version: Int, userVersionBefore: Int, inTransaction: Bool)]>

    /// Three migrations where each needs the previous ones, logging as they run.
    static func migrations(log: Log = Log([])) -> [Migration] {
        func logged(_ version: Int, _ name: String, _ sql: String) -> Migration {
            Migration(version: version, name: name) { db in
                let before = try db.userVersion()
                let inTransaction = db.isInTransaction
                log.mutate { $0.append((version, before, inTransaction)) }
                try db.execute(sql: sql)
            }
        }
        return [logged(1, "respondents", sql[0]), logged(2, "responses", sql[1]), logged(3, "waves", sql[2])]
    }

    static let sql = [
        "CREATE TABLE respondent(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);",
        """
        CREATE TABLE response(respondent INTEGER NOT NULL REFERENCES respondent(id), item TEXT NOT NULL, value INTEGER);
        CREATE INDEX response_by_respondent ON response(respondent);
        """,
        "ALTER TABLE respondent ADD COLUMN wave INTEGER NOT NULL DEFAULT 1; UPDATE respondent SET wave = 1;"
    ]

    private func schema(_ db: Database) throws -> [String] {
        try db.query("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name") { $0.string(at: 0)! }
    }

    @Test("applies migrations in order, each in its own transaction that bumps user_version")
    func appliesInOrder() throws {
        let log = Log([])
        let migrator = Migrator(Self.migrations(log: log))
        let db = try Database.open(path: ":memory:")
        #expect(migrator.latestVersion == 3)
        #expect(try migrator.migrate(db) == [1, 2, 3])
        #expect(try db.userVersion() == 3)
        let entries = log.get()
        #expect(entries.map(\.version) == [1, 2, 3])
        #expect(entries.map(\.userVersionBefore) == [0, 1, 2])
        #expect(entries.allSatisfy { $0.inTransaction })
        #expect(!db.isInTransaction)
        #expect(try schema(db).contains { $0.hasPrefix("index response_by_respondent") })
    }

    @Test("is idempotent")
    func idempotent() throws {
        let log = Log([])
        let migrator = Migrator(Self.migrations(log: log))
        let db = try Database.open(path: ":memory:")
        try migrator.migrate(db)
        let before = try schema(db)
        #expect(try migrator.migrate(db) == [])
        #expect(try migrator.migrate(db) == [])
        #expect(log.get().count == 3)
        #expect(try schema(db) == before)
        #expect(try db.userVersion() == 3)
    }

    @Test("upgrades a database from every earlier version, keeping its data", arguments: 0...3)
    func upgradesFromEveryVersion(start: Int) throws {
        let migrator = Migrator(Self.migrations())
        let fresh = try Database.open(path: ":memory:")
        try migrator.migrate(fresh)

        let db = try Database.open(path: ":memory:")
        #expect(try migrator.migrate(db, upTo: start) == Array(1..<(start + 1)))
        #expect(try db.userVersion() == start)
        if start >= 1 { try db.execute("INSERT INTO respondent(id, key) VALUES (?, ?)", 1, "k1") }
        if start >= 2 { try db.execute("INSERT INTO response VALUES (?, ?, ?)", 1, "q1", 3) }

        #expect(try migrator.migrate(db) == Array((start + 1)..<4))
        #expect(try db.userVersion() == 3)
        #expect(try schema(db) == schema(fresh))
        if start >= 1 {
            #expect(try db.query("SELECT key, wave FROM respondent") { "\($0.string(at: 0)!)/\($0.int(at: 1)!)" } == ["k1/1"])
        }
    }

    @Test("refuses a database created by a newer Kith, without changing it")
    func rejectsNewerDatabase() throws {
        let migrator = Migrator(Self.migrations())
        let db = try Database.open(path: ":memory:")
        try db.setUserVersion(4)
        let error = try #require(throws: MigrationError.self) { try migrator.migrate(db) }
        guard case .databaseIsNewer(let found, let known) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(found == 4 && known == 3)
        #expect(error.description.contains("newer Kith"))
        #expect(try schema(db).isEmpty)
        #expect(try db.userVersion() == 4)
    }

    @Test("a failing migration is rolled back and the database stays at the last good version")
    func failureRollsBack() throws {
        let broken = Migrator([
            Self.migrations()[0],
            Migration(version: 2, name: "half broken", sql: "CREATE TABLE extra(x); CREATE TABLE oops(;")
        ])
        let db = try Database.open(path: ":memory:")
        let error = try #require(throws: MigrationError.self) { try broken.migrate(db) }
        guard case .migrationFailed(let version, let name, let underlying) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(version == 2 && name == "half broken")
        #expect(underlying is SQLiteError)
        #expect(try db.userVersion() == 1)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'", as: Int.self) == 0)
        #expect(!db.isInTransaction)

        // A fixed build carries on from version 1.
        #expect(try Migrator(Self.migrations()).migrate(db) == [2, 3])
    }

    @Test("rejects a migration list not numbered 1, 2, 3... and unknown targets")
    func invalidList() throws {
        let db = try Database.open(path: ":memory:")
        let m = Self.migrations()
        for list in [[m[1]], [m[0], m[2]], [m[1], m[0]], [m[0], m[0]]] {
            let error = try #require(throws: MigrationError.self) { try Migrator(list).migrate(db) }
            guard case .invalidMigrationList = error else {
                Issue.record("unexpected \(error)")
                continue
            }
        }
        #expect(throws: MigrationError.self) { try Migrator(m).migrate(db, upTo: 4) }
        #expect(throws: MigrationError.self) { try Migrator(m).migrate(db, upTo: -1) }
        #expect(try db.userVersion() == 0)
        #expect(try Migrator([]).migrate(db) == [])
    }

    @Test("a migration that another process applied while this one waited for the lock is skipped")
    func concurrentMigrators() throws {
        try withTemporaryDatabase { db, path in
            let locked = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            let failure = LockedBox<(any Error)?>(nil)
            DispatchQueue.global().async {
                // Another Kith process: holds the write lock, migrates, commits.
                do {
                    let other = try Database.open(path: path, mode: .readWrite)
                    try other.execute(sql: "BEGIN IMMEDIATE")
                    locked.signal()
                    Thread.sleep(forTimeInterval: 0.4)
                    try other.execute(sql: Self.sql.joined(separator: "\n"))
                    try other.setUserVersion(3)
                    try other.execute(sql: "COMMIT")
                } catch {
                    locked.signal()
                    failure.set(error)
                }
                finished.signal()
            }
            locked.wait()
            // Reads user_version 0, then waits for the write lock; once it has
            // it, it must see version 3 and run nothing.
            let log = Log([])
            let applied = try Migrator(Self.migrations(log: log)).migrate(db)
            try #require(finished.wait(timeout: .now() + 20) == .success)
            #expect(failure.get() == nil)
            #expect(applied == [])
            #expect(log.get().isEmpty)
            #expect(try db.userVersion() == 3)
        }
    }
}
