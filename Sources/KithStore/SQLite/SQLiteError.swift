import CSQLite
import Foundation

/// An error reported by SQLite, or a misuse of this wrapper (code `SQLITE_MISUSE`).
///
/// **Privacy.** Statement arguments are respondent data. `description`,
/// `debugDescription`, `localizedDescription` and the reflection used by
/// `dump`/`print(String(reflecting:))` show the result code, SQLite's message
/// and the SQL text with its `?` placeholders, never the bound values. Only
/// ``expandedDescription`` shows them. Also: never build SQL by interpolating
/// values, or they end up in `sql` and in every message.
package struct SQLiteError: Error, Sendable {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    /// Extended codes are switched on for every connection.
    package let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or a message from this wrapper.
    package let message: String
    /// The SQL being prepared or run, with its placeholders, if any.
    package let sql: String?
    /// The SQL with bound values substituted (`sqlite3_expanded_sql`).
    /// Private so that it is only reachable through `expandedDescription`.
    private let expandedSQL: String?

    /// The primary result code, e.g. 19 (`SQLITE_CONSTRAINT`).
    package var code: Int32 { extendedCode & 0xff }

    /// A `UNIQUE`, `NOT NULL`, `CHECK`, `FOREIGN KEY` or `PRIMARY KEY` constraint failed.
    package var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// Another connection held a conflicting lock for longer than the busy timeout.
    package var isBusy: Bool { code == SQLITE_BUSY }

    init(extendedCode: Int32, message: String, sql: String?, expandedSQL: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.expandedSQL = expandedSQL
    }

    /// A misuse of this wrapper that SQLite itself would not catch.
    static func misuse(_ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(extendedCode: SQLITE_MISUSE, message: message, sql: sql)
    }

    /// Reads the connection's message for `code` and, for a statement, its SQL.
    @inline(never)
    init(code: Int32, connection: OpaquePointer?, statement: OpaquePointer?, sql: String?) {
        var message = String(cString: sqlite3_errstr(code))
        // The connection's message describes `code` only if it is the latest
        // error on the connection (some calls return a code without setting it).
        if let connection, sqlite3_extended_errcode(connection) & 0xff == code & 0xff {
            message = String(cString: sqlite3_errmsg(connection))
        }
        var sql = sql
        var expanded: String?
        if let statement {
            if sql == nil, let text = sqlite3_sql(statement) { sql = String(cString: text) }
            if let text = sqlite3_expanded_sql(statement) {
                expanded = String(cString: text)
                sqlite3_free(text)
            }
        }
        self.init(extendedCode: code, message: message, sql: sql, expandedSQL: expanded)
    }
}

/// The single funnel for SQLite result codes: returns for `SQLITE_OK`,
/// `SQLITE_ROW` and `SQLITE_DONE`, throws ``SQLiteError`` for anything else.
/// `statement`, when given, supplies the SQL (and, for `expandedDescription`
/// only, the bound values); `sql` is evaluated only on failure.
@inline(__always)
func check(
    _ code: Int32, connection: OpaquePointer?, statement: OpaquePointer? = nil, sql: @autoclosure () -> String? = nil
) throws(SQLiteError) {
    switch code & 0xff {
    case SQLITE_OK, SQLITE_ROW, SQLITE_DONE: return
    default: throw SQLiteError(code: code, connection: connection, statement: statement, sql: sql())
    }
}

extension SQLiteError: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable, LocalizedError {
    /// Code, message and SQL, without bound values. Safe to log.
    package var description: String {
        var text = "SQLite error \(extendedCode) (\(Self.name(of: code))): \(message)"
        if let sql { text += " [SQL: \(sql)]" }
        return text
    }

    package var debugDescription: String { description }

    package var errorDescription: String? { description }

    /// Keeps the bound values out of `dump` and the default `String(reflecting:)`.
    package var customMirror: Mirror {
        Mirror(self, children: ["extendedCode": extendedCode, "message": message, "sql": sql as Any], displayStyle: .struct)
    }

    /// `description` plus the SQL with its bound values substituted.
    ///
    /// - Warning: The bound values are respondent data (names, postcodes,
    ///   answers). Use this only while debugging on your own machine with
    ///   test data; never log it, show it to users or put it in a report.
    package var expandedDescription: String {
        guard let expandedSQL else { return description }
        return description + " [SQL with values: \(expandedSQL)]"
    }

    static func name(of primaryCode: Int32) -> String {
        let names: [Int32: String] = [
            SQLITE_OK: "SQLITE_OK", SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL",
            SQLITE_PERM: "SQLITE_PERM", SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY",
            SQLITE_LOCKED: "SQLITE_LOCKED", SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY",
            SQLITE_INTERRUPT: "SQLITE_INTERRUPT", SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT",
            SQLITE_NOTFOUND: "SQLITE_NOTFOUND", SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN",
            SQLITE_PROTOCOL: "SQLITE_PROTOCOL", SQLITE_EMPTY: "SQLITE_EMPTY", SQLITE_SCHEMA: "SQLITE_SCHEMA",
            SQLITE_TOOBIG: "SQLITE_TOOBIG", SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH",
            SQLITE_MISUSE: "SQLITE_MISUSE", SQLITE_NOLFS: "SQLITE_NOLFS", SQLITE_AUTH: "SQLITE_AUTH",
            SQLITE_FORMAT: "SQLITE_FORMAT", SQLITE_RANGE: "SQLITE_RANGE", SQLITE_NOTADB: "SQLITE_NOTADB",
            SQLITE_NOTICE: "SQLITE_NOTICE", SQLITE_WARNING: "SQLITE_WARNING"
        ]
        return names[primaryCode] ?? "code \(primaryCode)"
    }
}
