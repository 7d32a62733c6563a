/// A failed system call, with the call, the path and `errno`.
/// Paths are not respondent data, so they appear in `description`.
public struct SystemCallError: Error, Sendable, CustomStringConvertible {
    /// The C call that failed, e.g. `"open"`.
    public let operation: String
    public let path: String
    /// The `errno` value.
    public let code: Int32
    /// `strerror(code)`.
    public let message: String

    public var description: String { "\(operation)(\(path)) failed: \(message) (errno \(code))" }
}

/// The twelve permission bits of a file mode (`0o7777`).
public struct FilePermissions: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    /// Keeps only the permission bits of `rawValue` (file-type bits are dropped).
    public init(rawValue: UInt32) { self.rawValue = rawValue & 0o7777 }

    /// `0600`: read and write for the owner, nothing for anyone else.
    public static let ownerReadWrite = FilePermissions(rawValue: 0o600)

    /// No bit is set for group or others.
    public var isOwnerOnly: Bool { rawValue & 0o077 == 0 }

    /// Octal, as `ls`/`chmod` spell it: `"0600"`.
    public var description: String {
        let octal = String(rawValue, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }
}

/// Owner-only files: survey data and the store secret must not be readable
/// by other accounts on a shared council server.
public enum FileSecurity {
    /// Creates a new file with mode 0600 and writes `contents` to it, then
    /// `fsync`s it. The file is created with `O_CREAT | O_EXCL` and mode 0600,
    /// so it is never readable by others, not even for a moment, whatever the
    /// umask; it fails (``SystemCallError/isFileExists``) if `path` exists,
    /// and never truncates or follows anything already there. A file left
    /// half-written by a failing write is removed.
    public static func createOwnerOnlyFile(atPath path: String, contents: [UInt8] = []) throws {
        let descriptor = try Platform.createExclusive(path, permissions: .ownerReadWrite)
        do {
            try contents.withUnsafeBytes { try Platform.write($0, to: descriptor, path: path) }
            try Platform.sync(descriptor, path: path)
            try Platform.close(descriptor, path: path)
        } catch {
            try? Platform.removeFile(path)
            throw error
        }
    }

    /// The permission bits of `path` (following symbolic links).
    public static func permissions(of path: String) throws -> FilePermissions {
        try Platform.status(ofPath: path).permissions
    }

    /// Clears every group and other bit of `path` (e.g. 0644 becomes 0600,
    /// 0755 becomes 0700). Returns `true` if it had to change anything.
    @discardableResult
    public static func ensureOwnerOnly(path: String) throws -> Bool {
        let current = try permissions(of: path)
        guard !current.isOwnerOnly else { return false }
        try Platform.setPermissions(FilePermissions(rawValue: current.rawValue & ~0o077), ofPath: path)
        return true
    }
}
