import Foundation
import KithStore
import Testing

@Suite("Transactions and savepoints")
struct TransactionTests {
    private func count(_ db: Database) throws -> Int { try db.scalar("SELECT count(*) FROM t", as: Int.self) ?? -1 }

    @Test("commits when the body returns, and returns its value")
    func commits() throws {
        try withTemporaryDatabase { db, path in
            try db.execute(sql: "CREATE TABLE t(x)")
            let id = try db.transaction {
                try db.execute("INSERT INTO t VALUES (?)", 1)
                #expect(db.isInTransaction)
                return db.lastInsertRowID
            }
            #expect(id == 1)
            #expect(!db.isInTransaction)
            let other = try Database.open(path: path, mode: .readOnly)
            #expect(try count(other) == 1)
        }
    }

    @Test("a throw rolls back and the original error is rethrown", arguments: [TransactionKind.deferred, .immediate, .exclusive])
    func rollsBackOnThrow(kind: TransactionKind) throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (0);")
        let thrown = try #require(throws: TestFailure.self) {
            try db.transaction(kind) {
                try db.execute("INSERT INTO t VALUES (?)", 1)
                try db.execute("INSERT INTO t VALUES (?)", 2)
                throw TestFailure(reason: "validation failed")
            }
        }
        #expect(thrown == TestFailure(reason: "validation failed"))
        #expect(try count(db) == 1)
        #expect(!db.isInTransaction)
    }

    @Test("an SQLite error in the body rolls back and is rethrown unchanged")
    func rollsBackOnSQLiteError() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x UNIQUE)")
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (?)", 1)
                try db.execute("INSERT INTO t VALUES (?)", 1)
            }
        }
        #expect(error.extendedCode == 2067)
        #expect(try count(db) == 0)
    }

    @Test("when SQLite already rolled back, the body's error still comes out (not 'no transaction is active')")
    func alreadyRolledBack() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x UNIQUE); INSERT INTO t VALUES (1);")
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (?)", 2)
                try db.execute("INSERT OR ROLLBACK INTO t VALUES (?)", 1) // SQLite rolls back the whole transaction
            }
        }
        #expect(error.isConstraintViolation)
        #expect(error.sql?.contains("OR ROLLBACK") == true)
        #expect(!db.isInTransaction)
        #expect(try count(db) == 1)
        // And the connection is usable for the next transaction.
        try db.transaction { try db.execute("INSERT INTO t VALUES (?)", 3) }
        #expect(try count(db) == 2)
    }

    @Test("a failing COMMIT rolls back and throws")
    func commitFails() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(
            sql: """
                PRAGMA foreign_keys = ON;
                CREATE TABLE parent(id INTEGER PRIMARY KEY);
                CREATE TABLE t(x REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
                """)
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction { try db.execute("INSERT INTO t VALUES (?)", 99) } // checked at COMMIT
        }
        #expect(error.isConstraintViolation)
        #expect(error.sql?.contains("COMMIT") == true)
        #expect(!db.isInTransaction)
        #expect(try count(db) == 0)
    }

    @Test("a write statement left half-run makes COMMIT fail; the transaction rolls back")
    func commitWithWriteInProgress() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x)")
        var pending: Statement?
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                let insert = try db.prepare("INSERT INTO t VALUES (1), (2) RETURNING x", cached: false)
                #expect(try insert.step() == .row) // and never finished
                pending = insert
            }
        }
        #expect(error.message.contains("SQL statements in progress"))
        #expect(error.sql?.contains("COMMIT") == true)
        #expect(!db.isInTransaction)
        #expect(pending?.sql.contains("RETURNING") == true) // kept alive until here on purpose
        pending = nil
        #expect(try count(db) == 0)
    }

    @Test("nesting is rejected with a clear error, and the outer transaction goes on")
    func nestingRejected() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x)")
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (?)", 1)
            let error = try #require(throws: SQLiteError.self) {
                try db.transaction { try db.execute("INSERT INTO t VALUES (?)", 2) }
            }
            #expect(error.code == 21) // SQLITE_MISUSE
            #expect(error.message.contains("nested"))
            #expect(error.message.contains("savepoint"))
            #expect(db.isInTransaction)
        }
        #expect(try db.query("SELECT x FROM t") { $0.int(at: 0) } == [1])

        // Also inside a transaction begun by hand.
        try db.execute(sql: "BEGIN")
        #expect(throws: SQLiteError.self) { try db.transaction {} }
        try db.execute(sql: "ROLLBACK")
    }

    @Test("a savepoint that throws undoes only its own work")
    func savepointRollback() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x)")
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (?)", 1)
            #expect(throws: TestFailure.self) {
                try db.savepoint {
                    try db.execute("INSERT INTO t VALUES (?)", 2)
                    throw TestFailure(reason: "skip this respondent")
                }
            }
            try db.savepoint("second") {
                try db.execute("INSERT INTO t VALUES (?)", 3)
                // Nested savepoints, one rolled back.
                _ = try? db.savepoint("second") {
                    try db.execute("INSERT INTO t VALUES (?)", 4)
                    throw TestFailure(reason: "inner")
                }
            }
            #expect(db.isInTransaction)
        }
        #expect(try db.query("SELECT x FROM t ORDER BY x") { $0.int(at: 0) } == [1, 3])
    }

    @Test("a savepoint outside a transaction commits or rolls back on its own; odd names are quoted")
    func savepointAlone() throws {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(x)")
        let value = try db.savepoint("it's \"quoted\"") {
            try db.execute("INSERT INTO t VALUES (?)", 1)
            return 7
        }
        #expect(value == 7)
        #expect(!db.isInTransaction)
        #expect(throws: TestFailure.self) {
            try db.savepoint {
                try db.execute("INSERT INTO t VALUES (?)", 2)
                throw TestFailure(reason: "no")
            }
        }
        #expect(!db.isInTransaction)
        #expect(try count(db) == 1)
    }
}

