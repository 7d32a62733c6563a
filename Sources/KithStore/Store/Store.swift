import Foundation

/// The durable response store: one SQLite file (WAL mode, owner-only
/// permissions) with a secret beside it for pseudonymising identifiers.
///
/// Surveys hold import batches; batches hold responses; each response keeps
/// its answers and its scores, and which definitions and policy scored it.
public final class Store {
    public let path: String
    let db: Database
    private var cachedPseudonymizer: Pseudonymizer?

    /// Opens the store at `path`, creating it (0600) and upgrading its schema as needed.
    ///
    /// - Parameter create: when false, a missing store is an error instead of a new file.
    public static func open(path: String, create: Bool = true) throws -> Store {
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.cannotOpen(path: path, reason: "no such store (importing a file creates one)")
        }
        let db: Database
        do {
            db = try Database.open(path: path, mode: create ? .create : .readWrite)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        try db.execute(sql: "PRAGMA foreign_keys = ON")
        if db.createdFile {
            // A store this process has just made takes its first import in rollback-journal
            // mode, then switches to WAL (`useWAL()`): the rows are written once, straight into
            // the file, instead of into the WAL and copied again at the checkpoint.
            // SQLite's journal still makes the import all-or-nothing; FULL syncs the journal
            // before the file is written and the file before the commit is reported.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Responses are blobs of hundreds of kilobytes (`ResponseBlock`): 16 KiB pages
            // carry them in a quarter of the pages, and writes, of 4 KiB.
            try db.execute(sql: "PRAGMA page_size = \(Store.pageSize)")
        } else {
            try useWAL(db)
        }
        // Responses are read and written a block at a time, in order: a small page cache
        // is enough, and keeps an import's memory flat.
        try db.execute(sql: "PRAGMA cache_size = \(Store.cacheSize)")
        do {
            _ = try Schema.migrator.migrate(db)
        } catch let error as MigrationError {
            throw StoreError.cannotOpen(path: path, reason: error.description)
        }
        return Store(path: path, db: db, usesWAL: !db.createdFile)
    }

    private init(path: String, db: Database, usesWAL: Bool) {
        self.path = path
        self.db = db
        self.usesWAL = usesWAL
    }

    /// False while a new store is in rollback-journal mode before its first import ends.
    private var usesWAL: Bool

    /// Puts a new store into WAL mode once its first import has committed
    /// (see `open`); does nothing for a store already in WAL mode. The import has
    /// landed by now, so this never fails it: if another process keeps the file busy
    /// for two seconds, the store stays as it is and the next `open` switches it.
    func finishCreating() {
        guard !usesWAL else { return }
        usesWAL = (try? Store.useWAL(db, patience: 2)) != nil
    }

    /// WAL mode (readers work while an import writes) with synchronous=NORMAL.
    private static func useWAL(_ db: Database, patience: TimeInterval = 30) throws {
        try switchToWAL(db, patience: patience)
        // WAL with synchronous=NORMAL never corrupts the store; a power cut can lose
        // only the last transactions, whole (an import lands entirely or not at all).
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }

    /// The schema version of the open store.
    public func schemaVersion() throws -> Int { try db.userVersion() }

    /// The newest schema version this build knows.
    public static var latestSchemaVersion: Int { Schema.migrator.latestVersion }

    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    public func integrityCheck() throws -> [String] { try db.integrityCheck() }

    /// The keyed hash used for identifiers; the secret is made on first use.
    func pseudonymizer() throws -> Pseudonymizer {
        if let cachedPseudonymizer { return cachedPseudonymizer }
        let made = Pseudonymizer(secret: try StoreSecret.loadOrCreate(besides: path))
        cachedPseudonymizer = made
        return made
    }

    /// Runs `body` in one write transaction, mapping a busy store to `StoreError.busy`.
    func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try db.transaction(.immediate, body)
        } catch let error as SQLiteError where error.isBusy {
            throw StoreError.busy(path: path)
        }
    }

    /// Puts the store into WAL mode. Two processes opening a new store at once
    /// race here, and SQLite answers the loser's `journal_mode` change with
    /// SQLITE_BUSY at once (no busy handler), as it does while the creator's
    /// first import holds the file in rollback-journal mode: wait, then look again.
    private static func switchToWAL(_ db: Database, patience: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            do {
                if try db.journalMode() == .wal { return }
                try db.setJournalMode(.wal)
            } catch let error as SQLiteError where error.isBusy && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Page cache, in SQLite's negative-KiB form: 8 MiB.
    static let cacheSize = -8192

    /// The page size of a new store's file.
    static let pageSize = 16384

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
