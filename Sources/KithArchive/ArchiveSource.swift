#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an archive's bytes come from. The reader reads only through `bytes(at:count:)`, a
/// record or a piece of a member's data at a time, so a memory-mapped file or one read with
/// `pread` can take the place of the in-memory array later without changing `ZipArchive`'s API.
protocol ArchiveSource: Sendable {
    /// The size of the archive in bytes.
    var count: Int { get }
    /// `count` bytes at `offset`; the caller has checked that the range lies inside the source.
    func bytes(at offset: Int, count: Int) throws(ArchiveError) -> ArraySlice<UInt8>
}

/// An archive held in memory: the bytes given, or a file read whole.
struct InMemorySource: ArchiveSource {
    let storage: [UInt8]

    var count: Int { storage.count }

    func bytes(at offset: Int, count: Int) throws(ArchiveError) -> ArraySlice<UInt8> {
        storage[offset..<(offset + count)]
    }
}

extension ArchiveSource {
    /// The bytes of one structure, refused with `outOfBounds` (not a trap) when any of it lies
    /// outside `0..<limit` (the whole file unless a tighter region is given).
    func slice(
        _ structure: ArchiveError.Structure, at offset: Int, count length: Int, within limit: Int? = nil, archive: String, member: String? = nil
    ) throws(ArchiveError) -> ArraySlice<UInt8> {
        let limit = Swift.min(limit ?? count, count)
        guard offset >= 0, length >= 0, let end = checkedSum(offset, length), end <= limit else {
            throw ArchiveError(.outOfBounds(structure, length: length, limit: limit), archive: archive, member: member, offset: offset)
        }
        return try bytes(at: offset, count: length)
    }
}

/// Reads a whole file into memory with `open`/`read`, retrying interrupted calls. The size from
/// `fstat` is only a first guess: a pipe has none, and a file may grow or shrink while it is read.
func readWholeFile(atPath path: String) throws(ArchiveError) -> [UInt8] {
    func failure(_ code: Int32 = errno) -> ArchiveError { ArchiveError(.unreadable(errno: code), archive: path) }
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
    guard fd >= 0 else { throw failure() }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw failure() }
    guard (status.st_mode & S_IFMT) != S_IFDIR else { throw failure(EISDIR) }
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 65_536))) }
        let result = bytes.withUnsafeMutableBytes { buffer in
            read(fd, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
        }
        if result < 0 && errno == EINTR { continue }
        guard result >= 0 else { throw failure() }
        if result == 0 { break }
        filled += result
    }
    bytes.removeSubrange(filled...)
    return bytes
}
