import Foundation
import KithStore
import Testing

@Suite("Binding and reading values")
struct StatementTests {
    /// A one-column table without type affinity, so values keep their type.
    private func makeTable() throws -> Database {
        let db = try Database.open(path: ":memory:")
        try db.execute(sql: "CREATE TABLE t(v)")
        return db
    }

    /// Inserts `value` and reads back (typeof(v), v) through the Row.
    private func roundTrip<T>(_ db: Database, _ value: some SQLiteBindable, read: (Row) -> T) throws -> (type: String, value: T) {
        try db.execute(sql: "DELETE FROM t")
        let insert = try db.prepare("INSERT INTO t(v) VALUES (?)")
        try insert.bind(value, at: 1)
        #expect(try insert.step() == .done)
        let rows = try db.query("SELECT typeof(v), v FROM t") { row in (row.string(at: 0) ?? "", read(row)) }
        try #require(rows.count == 1)
        return (rows[0].0, rows[0].1)
    }

    @Test("integers, including the extremes, and Bool")
    func integers() throws {
        let db = try makeTable()
        for value: Int64 in [0, -1, 42, .min, .max] {
            let result = try roundTrip(db, value) { $0.int64(at: 1) }
            #expect(result.type == "integer")
            #expect(result.value == value)
        }
        #expect(try roundTrip(db, Int.max) { $0.int(at: 1) }.value == Int.max)
        let yes = try roundTrip(db, true) { Bool.read(from: $0, at: 1) }
        #expect(yes.type == "integer" && yes.value == true)
        #expect(try roundTrip(db, false) { $0.int64(at: 1) }.value == 0)
    }

    @Test("doubles; NaN is stored as NULL by SQLite")
    func doubles() throws {
        let db = try makeTable()
        for value in [0.0, 3.25, -1e-300, 1.7976931348623157e308, .infinity, -.infinity] {
            let result = try roundTrip(db, value) { $0.double(at: 1) }
            #expect(result.type == "real")
            #expect(result.value == value)
        }
        let nan = try roundTrip(db, Double.nan) { $0.double(at: 1) }
        #expect(nan.type == "null" && nan.value == nil)
    }

    @Test("text: empty, non-ASCII, embedded NUL")
    func text() throws {
        let db = try makeTable()
        let values = [
            "", "Siân Ó Dálaigh, Llanelli 🏴󠁧󠁢󠁷󠁬󠁳󠁿 日本語", "before\u{0}after", String(repeating: "x", count: 100_000)
        ]
        for value in values {
            let result = try roundTrip(db, value) { $0.string(at: 1) }
            #expect(result.type == "text")
            #expect(result.value == value)
        }
        #expect(try db.scalar("SELECT length(CAST(v AS BLOB)) FROM t", as: Int.self) == 100_000)
    }

    @Test("blobs: empty is not NULL; embedded NUL bytes survive; [UInt8] and Data")
    func blobs() throws {
        let db = try makeTable()
        let empty = try roundTrip(db, [UInt8]()) { $0.blob(at: 1) }
        #expect(empty.type == "blob" && empty.value == [])
        let bytes: [UInt8] = [0, 1, 0, 0, 255, 0, 7]
        let result = try roundTrip(db, bytes) { $0.blob(at: 1) }
        #expect(result.type == "blob" && result.value == bytes)
        #expect(try db.scalar("SELECT length(v) FROM t", as: Int.self) == 7)
        let data = try roundTrip(db, Data(bytes)) { Data.read(from: $0, at: 1) }
        #expect(data.type == "blob" && data.value == Data(bytes))
    }

    @Test("NULL from nil, bindNull and SQLiteValue.null; every getter says nil")
    func nulls() throws {
        let db = try makeTable()
        let binders: [(Statement) throws -> Void] = [
            { try $0.bind(Int?.none, at: 1) },
            { try $0.bind(String?.none, at: 1) },
            { try $0.bindNull(at: 1) },
            { try $0.bind(SQLiteValue.null, at: 1) },
            { try $0.bind([nil]) }
        ]
        for bindNull in binders {
            try db.execute(sql: "DELETE FROM t")
            let insert = try db.prepare("INSERT INTO t(v) VALUES (?)")
            try bindNull(insert)
            try insert.step()
            let select = try db.prepare("SELECT v FROM t")
            #expect(try select.step() == .row)
            #expect(select.isNull(at: 0))
            #expect(select.int64(at: 0) == nil)
            #expect(select.int(at: 0) == nil)
            #expect(select.double(at: 0) == nil)
            #expect(select.string(at: 0) == nil)
            #expect(select.blob(at: 0) == nil)
            #expect(select.value(at: 0) == .null)
            #expect(try select.step() == .done)
        }
        // A zero, unlike NULL, is not nil: a missing answer is not a score of 0.
        try db.execute("UPDATE t SET v = ?", 0)
        #expect(try db.query("SELECT v FROM t") { $0.int64(at: 0) } == [0])
    }

    @Test("SQLiteValue round trips every storage class")
    func sqliteValue() throws {
        let db = try makeTable()
        let values: [SQLiteValue] = [.null, .integer(-7), .real(2.5), .text("é\u{0}"), .blob([0, 0]), .blob([])]
        for value in values {
            #expect(try roundTrip(db, value) { $0.value(at: 1) }.value == value)
        }
    }

