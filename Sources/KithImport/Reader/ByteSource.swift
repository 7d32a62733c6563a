import KithCore

/// Where raw bytes come from: a file descriptor (read with `read(2)` in chunks, never mapped) or
/// an in-memory array (copied out in chunks, so both paths exercise the same chunk logic).
final class ByteSource {
    private enum Storage {
        case descriptor(Int32, owned: Bool)
        case memory([UInt8], position: Int)
        case closed
    }

    private var storage: Storage
    let displayName: String
    /// How far reading has got (for progress displays).
    let progress: ReadProgress

    init(descriptor: Int32, owned: Bool, displayName: String) {
        storage = .descriptor(descriptor, owned: owned)
        self.displayName = displayName
        progress = ReadProgress(total: Platform.regularFileSize(ofRaw: descriptor))
    }

    init(bytes: [UInt8], displayName: String) {
        storage = .memory(bytes, position: 0)
        self.displayName = displayName
        progress = ReadProgress(total: bytes.count)
    }

    /// Opens `path` for reading (`-` is standard input, which is not closed afterwards).
    static func open(path: String, displayName: String) throws -> ByteSource {
        if path == "-" { return ByteSource(descriptor: 0, owned: false, displayName: displayName) }
        let fd = Platform.openRawForSequentialReading(path)
        guard fd >= 0 else { throw ReaderError(kind: .cannotOpen(errno: Platform.errorCode), file: displayName) }
        return ByteSource(descriptor: fd, owned: true, displayName: displayName)
    }

    deinit { close() }

    func close() {
        if case .descriptor(let fd, owned: true) = storage { _ = Platform.closeRaw(fd) }
        storage = .closed
    }

    /// Reads up to `count` bytes into `destination`, looping over short reads (pipes, terminals),
    /// so that a return value below `count` always means the end of the input was reached.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> (count: Int, atEnd: Bool) {
        switch storage {
        case .closed:
            return (0, true)
        case .memory(let bytes, let position):
            let n = min(count, bytes.count - position)
            if n > 0 {
                bytes.withUnsafeBufferPointer { source in
                    destination.update(from: source.baseAddress! + position, count: n)
                }
            }
            storage = .memory(bytes, position: position + n)
            progress.bytes += n
            return (n, position + n == bytes.count)
        case .descriptor(let fd, _):
            var total = 0
            while total < count {
                let n = Platform.readRaw(fd, destination + total, count - total)
                if n > 0 {
                    total += n
                    progress.bytes += n
                } else if n == 0 {
                    return (total, true)
                } else if !Platform.isInterruption(Platform.errorCode) {
                    throw ReaderError(kind: .readFailed(errno: Platform.errorCode), file: displayName)
                }
            }
            return (total, false)
        }
    }
}

/// How much of its input a reader has read: for a progress bar (the reader reads ahead of
/// the rows it has delivered by at most one buffer).
package final class ReadProgress {
    /// Bytes read so far.
    package internal(set) var bytes = 0
    /// The input's size, when known (a regular file, or bytes in memory); nil for a pipe.
    package let total: Int?

    init(total: Int?) { self.total = total }

    /// The share read, 0...1, when the size is known.
    package var fraction: Double? {
        guard let total else { return nil }
        return total == 0 ? 1 : min(1, Double(bytes) / Double(total))
    }
}
