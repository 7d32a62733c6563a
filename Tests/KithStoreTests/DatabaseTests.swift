import Foundation
import KithStore
import Testing

@Suite("Database")
struct DatabaseTests {
    @Test("open modes: create makes an owner-only file; readWrite and readOnly need one")
    func openModes() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let missing = try #require(throws: SQLiteError.self) { try Database.open(path: path, mode: .readWrite) }
            #expect(missing.code == 14) // SQLITE_CANTOPEN
            #expect(throws: SQLiteError.self) { try Database.open(path: path, mode: .readOnly) }
            #expect(!FileManager.default.fileExists(atPath: path))

            let created = try Database.open(path: path, mode: .create)
            try created.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            #expect(try posixPermissions(path) == 0o600)
            #expect(created.path == path)
            #expect(created.busyTimeout == Database.defaultBusyTimeout)

            let reader = try Database.open(path: path, mode: .readOnly)
            #expect(try reader.scalar("SELECT x FROM t", as: Int.self) == 1)
            let readOnly = try #require(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (2)") }
            #expect(readOnly.code == 8) // SQLITE_READONLY

            let writer = try Database.open(path: path, mode: .readWrite)
            try writer.execute("INSERT INTO t VALUES (?)", 2)
            #expect(try reader.scalar("SELECT count(*) FROM t", as: Int.self) == 2)
        }
    }

    @Test("opening a file that is not a database fails and leaves it alone")
    func notADatabase() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/notes.txt"
            let text = String(repeating: "not a database ", count: 100)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            let error = try #require(throws: SQLiteError.self) {
                let db = try Database.open(path: path)
                _ = try db.userVersion()
            }
            #expect(error.code == 26) // SQLITE_NOTADB
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        }
    }

    @Test("execute(sql:) runs a script; an error names the failing statement and earlier ones stay")
    func scripts() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(
            sql: """
                -- a comment
                CREATE TABLE a(x);
                INSERT INTO a VALUES (1);
                INSERT INTO a VALUES (2);   -- trailing comment
                """)
        #expect(try db.scalar("SELECT sum(x) FROM a", as: Int.self) == 3)
        try db.execute(sql: "")
        try db.execute(sql: "  ;  -- nothing\n")

        let error = try #require(throws: SQLiteError.self) {
            try db.execute(sql: "INSERT INTO a VALUES (3); INSERT INTO missing VALUES (4); INSERT INTO a VALUES (5);")
        }
        #expect(error.sql?.contains("missing") == true)
        #expect(error.message.contains("no such table"))
        #expect(try db.query("SELECT x FROM a ORDER BY x") { $0.int(at: 0) } == [1, 2, 3])
    }

    @Test("prepare takes exactly one statement")
    func prepareOneStatement() throws {
        let db = try Database.open(path: ":memory:")
        _ = try db.prepare("SELECT 1;")
        _ = try db.prepare("SELECT 1; -- just a comment")
        for sql in ["SELECT 1; SELECT 2", "", "   ", "-- only a comment", "SELECT 1; garbage"] {
            let error = try #require(throws: SQLiteError.self, "\(sql)") { try db.prepare(sql) }
            #expect(error.code == 21) // SQLITE_MISUSE
        }
        let syntax = try #require(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(syntax.code == 1)
        #expect(syntax.sql == "SELEC 1")
        #expect(syntax.description.contains("syntax error"))
    }

    @Test("prepared statements are cached by SQL text, unless asked otherwise")
    func statementCache() throws {
        let db = try Database.open(path: ":memory:")
        let first = try db.prepare("SELECT ?")
        try first.bind(5, at: 1)
        let second = try db.prepare("SELECT ?")
        #expect(first === second)
        #expect(try second.step() == .row)
        #expect(second.isNull(at: 0)) // handed out with bindings cleared
        #expect(try db.prepare("SELECT ?", cached: false) !== first)
        #expect(try db.prepare("SELECT ? ") !== first)
        // More distinct statements than the cache holds still work.
        for i in 0..<200 {
            #expect(try db.scalar("SELECT \(i)", as: Int.self) == i)
        }
    }

    @Test("a query inside a query over the same SQL gets its own statement")
    func reentrantQuery() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3);")
        let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
        let pairs = try db.query(sql, 2) { outer in
            try db.query(sql, 1) { inner in "\(outer.int(at: 0)!)\(inner.int(at: 0)!)" }
        }
        #expect(pairs == [["21", "22", "23"], ["31", "32", "33"]])
    }

    @Test("lastInsertRowID and changes")
    func rowIDAndChanges() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, x)")
        try db.execute("INSERT INTO t(id, x) VALUES (?, ?)", 41, "a")
        #expect(db.lastInsertRowID == 41)
        try db.execute("INSERT INTO t(x) VALUES (?)", nil)
        #expect(db.lastInsertRowID == 42)
        #expect(db.changes == 1)
        try db.execute("UPDATE t SET x = ?", "b")
        #expect(db.changes == 2)
    }

    @Test("scalar: typed, nil for no row or NULL")
    func scalar() throws {
        let db = try Database.open(path: ":memory:")
        #expect(try db.scalar("SELECT 7", as: Int.self) == 7)
        #expect(try db.scalar("SELECT 'x'", as: String.self) == "x")
        #expect(try db.scalar("SELECT NULL", as: Int.self) == nil)
        #expect(try db.scalar("SELECT 1 WHERE 0", as: Int.self) == nil)
        #expect(try db.scalar("SELECT ? + ?", 2, 3.5, as: Double.self) == 5.5)
        let bytes: [UInt8]? = try db.scalar("SELECT x'00ff'")
        #expect(bytes == [0, 255])
    }

    @Test("a statement keeps working after its Database is gone")
    func statementOutlivesDatabase() throws {
        var db: Database? = try Database.open(path: ":memory:")
        let statement = try db!.prepare("SELECT 40 + ?", cached: false)
        db = nil
        try statement.bind(2, at: 1)
        #expect(try statement.step() == .row)
        #expect(statement.int(at: 0) == 42)
    }

    @Test("journal mode: WAL is applied, persistent and reported; WAL files are owner-only")
    func walMode() throws {
        try withTemporaryDatabase { db, path in
            #expect(try db.journalMode() == .delete)
            try db.setJournalMode(.wal)
            #expect(try db.journalMode() == .wal)
            try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            let other = try Database.open(path: path, mode: .readWrite)
            #expect(try other.journalMode() == .wal)
            #expect(try posixPermissions(path + "-wal") == 0o600)
            #expect(try posixPermissions(path + "-shm") == 0o600)
        }
        let memory = try Database.open(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) { try memory.setJournalMode(.wal) }
        #expect(error.message.contains("memory"))
    }

    @Test("user_version: read, set, range-checked")
    func userVersion() throws {
        let db = try Database.open(path: ":memory:")
        #expect(try db.userVersion() == 0)
        try db.setUserVersion(12)
        #expect(try db.userVersion() == 12)
        #expect(throws: SQLiteError.self) { try db.setUserVersion(-1) }
        #expect(throws: SQLiteError.self) { try db.setUserVersion(Int(Int32.max) + 1) }
        #expect(try db.userVersion() == 12)
    }

    @Test("integrity check: ok for a sound database, problems for a damaged one")
    func integrityCheck() throws {
        try withTemporaryDatabase { db, path in
            try db.execute(
                sql: """
                    CREATE TABLE t(x, y);
                    CREATE INDEX t_x ON t(x);
                    INSERT INTO t VALUES (1, 10), (2, 20), (3, 30);
                    """)
            #expect(try db.integrityCheck() == ["ok"])

            // Damage it: make the index's definition disagree with its contents.
            try db.execute(
                sql: """
                    PRAGMA writable_schema = ON;
                    UPDATE sqlite_schema SET sql = 'CREATE INDEX t_x ON t(y)' WHERE name = 't_x';
                    PRAGMA writable_schema = OFF;
                    """)
            let reopened = try Database.open(path: path, mode: .readWrite)
            let problems = try reopened.integrityCheck()
            #expect(problems != ["ok"])
            #expect(problems.contains { $0.contains("t_x") })
        }
    }
}