    @Test("UTF-8 buffer fast path binds TEXT without a String; empty is '' not NULL")
    func utf8Buffer() throws {
        let db = try makeTable()
        let line = Array("R-0042,Sìne,CF10 1AA".utf8)
        let insert = try db.prepare("INSERT INTO t(v) VALUES (?)")
        try line.withUnsafeBufferPointer { buffer in
            for field in buffer.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                try insert.bindUTF8(UnsafeBufferPointer(rebasing: field), at: 1)
                try insert.step()
                insert.reset()
            }
            try insert.bindUTF8(UnsafeBufferPointer(rebasing: buffer[0..<0]), at: 1)
            try insert.step()
            insert.reset()
        }
        try insert.bindUTF8(UnsafeBufferPointer(start: nil, count: 0), at: 1)
        try insert.step()
        let rows = try db.query("SELECT typeof(v), v FROM t ORDER BY rowid") { "\($0.string(at: 0)!):\($0.string(at: 1)!)" }
        #expect(rows == ["text:R-0042", "text:Sìne", "text:CF10 1AA", "text:", "text:"])
    }

    @Test("bytes bound .borrowedUntilRebound are read in place at step; .copied ones at the bind")
    func borrowedBytes() throws {
        let db = try makeTable()
        let insert = try db.prepare("INSERT INTO t(v) VALUES (?)")
        var text: [UInt8] = Array("abc".utf8)
        var blob: [UInt8] = [1, 2, 3]
        try text.withUnsafeMutableBufferPointer { buffer in
            try insert.bindUTF8(UnsafeBufferPointer(buffer), at: 1, lifetime: .borrowedUntilRebound)
            buffer[0] = UInt8(ascii: "x") // SQLite reads the bytes when the row is written
            try insert.step()
            insert.reset()
            try insert.bindUTF8(UnsafeBufferPointer(buffer), at: 1, lifetime: .copied)
            buffer[0] = UInt8(ascii: "y")
            try insert.step()
            insert.reset()
        }
        try blob.withUnsafeMutableBytes { bytes in
            try insert.bindBlob(UnsafeRawBufferPointer(bytes), at: 1, lifetime: .borrowedUntilRebound)
            bytes[0] = 9
            try insert.step()
            insert.reset()
            insert.clearBindings() // the borrowing ends here
        }
        try insert.step()
        let rows = try db.query("SELECT quote(v) FROM t ORDER BY rowid") { $0.string(at: 0)! }
        #expect(rows == ["'xbc'", "'xbc'", "X'090203'", "NULL"])
    }

    @Test("bind by name with :, @ and $ prefixes, or none")
    func namedParameters() throws {
        let db = try Database.open(path: ":memory:")
        let select = try db.prepare("SELECT :a, @b, $c, :d")
        try select.bind(1, named: ":a")
        try select.bind("two", named: "@b")
        try select.bind(3.5, named: "$c")
        try select.bind(true, named: "d") // looked up as :d
        #expect(try select.step() == .row)
        #expect(select.int64(at: 0) == 1)
        #expect(select.string(at: 1) == "two")
        #expect(select.double(at: 2) == 3.5)
        #expect(select.int64(at: 3) == 1)
        select.reset()
        try select.bindNull(named: ":a")
        try select.step()
        #expect(select.isNull(at: 0))
        #expect(select.string(at: 1) == "two") // reset keeps bindings...
        select.reset()
        select.clearBindings()
        try select.step()
        #expect(select.isNull(at: 1)) // ...clearBindings doesn't

        let unknown = try #require(throws: SQLiteError.self) { try select.bind(1, named: ":nope") }
        #expect(unknown.code == 25) // SQLITE_RANGE
        #expect(unknown.description.contains(":nope"))
    }

    @Test("binding a parameter index out of range, or the wrong number of arguments, throws")
    func badIndex() throws {
        let db = try Database.open(path: ":memory:")
        let select = try db.prepare("SELECT ?, ?")
        for index in [0, 3, -1, Int.max] {
            let error = try #require(throws: SQLiteError.self) { try select.bind(1, at: index) }
            #expect(error.code == 25) // SQLITE_RANGE
        }
        #expect(throws: SQLiteError.self) { try select.bind([1]) }
        #expect(throws: SQLiteError.self) { try select.bind([1, 2, 3]) }
        #expect(throws: SQLiteError.self) { _ = try db.query("SELECT ?, ?", 1) { _ in 0 } }
        try select.bind([1, "x"])
        #expect(try select.step() == .row)
        #expect(select.columnCount == 2)
    }

    @Test("columns have names; step after done starts again")
    func columnsAndRestart() throws {
        let db = try Database.open(path: ":memory:")
        let select = try db.prepare("SELECT 1 AS one, 'x' AS letter")
        #expect(select.columnName(at: 0) == "one")
        #expect(select.columnName(at: 1) == "letter")
        #expect(try select.step() == .row)
        #expect(try select.step() == .done)
        #expect(try select.step() == .row)
        #expect(select.sql == "SELECT 1 AS one, 'x' AS letter")
    }
}
