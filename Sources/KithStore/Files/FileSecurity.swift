/// A failed system call, with the call, the path and `errno`.
/// Paths are not respondent data, so they appear in `description`.
package struct SystemCallError: Error, Sendable, CustomStringConvertible {
    /// The C call that failed, e.g. `"open"`.
    package let operation: String
    package let path: String
    /// The `errno` value.
    package let code: Int32
    /// `strerror(code)`.
    package let message: String

    package var description: String { "\(operation)(\(path)) failed: \(message) (errno \(code))" }
}

/// The twelve permission bits of a file mode (`0o7777`).
package struct FilePermissions: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: UInt32

    /// Keeps only the permission bits of `rawValue` (file-type bits are dropped).
    package init(rawValue: UInt32) { self.rawValue = rawValue & 0o7777 }

    /// `0600`: read and write for the owner, nothing for anyone else.
    package static let ownerReadWrite = FilePermissions(rawValue: 0o600)

    /// No bit is set for group or others.
    package var isOwnerOnly: Bool { rawValue & 0o077 == 0 }

    /// Octal, as `ls`/`chmod` spell it: `"0600"`.
    package var description: String {
        let octal = String(rawValue, radix: 8)
        return String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }
}

/// Owner-only files: survey data and the store secret must not be readable
/// by other accounts on a shared council server.
package enum FileSecurity {
    /// Creates a new file with mode 0600 and writes `contents` to it, then
    /// `fsync`s it. The file is created with `O_CREAT | O_EXCL` and mode 0600,
    /// so it is never readable by others, not even for a moment, whatever the
    /// umask; it fails (``SystemCallError/isFileExists``) if `path` exists,
    /// and never truncates or follows anything already there. A file left
    /// half-written by a failing write is removed.
    package static func createOwnerOnlyFile(atPath path: String, contents: [UInt8] = []) throws {
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
    package static func permissions(of path: String) throws -> FilePermissions {
        try Platform.status(ofPath: path).permissions
    }

    /// Clears every group and other bit of `path` (e.g. 0644 becomes 0600,
    /// 0755 becomes 0700). Returns `true` if it had to change anything.
    @discardableResult
    package static func ensureOwnerOnly(path: String) throws -> Bool {
        let current = try permissions(of: path)
        guard !current.isOwnerOnly else { return false }
        try Platform.setPermissions(FilePermissions(rawValue: current.rawValue & ~0o077), ofPath: path)
        return true
    }
}
