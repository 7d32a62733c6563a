import Foundation

/// A value of one of SQLite's five storage classes.
package enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// A type that can be bound to a statement parameter.
///
/// KithStore provides `Int`, `Int64`, `Double`, `Bool` (0/1), `String`,
/// `[UInt8]` and `Data` (BLOB), ``SQLiteValue``, and `Optional` of any of
/// them (`nil` binds NULL). To add one, bind an existing type:
///
///     extension UUID: SQLiteBindable {
///         package func bind(to statement: Statement, at index: Int) throws {
///             try statement.bind(uuidString, at: index)
///         }
///     }
///
/// Note that SQLite stores a `Double.nan` as NULL.
package protocol SQLiteBindable {
    /// Binds `self` to parameter `index` (1-based) of `statement`.
    func bind(to statement: Statement, at index: Int) throws
}

/// A type that can be read from a result column: used by ``Database/scalar(_:_:as:)``.
package protocol SQLiteColumnReadable {
    /// Reads column `index` (0-based) of the current row; `nil` for NULL.
    static func read(from row: Row, at index: Int) -> Self?
}

extension Int64: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws { try statement.bindInt64(self, at: index) }
    package static func read(from row: Row, at index: Int) -> Int64? { row.int64(at: index) }
}

extension Int: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws { try statement.bindInt64(Int64(self), at: index) }
    package static func read(from row: Row, at index: Int) -> Int? { row.int(at: index) }
}

extension Double: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws { try statement.bindDouble(self, at: index) }
    package static func read(from row: Row, at index: Int) -> Double? { row.double(at: index) }
}

/// Stored as the integer 0 or 1; any non-zero integer reads as `true`.
extension Bool: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws { try statement.bindInt64(self ? 1 : 0, at: index) }
    package static func read(from row: Row, at index: Int) -> Bool? { row.int64(at: index).map { $0 != 0 } }
}

extension String: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws {
        var text = self
        try text.withUTF8 { try statement.bindUTF8($0, at: index) }
    }
    package static func read(from row: Row, at index: Int) -> String? { row.string(at: index) }
}

extension Array: SQLiteBindable where Element == UInt8 {
    package func bind(to statement: Statement, at index: Int) throws {
        try withUnsafeBytes { try statement.bindBlob($0, at: index) }
    }
}

extension Array: SQLiteColumnReadable where Element == UInt8 {
    package static func read(from row: Row, at index: Int) -> [UInt8]? { row.blob(at: index) }
}

extension Data: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws {
        try withUnsafeBytes { try statement.bindBlob($0, at: index) }
    }
    package static func read(from row: Row, at index: Int) -> Data? { row.blob(at: index).map { Data($0) } }
}

extension SQLiteValue: SQLiteBindable, SQLiteColumnReadable {
    package func bind(to statement: Statement, at index: Int) throws {
        switch self {
        case .null: try statement.bindNull(at: index)
        case .integer(let value): try statement.bindInt64(value, at: index)
        case .real(let value): try statement.bindDouble(value, at: index)
        case .text(let value): try value.bind(to: statement, at: index)
        case .blob(let value): try value.bind(to: statement, at: index)
        }
    }
    /// Never `nil`: NULL reads as ``SQLiteValue/null``.
    package static func read(from row: Row, at index: Int) -> SQLiteValue? { row.value(at: index) }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    package func bind(to statement: Statement, at index: Int) throws {
        switch self {
        case .some(let value): try value.bind(to: statement, at: index)
        case .none: try statement.bindNull(at: index)
        }
    }
}
