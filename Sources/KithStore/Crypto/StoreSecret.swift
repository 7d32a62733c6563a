import KithCore

/// The per-store secret: 32 random bytes in a file beside the store
/// (`kith.sqlite` → `kith.sqlite.secret`), mode 0600, as 64 hex digits and a
/// newline. It keys the ``Pseudonymizer``, so the same respondent gets the same
/// key in every import into this store, while someone holding only the
/// database cannot recompute a key from an identifier.
///
/// Back it up with the store: without it, later imports can no longer be
/// linked to earlier ones.
package enum StoreSecret {
    package static let byteCount = 32

    /// `storePath + ".secret"`.
    package static func path(besides storePath: String) -> String { storePath + ".secret" }

    /// Reads the secret beside `storePath`, creating it if there is none.
    ///
    /// Refuses (``StoreSecretError``) a secret file that group or others may
    /// read or write, that belongs to another user, that is not a regular file,
    /// or that does not hold exactly 32 bytes in hex. It never repairs or
    /// replaces an existing file: a secret that may have been read by others
    /// needs a person to decide what to do.
    ///
    /// A new secret is written to a temporary 0600 file, synced, then
    /// hard-linked into place, which fails rather than replacing a secret that
    /// another process created meanwhile (that one is then read and returned).
    package static func loadOrCreate(besides storePath: String) throws -> [UInt8] {
        let path = path(besides: storePath)
        if let secret = try load(path) { return secret }

        var generator = SystemRandomNumberGenerator() // getrandom(2)/arc4random: cryptographically secure
        let secret = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let temporary = path + ".tmp-" + Hex.encode((0..<8).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        try FileSecurity.createOwnerOnlyFile(atPath: temporary, contents: Array((Hex.encode(secret) + "\n").utf8))
        defer { try? Platform.removeFile(temporary) }
        do {
            try Platform.link(temporary, as: path)
        } catch let error as SystemCallError where error.isFileExists {
            // Another process won the race: use its secret.
            guard let theirs = try load(path) else { throw error }
            return theirs
        }
        try Platform.syncDirectory(directory(of: path))
        return secret
    }

    /// The secret in `path`, `nil` if there is no such file.
    private static func load(_ path: String) throws -> [UInt8]? {
        guard let descriptor = try Platform.openForReadingIfExists(path) else { return nil }
        // Checked on the open descriptor: the file checked is the file read.
        let status = try Platform.status(of: descriptor, path: path)
        guard status.isRegularFile else { throw StoreSecretError.notARegularFile(path: path) }
        guard status.ownerID == Platform.effectiveUserID else {
            throw StoreSecretError.notOwnedByCurrentUser(path: path, ownerID: status.ownerID)
        }
        guard status.permissions.isOwnerOnly else {
            throw StoreSecretError.insecurePermissions(path: path, permissions: status.permissions)
        }
        var contents = [UInt8](repeating: 0, count: 256)
        var count = 0
        while count < contents.count {
            let read = try contents[count...].withUnsafeMutableBytes { try Platform.read(from: descriptor, into: $0, path: path) }
            if read == 0 { break }
            count += read
        }
        var text = String(decoding: contents[..<count], as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        guard let secret = Hex.decode(text), secret.count == byteCount else {
            throw StoreSecretError.malformed(path: path, reason: "expected \(byteCount * 2) hexadecimal digits and a newline")
        }
        return secret
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

package enum StoreSecretError: Error, Sendable, CustomStringConvertible {
    case insecurePermissions(path: String, permissions: FilePermissions)
    case notOwnedByCurrentUser(path: String, ownerID: UInt32)
    case notARegularFile(path: String)
    case malformed(path: String, reason: String)

    package var description: String {
        switch self {
        case .insecurePermissions(let path, let permissions):
            "Refusing to use the store secret \(path): its permissions are \(permissions), so other users may read or change it. "
                + "If nobody else can have copied it, run `chmod 600 '\(path)'` and try again; "
                + "if someone may have, the pseudonyms made with it are exposed: ask your data protection officer."
        case .notOwnedByCurrentUser(let path, let ownerID):
            "Refusing to use the store secret \(path): it belongs to user id \(ownerID), not to the user running Kith."
        case .notARegularFile(let path):
            "Refusing to use the store secret \(path): it is not a regular file."
        case .malformed(let path, let reason):
            "The store secret \(path) is damaged (\(reason)). Restore it from a backup; a new secret would break the link to earlier imports."
        }
    }
}
