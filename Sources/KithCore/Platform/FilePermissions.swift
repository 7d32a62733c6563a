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