@Suite("SQLiteError")
struct SQLiteErrorTests {
    @Test("a constraint error carries code, message and SQL, never bound values")
    func noBoundValuesInMessages() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE respondent(name TEXT UNIQUE, postcode TEXT NOT NULL)")
        let sql = "INSERT INTO respondent(name, postcode) VALUES (?, ?)"
        try db.execute(sql, "Alice Smith", "CF10 1AA")
        let error = try #require(throws: SQLiteError.self) { try db.execute(sql, "Alice Smith", "SW1A 2AA") }

        #expect(error.isConstraintViolation)
        #expect(!error.isBusy)
        #expect(error.code == 19) // SQLITE_CONSTRAINT
        #expect(error.extendedCode == 2067) // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.sql == sql)
        #expect(error.message.contains("UNIQUE constraint failed: respondent.name"))

        var dumped = ""
        dump(error, to: &dumped)
        let renderings = [
            error.description, "\(error)", String(describing: error), String(reflecting: error),
            error.localizedDescription, dumped, "\([error])"
        ]
        for text in renderings {
            #expect(text.contains(sql), "\(text)")
            #expect(!text.contains("Alice"), "\(text)")
            #expect(!text.contains("SW1A"), "\(text)")
        }
        #expect(error.description.contains("SQLITE_CONSTRAINT"))

        // Only the opt-in shows them.
        #expect(error.expandedDescription.contains("'Alice Smith'"))
        #expect(error.expandedDescription.contains("'SW1A 2AA'"))
    }

    @Test("a NOT NULL failure from a prepared statement is a constraint violation too")
    func notNull() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x NOT NULL)")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        try insert.bind(Int?.none, at: 1)
        let error = try #require(throws: SQLiteError.self) { try insert.step() }
        #expect(error.isConstraintViolation)
        #expect(error.extendedCode == 1299) // SQLITE_CONSTRAINT_NOTNULL
        // The statement can be reused after the error.
        insert.reset()
        try insert.bind(1, at: 1)
        #expect(try insert.step() == .done)
    }
}