@Suite("Busy timeout: two connections sharing a store")
struct BusyTimeoutTests {
    @Test("a writer waits for the other connection's lock, then succeeds")
    func waitsThenSucceeds() throws {
        try withTemporaryDatabase { holder, path in
            try holder.execute(sql: "CREATE TABLE t(x)")
            try holder.execute(sql: "BEGIN IMMEDIATE") // holds the write lock
            try holder.execute("INSERT INTO t VALUES (?)", 1)

            let attemptStarted = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            let outcome = LockedBox<Result<(attempted: ContinuousClock.Instant, succeeded: ContinuousClock.Instant), any Error>?>(nil)
            DispatchQueue.global().async {
                do {
                    let waiter = try Database.open(path: path, mode: .readWrite) // default 10 s timeout
                    let attempted = ContinuousClock.now
                    attemptStarted.signal()
                    try waiter.transaction(.immediate) { try waiter.execute("INSERT INTO t VALUES (?)", 2) }
                    outcome.set(.success((attempted, ContinuousClock.now)))
                } catch {
                    attemptStarted.signal()
                    outcome.set(.failure(error))
                }
                finished.signal()
            }
            attemptStarted.wait()
            Thread.sleep(forTimeInterval: 0.3)
            let released = ContinuousClock.now
            try holder.execute(sql: "COMMIT")

            try #require(finished.wait(timeout: .now() + 20) == .success)
            let times = try #require(try outcome.get()?.get())
            #expect(times.attempted < released) // it tried while the lock was held...
            #expect(times.succeeded >= released) // ...and only got it after the release
            #expect(try holder.query("SELECT x FROM t ORDER BY x") { $0.int(at: 0) } == [1, 2])
        }
    }

    @Test("a writer gives up with SQLITE_BUSY after its timeout")
    func failsAfterTimeout() throws {
        try withTemporaryDatabase { holder, path in
            try holder.execute(sql: "CREATE TABLE t(x)")
            try holder.execute(sql: "BEGIN IMMEDIATE")
            defer { try? holder.execute(sql: "ROLLBACK") }

            let waiter = try Database.open(path: path, mode: .readWrite, busyTimeout: .milliseconds(300))
            let start = ContinuousClock.now
            let error = try #require(throws: SQLiteError.self) {
                try waiter.transaction { try waiter.execute("INSERT INTO t VALUES (?)", 2) }
            }
            let waited = ContinuousClock.now - start
            #expect(error.isBusy)
            #expect(!error.isConstraintViolation)
            #expect(waited >= .milliseconds(250))
            #expect(waited < .seconds(8))
            #expect(!waiter.isInTransaction)

            let impatient = try Database.open(path: path, mode: .readWrite, busyTimeout: .zero)
            let impatientStart = ContinuousClock.now
            #expect(throws: SQLiteError.self) { try impatient.transaction {} }
            #expect(ContinuousClock.now - impatientStart < .milliseconds(250))
        }
    }
}
