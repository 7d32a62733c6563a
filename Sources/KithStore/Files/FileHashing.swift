import KithCore

extension SHA256 {
    /// The SHA-256 of a file's contents, read in 1 MiB chunks.
    package static func hash(contentsOfFile path: String) throws -> [UInt8] {
        let descriptor = try Platform.openForReading(path)
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = try Platform.read(from: descriptor, into: buffer, path: path)
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return hasher.finalize()
    }
}
