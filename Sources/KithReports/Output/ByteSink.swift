import Foundation

/// A buffered writer of UTF-8 text to standard output or to a file.
///
/// A file is written under a temporary name beside it and renamed into place
/// by `commit()`, so a failed run never leaves a half-written file; `discard()`
/// removes the temporary file.
public final class ByteSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    /// Everything written, for an in-memory sink (tests, and commands that post-process).
    package private(set) var memory: [UInt8]? = nil
    private let temporaryPath: String?
    private let finalPath: String?
    private let flushThreshold = 1 << 20

    /// Writes to standard output.
    public static func standardOutput() -> ByteSink { ByteSink(handle: .standardOutput, temporaryPath: nil, finalPath: nil) }

    /// Writes to `path` (atomically, on `commit()`), or to standard output for nil or `-`.
    public static func open(_ path: String?) throws -> ByteSink {
        guard let path, path != "-" else { return standardOutput() }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.cannotWrite(path: path, reason: "no such folder \(directory)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".kith-\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw OutputError.cannotWrite(path: path, reason: "cannot create a file in \(directory)")
        }
        return ByteSink(handle: handle, temporaryPath: temporary, finalPath: path)
    }

    static func wrapping(_ handle: FileHandle) -> ByteSink { ByteSink(handle: handle, temporaryPath: nil, finalPath: nil) }

    /// Keeps what is written in `memory` (for running commands in-process in tests).
    public static func inMemory() -> ByteSink {
        let sink = ByteSink(handle: nil, temporaryPath: nil, finalPath: nil)
        sink.memory = []
        return sink
    }

    /// The text written so far to an in-memory sink.
    public var text: String {
        try? flush()
        return String(decoding: memory ?? [], as: UTF8.self)
    }

    private init(handle: FileHandle?, temporaryPath: String?, finalPath: String?) {
        self.handle = handle
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    @inline(__always)
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= flushThreshold { try flush() }
    }

    @inline(__always)
    package func write(byte: UInt8) { buffer.append(byte) }

    /// Appends bytes (the non-generic fast path: a generic call across modules appends one byte at a time).
    package func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    package func writeBytes(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    public func write<C: Collection>(bytes: C) throws where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    package func flush() throws {
        guard !buffer.isEmpty else { return }
        if memory != nil {
            memory!.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        do { try handle?.write(contentsOf: buffer) } catch {
            throw OutputError.cannotWrite(path: finalPath ?? "standard output", reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    public func commit() throws {
        try flush()
        guard let temporaryPath, let finalPath else { return }
        try? handle?.close()
        // rename(2) replaces an existing file atomically (FileManager.replaceItemAt fails on Linux
        // every other time when the destination exists).
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw OutputError.cannotWrite(path: finalPath, reason: reason)
        }
    }

    /// Drops a file that will not be completed.
    public func discard() {
        guard let temporaryPath else { return }
        try? handle?.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}

/// A problem writing results.
public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}

extension ByteSink {
    /// Writes to standard error.
    package static func standardError() -> ByteSink { ByteSink.wrapping(.standardError) }
}
