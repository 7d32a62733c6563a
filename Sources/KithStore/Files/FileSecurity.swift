import KithCore

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
