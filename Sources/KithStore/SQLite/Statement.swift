import CSQLite

/// SQLite's `SQLITE_TRANSIENT` (`(sqlite3_destructor_type)-1`), which the C
/// macro cannot give Swift: SQLite copies the bytes before the bind call returns.
@inline(__always)
var sqliteTransient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

/// How long SQLite may read the bytes given to `bindUTF8` or `bindBlob`.
package enum BoundBytes: Sendable {
    /// Copied during the call (`SQLITE_TRANSIENT`): the bytes need only live during it.
    case copied
    /// Read in place (`SQLITE_STATIC`), saving a copy per value: the caller promises the
    /// bytes stay valid and unchanged until that parameter is bound again or
    /// ``Statement/clearBindings()`` is called.
    case borrowedUntilRebound

    var destructor: sqlite3_destructor_type? { self == .copied ? sqliteTransient : nil }
}

/// Keeps a connection open for as long as any ``Database`` or ``Statement``
/// uses it, so a statement that outlives its `Database` stays valid.
final class Connection {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }

    // Every Statement holds this object, so all of them are finalized by now
    // and close_v2 really closes. Nothing useful can be done with an error here.
    deinit { sqlite3_close_v2(handle) }
}

/// A prepared statement (`sqlite3_stmt`).
///
/// Parameters are numbered from **1** (as in SQLite); columns from **0**.
///
///     let insert = try db.prepare("INSERT INTO answer(respondent, item, value) VALUES (?, ?, ?)")
///     for answer in answers {
///         try insert.bind(answer.respondent, at: 1)
///         try insert.bind(answer.item, at: 2)
///         try insert.bind(answer.value, at: 3)     // an Int? binds NULL for nil
///         try insert.step()
///         insert.reset()
///     }
///
/// Values are bound with `SQLITE_TRANSIENT`: SQLite copies them during the
/// bind call, so no buffer has to outlive it. (`SQLITE_STATIC` saves one copy,
/// but SQLite keeps the binding until the next bind or `clearBindings`, long
/// after a caller's buffer or a bridged String may have gone: only the bulk
/// paths ask for it, with ``BoundBytes/borrowedUntilRebound``.)
///
/// Not `Sendable`: use a statement on the isolation domain of its ``Database``.
package final class Statement {
    package enum StepResult: Sendable, Equatable {
        /// A row is available through the column getters.
        case row
        /// The statement has run to completion.
        case done
    }

    /// The SQL text, with its placeholders.
    package let sql: String
    let connection: Connection
    let handle: OpaquePointer
    /// The last `step()` returned `.row`, so the column getters may be used.
    private var hasRow = false
    /// Set while `Database.query`/`execute` iterate it, so that a nested
    /// `prepare` of the same SQL gets a fresh statement instead of resetting this one.
    var isLeased = false

    /// Compiles exactly one SQL statement.
    init(connection: Connection, sql: String, persistent: Bool) throws {
        guard !sql.utf8.contains(0) else { throw SQLiteError.misuse("SQL text contains a NUL character", sql: sql) }
        let db = connection.handle
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        var statement: OpaquePointer?
        let trailing: Bool = try sql.withCString { start in
            var tail: UnsafePointer<CChar>?
            try check(sqlite3_prepare_v3(db, start, -1, flags, &statement, &tail), connection: db, sql: sql)
            guard let tail, tail.pointee != 0 else { return false }
            // Anything but whitespace and comments after the first statement?
            var extra: OpaquePointer?
            let code = sqlite3_prepare_v2(db, tail, -1, &extra, nil)
            sqlite3_finalize(extra)
            return code != SQLITE_OK || extra != nil
        }
        guard let statement else {
            throw SQLiteError.misuse("no SQL statement to prepare (empty text or only comments)", sql: sql)
        }
        guard !trailing else {
            sqlite3_finalize(statement)
            throw SQLiteError.misuse("prepare() takes exactly one SQL statement; use execute(sql:) for scripts", sql: sql)
        }
        self.sql = sql
        self.connection = connection
        self.handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: - Running

    /// Runs the statement to its next row (`.row`) or to completion (`.done`).
    /// After `.done`, the next `step()` starts it again.
    @discardableResult
    package func step() throws -> StepResult {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            hasRow = true
            return .row
        case SQLITE_DONE:
            hasRow = false
            return .done
        default:
            hasRow = false
            try check(code, connection: connection.handle, statement: handle, sql: sql)
            throw SQLiteError.misuse("sqlite3_step returned unexpected code \(code)", sql: sql)
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    ///
    /// Also ends the statement's read of the database, which otherwise stays
    /// open (blocking WAL checkpoints) while a statement rests on a row.
    /// Does not throw: `sqlite3_reset` only repeats the error of the last
    /// `step()`, which `step()` has already thrown.
    package func reset() {
        hasRow = false
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    package func clearBindings() {
        // Always SQLITE_OK.
        sqlite3_clear_bindings(handle)
    }

    // MARK: - Binding (parameters are numbered from 1)

    /// Binds `value` to parameter `index` (1-based). An `Optional` binds NULL for `nil`.
    package func bind(_ value: some SQLiteBindable, at index: Int) throws {
        try value.bind(to: self, at: index)
    }

    /// Binds `value` to the named parameter, e.g. `":respondent"` (a name
    /// without its `:`, `@` or `$` is looked up as `:name`).
    package func bind(_ value: some SQLiteBindable, named name: String) throws {
        try value.bind(to: self, at: index(ofParameter: name))
    }

    /// Binds NULL to parameter `index` (1-based).
    package func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(clamping: index)), connection: connection.handle, statement: handle, sql: sql)
    }

    /// Binds NULL to the named parameter.
    package func bindNull(named name: String) throws {
        try bindNull(at: index(ofParameter: name))
    }

    /// Binds UTF-8 bytes as TEXT without building a `String`: the fast path for
    /// bulk imports that slice fields out of a file buffer. The bytes are
    /// copied unless `lifetime` says otherwise. An empty buffer binds the empty
    /// string, not NULL. The bytes are not validated: pass UTF-8.
    package func bindUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lifetime: BoundBytes = .copied) throws {
        let code: Int32
        if let base = bytes.baseAddress {
            code = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text64(handle, Int32(clamping: index), $0, UInt64(bytes.count), lifetime.destructor, UInt8(SQLITE_UTF8))
            }
        } else {
            // A nil pointer would bind NULL; bind a zero-length string instead.
            var empty: CChar = 0
            code = sqlite3_bind_text64(handle, Int32(clamping: index), &empty, 0, sqliteTransient, UInt8(SQLITE_UTF8))
        }
        try check(code, connection: connection.handle, statement: handle, sql: sql)
    }

    /// Binds raw bytes as a BLOB (copied unless `lifetime` says otherwise).
    /// Empty binds a zero-length blob, not NULL.
    package func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int, lifetime: BoundBytes = .copied) throws {
        let code: Int32
        if let base = bytes.baseAddress, bytes.count > 0 {
            code = sqlite3_bind_blob64(handle, Int32(clamping: index), base, UInt64(bytes.count), lifetime.destructor)
        } else {
            code = sqlite3_bind_zeroblob(handle, Int32(clamping: index), 0)
        }
        try check(code, connection: connection.handle, statement: handle, sql: sql)
    }

    /// Binds `arguments` to parameters 1...n; `nil` binds NULL. Throws if the
    /// count differs from the statement's parameter count (a missing argument
    /// would otherwise silently be NULL).
    package func bind(_ arguments: [(any SQLiteBindable)?]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "statement has \(expected) parameter(s) but \(arguments.count) argument(s) were given",
                sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            if let argument {
                try argument.bind(to: self, at: offset + 1)
            } else {
                try bindNull(at: offset + 1)
            }
        }
    }

    func bindInt64(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(clamping: index), value), connection: connection.handle, statement: handle, sql: sql)
    }

    func bindDouble(_ value: Double, at index: Int) throws {
        try check(sqlite3_bind_double(handle, Int32(clamping: index), value), connection: connection.handle, statement: handle, sql: sql)
    }

    private func index(ofParameter name: String) throws -> Int {
        var index = sqlite3_bind_parameter_index(handle, name)
        if index == 0, let first = name.first, !":@$".contains(first) {
            index = sqlite3_bind_parameter_index(handle, ":" + name)
        }
        guard index > 0 else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        return Int(index)
    }

    // MARK: - Columns (numbered from 0; only after step() returned .row)

    package var columnCount: Int { Int(sqlite3_column_count(handle)) }

    package func columnName(at index: Int) -> String {
        precondition(index >= 0 && index < columnCount, "column index \(index) out of range")
        return sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// The value is NULL.
    package func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, column(index)) == SQLITE_NULL
    }

    /// The value as an integer (SQLite's conversions apply: 3.9 → 3, 'abc' → 0); `nil` for NULL.
    package func int64(at index: Int) -> Int64? {
        let column = column(index)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        return sqlite3_column_int64(handle, column)
    }

    package func int(at index: Int) -> Int? { int64(at: index).map { Int($0) } }

    /// The value as a double; `nil` for NULL.
    package func double(at index: Int) -> Double? {
        let column = column(index)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        return sqlite3_column_double(handle, column)
    }

    /// The value as text; `nil` for NULL. Invalid UTF-8 is repaired with U+FFFD.
    package func string(at index: Int) -> String? {
        let column = column(index)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL,
            let text = sqlite3_column_text(handle, column)
        else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The value as bytes; `nil` for NULL, `[]` for a zero-length blob.
    package func blob(at index: Int) -> [UInt8]? {
        let column = column(index)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        let bytes = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let bytes, count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The value with its storage class.
    package func value(at index: Int) -> SQLiteValue {
        let column = column(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(string(at: index) ?? "")
        case SQLITE_BLOB: return .blob(blob(at: index) ?? [])
        default: return .null
        }
    }

    @inline(__always)
    private func column(_ index: Int) -> Int32 {
        precondition(hasRow, "column read without a current row: call step() and check it returned .row")
        precondition(index >= 0 && index < columnCount, "column index \(index) out of range 0..<\(columnCount)")
        return Int32(index)
    }
}

/// The current row of a statement, handed to the `row:` closure of
/// ``Database/query(_:_:row:)``. Valid only inside that closure.
package struct Row {
    let statement: Statement

    package var columnCount: Int { statement.columnCount }
    package func columnName(at index: Int) -> String { statement.columnName(at: index) }
    package func isNull(at index: Int) -> Bool { statement.isNull(at: index) }
    package func int64(at index: Int) -> Int64? { statement.int64(at: index) }
    package func int(at index: Int) -> Int? { statement.int(at: index) }
    package func double(at index: Int) -> Double? { statement.double(at: index) }
    package func string(at index: Int) -> String? { statement.string(at: index) }
    package func blob(at index: Int) -> [UInt8]? { statement.blob(at: index) }
    package func value(at index: Int) -> SQLiteValue { statement.value(at: index) }
}

extension Statement {
    /// The bytes of a text or blob column, without copying; nil for NULL. Valid until the next `step()` or `reset()`.
    func bytes(at index: Int) -> UnsafeBufferPointer<UInt8>? {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL:
            return nil
        case SQLITE_TEXT:
            let text = sqlite3_column_text(handle, column)
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
        default:
            let blob = sqlite3_column_blob(handle, column)
            let count = Int(sqlite3_column_bytes(handle, column))
            return UnsafeBufferPointer(start: blob?.assumingMemoryBound(to: UInt8.self), count: blob == nil ? 0 : count)
        }
    }
}
