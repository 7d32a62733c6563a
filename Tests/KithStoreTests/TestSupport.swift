import Foundation
import KithStore

/// Runs `body` with the path of a new empty directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}

/// Runs `body` with a new database file in a temporary directory.
func withTemporaryDatabase<T>(_ body: (Database, String) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        let path = directory + "/test.sqlite"
        let db = try Database.open(path: path)
        return try body(db, path)
    }
}

/// Permission bits as the OS reports them through Foundation (an independent
/// check of KithStore's own `FileSecurity.permissions(of:)`).
func posixPermissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

func setPosixPermissions(_ permissions: Int, _ path: String) throws {
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
}

/// `(i * multiplier + addend) mod 256` for i in 0..<count; the same bytes as
/// Python's `bytes((i*multiplier+addend) % 256 for i in range(count))`.
func pattern(_ count: Int, multiplier: Int = 31, addend: Int = 7) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* multiplier &+ addend) }
}

func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

struct TestFailure: Error, Equatable {
    let reason: String
}

/// A value written on one thread and read on another in the busy-timeout
/// tests. @unchecked Sendable: every access holds `lock`.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&value) } }
}
