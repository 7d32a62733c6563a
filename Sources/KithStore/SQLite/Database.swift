import CSQLite
import KithCore

/// One SQLite connection.
///
///     let db = try Database.open(path: "kith.sqlite")
///     try db.setJournalMode(.wal)
///     try db.transaction {
///         try db.execute("INSERT INTO survey(name) VALUES (?)", "Loneliness 2025")
///     }
///     let count = try db.scalar("SELECT count(*) FROM survey", as: Int.self)
///
/// **Not `Sendable`, on purpose.** A connection and its statements carry
/// mutable state (statement cache, current row, open transaction) that
/// SQLite's own mutexes do not make safe to interleave, and the connection is
/// opened with `SQLITE_OPEN_NOMUTEX`. Use it from one isolation domain; to
/// share it, own it in an actor (or behind a `Mutex`) and expose operations,
/// not the `Database`. Two processes (or two connections) may share a store
/// file: the busy timeout makes one wait for the other's write lock.
package final class Database {
    package enum OpenMode: Sendable {
        /// Open an existing database for reading only.
        case readOnly
        /// Open an existing database for reading and writing.
        case readWrite
        /// Open for reading and writing, creating the file if needed. A new
        /// file is created owner-only (0600); SQLite gives its `-wal`, `-shm`
        /// and `-journal` files the same permissions.
        case create
    }

    /// How long to wait for another connection's lock before failing with
    /// `SQLITE_BUSY`. Long enough for a concurrent import's transaction to
    /// commit; short enough that a stuck process is noticed.
    package static let defaultBusyTimeout: Duration = .seconds(10)

    /// Statements kept by `prepare(_:)`; beyond this, one is evicted.
    static let statementCacheCapacity = 64

    package let path: String
    package let busyTimeout: Duration
    /// True when `open` made the file (`.create` mode, no file there before).
    package let createdFile: Bool
    let connection: Connection
    private var handle: OpaquePointer { connection.handle }
    private var statementCache: [String: Statement] = [:]

    private init(path: String, connection: Connection, busyTimeout: Duration, createdFile: Bool) {
        self.path = path
        self.connection = connection
        self.busyTimeout = busyTimeout
        self.createdFile = createdFile
    }

    /// Opens a connection to the database file at `path` (`":memory:"` for a
    /// private in-memory database), with extended result codes on and a busy
    /// timeout. Throws ``SQLiteError`` (e.g. `SQLITE_CANTOPEN` for a missing
    /// file in `.readOnly`/`.readWrite` mode) or, when `.create` cannot create
    /// the file, ``SystemCallError``.
    package static func open(path: String, mode: OpenMode = .create, busyTimeout: Duration = defaultBusyTimeout) throws -> Database {
        _ = configured
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var createdFile = false
        switch mode {
        case .readOnly:
            flags |= SQLITE_OPEN_READONLY
        case .readWrite:
            flags |= SQLITE_OPEN_READWRITE
        case .create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            if path != ":memory:" && !path.isEmpty {
                do {
                    try FileSecurity.createOwnerOnlyFile(atPath: path) // an empty file is an empty database
                    createdFile = true
                } catch let error as SystemCallError where error.isFileExists {}
            }
        }
        do {
            let handle = try openConnection(path: path, flags: flags, busyTimeout: busyTimeout)
            return Database(path: path, connection: Connection(handle: handle), busyTimeout: busyTimeout, createdFile: createdFile)
        } catch {
            if createdFile { try? Platform.removeFile(path) }
            throw error
        }
    }

    /// Process-wide settings, made once before the first connection: no allocation
    /// statistics (a mutex around every allocation SQLite makes). Ignored when the
    /// host process has already started SQLite.
    private static let configured: Void = { _ = kith_sqlite3_disable_memstatus() }()

    /// Opens and configures a connection; closes it again if any step fails.
    private static func openConnection(path: String, flags: Int32, busyTimeout: Duration) throws -> OpaquePointer {
        var handle: OpaquePointer?
        do {
            try check(sqlite3_open_v2(path, &handle, flags, nil), connection: handle)
            guard let handle else { throw SQLiteError(extendedCode: SQLITE_NOMEM, message: "sqlite3_open_v2 returned no connection", sql: nil) }
            try check(sqlite3_extended_result_codes(handle, 1), connection: handle)
            let milliseconds = min(max(busyTimeout / .milliseconds(1), 0), Double(Int32.max))
            try check(sqlite3_busy_timeout(handle, Int32(milliseconds)), connection: handle)
            return handle
        } catch {
            // sqlite3_open_v2 allocates a handle even when it fails.
            sqlite3_close_v2(handle)
            throw error
        }
    }

    deinit {
        // Statements hold the Connection, which closes when the last one goes.
        statementCache.removeAll()
    }

    // MARK: - Running SQL

    /// Runs a script of zero or more `;`-separated statements without
    /// arguments (schema, pragmas). Rows are discarded. On error, stops at the
    /// failing statement, whose SQL the error carries; earlier statements of
    /// the script stay applied unless you wrap the call in a transaction.
    package func execute(sql: String) throws {
        guard !sql.utf8.contains(0) else { throw SQLiteError.misuse("SQL text contains a NUL character", sql: sql) }
        try sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                try check(sqlite3_prepare_v2(handle, current, -1, &statement, &next), connection: handle, sql: String(cString: current))
                guard let statement else { continue } // whitespace or a comment
                defer { sqlite3_finalize(statement) }
                var code: Int32
                repeat { code = sqlite3_step(statement) } while code == SQLITE_ROW
                try check(code, connection: handle, statement: statement)
            }
        }
    }

    /// Runs one statement with `arguments` bound to its `?` parameters, to
    /// completion; rows, if any, are discarded. Uses the statement cache.
    package func execute(_ sql: String, _ arguments: (any SQLiteBindable)?...) throws {
        try withLeasedStatement(sql, arguments) { statement in
            while try statement.step() == .row {}
        }
    }

    /// Runs a query and maps each row. `row` must not keep the ``Row``.
    ///
    ///     let names = try db.query("SELECT name FROM survey WHERE year = ?", 2025) { $0.string(at: 0) }
    package func query<T>(_ sql: String, _ arguments: (any SQLiteBindable)?..., row: (Row) throws -> T) throws -> [T] {
        try withLeasedStatement(sql, arguments) { statement in
            var rows: [T] = []
            while try statement.step() == .row {
                rows.append(try row(Row(statement: statement)))
            }
            return rows
        }
    }

    /// The first column of the first row; `nil` if there is no row or it is NULL.
    ///
    ///     let count = try db.scalar("SELECT count(*) FROM response", as: Int.self) ?? 0
    package func scalar<T: SQLiteColumnReadable>(_ sql: String, _ arguments: (any SQLiteBindable)?..., as type: T.Type = T.self) throws -> T? {
        try withLeasedStatement(sql, arguments) { statement in
            guard try statement.step() == .row else { return nil }
            return T.read(from: Row(statement: statement), at: 0)
        }
    }

    /// A compiled statement for `sql`, which must hold exactly one statement.
    ///
    /// With `cached: true` (the default) the statement comes from a small
    /// cache keyed by the SQL text: it is reset and its bindings cleared, and
    /// it is **shared**, so a later `prepare`, `execute` or `query` of the
    /// same text resets it. Finish with it (or `reset()` it) before that, or
    /// ask for `cached: false` to get a statement of your own.
    package func prepare(_ sql: String, cached: Bool = true) throws -> Statement {
        guard cached else { return try Statement(connection: connection, sql: sql, persistent: false) }
        if let statement = statementCache[sql] {
            // In use by an enclosing query: give this caller its own.
            if statement.isLeased { return try Statement(connection: connection, sql: sql, persistent: false) }
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try Statement(connection: connection, sql: sql, persistent: true)
        if statementCache.count >= Self.statementCacheCapacity {
            statementCache.remove(at: statementCache.startIndex)
        }
        statementCache[sql] = statement
        return statement
    }

    private func withLeasedStatement<T>(_ sql: String, _ arguments: [(any SQLiteBindable)?], _ body: (Statement) throws -> T) throws -> T {
        let statement = try prepare(sql)
        statement.isLeased = true
        defer {
            statement.isLeased = false
            statement.reset()
            statement.clearBindings() // don't keep respondent data around in the cache
        }
        try statement.bind(arguments)
        return try body(statement)
    }

    // MARK: - Connection state

    /// The rowid of the most recent successful INSERT on this connection.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// A transaction is open on this connection (`BEGIN` or `SAVEPOINT`).
    package var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: - Pragmas

    package enum JournalMode: String, Sendable {
        case delete, truncate, persist, memory, wal, off
    }

    /// The connection's journal mode (`PRAGMA journal_mode`).
    package func journalMode() throws -> JournalMode {
        let name = try scalar("PRAGMA journal_mode", as: String.self) ?? ""
        guard let mode = JournalMode(rawValue: name.lowercased()) else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "unknown journal mode '\(name)'", sql: "PRAGMA journal_mode")
        }
        return mode
    }

    /// Sets the journal mode and checks SQLite applied it: it keeps the old
    /// mode inside a transaction, and an in-memory database cannot use WAL.
    /// `.wal` lets readers work while one writer writes, and is persistent:
    /// every later connection to the file uses it.
    package func setJournalMode(_ mode: JournalMode) throws {
        let sql = "PRAGMA journal_mode = \(mode.rawValue)"
        let result = try scalar(sql, as: String.self) ?? ""
        guard result.lowercased() == mode.rawValue else {
            throw SQLiteError(extendedCode: SQLITE_ERROR, message: "journal mode is still '\(result)'", sql: sql)
        }
    }

    /// `PRAGMA user_version`: the schema version, used by ``Migrator``.
    package func userVersion() throws -> Int {
        try scalar("PRAGMA user_version", as: Int.self) ?? 0
    }

    /// Sets `PRAGMA user_version` (0...Int32.max). Transactional.
    package func setUserVersion(_ version: Int) throws {
        guard version >= 0 && version <= Int(Int32.max) else {
            throw SQLiteError.misuse("user_version must be in 0...\(Int32.max), not \(version)")
        }
        try execute(sql: "PRAGMA user_version = \(version)")
    }

    /// The rows of `PRAGMA integrity_check`: `["ok"]` for a sound database,
    /// otherwise up to `maxErrors` descriptions of problems.
    package func integrityCheck(maxErrors: Int = 100) throws -> [String] {
        try query("PRAGMA integrity_check(\(max(1, maxErrors)))") { $0.string(at: 0) ?? "" }
    }
}
