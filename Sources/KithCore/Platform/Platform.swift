// The only Swift file in Kith that imports the C library. KithImport's reader and KithStore's
// files go through the small `Platform` namespace below, so a port to another libc touches
// this file alone. (The C that Swift cannot say, CShims's prefetch hint and sync_file_range,
// is reached from KithStore's `Platform+Hints.swift`; CShims handles its platforms in C.)

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#else
    #error("Kith needs a POSIX C library (Glibc, Musl or Darwin).")
#endif

/// What one `stat`/`fstat` call says about a file.
package struct FileStatus {
    package var permissions: FilePermissions
    package var isRegularFile: Bool
    package var ownerID: UInt32
    package var size: Int64
}

/// An open file descriptor that is closed when it goes out of scope.
/// Use `Platform.close(_:path:)` where a failing `close` must be reported
/// (after writing), and let `deinit` close it everywhere else.
package struct FileDescriptor: ~Copyable {
    /// The descriptor, for a C call made outside this file (KithStore's CShims hints).
    /// It stays owned by `self`: never close it.
    package let raw: Int32

    fileprivate init(raw: Int32) { self.raw = raw }

    deinit { _ = Platform.closeRaw(raw) }

    /// Gives up ownership without closing (the caller closes).
    fileprivate consuming func release() -> Int32 {
        let raw = self.raw
        discard self
        return raw
    }
}

extension SystemCallError {
    /// The call failed because the path already exists (`EEXIST`).
    package var isFileExists: Bool { code == EEXIST }
    /// The call failed because the path, or a directory on it, does not exist (`ENOENT`).
    package var isNoSuchFile: Bool { code == ENOENT }
}

package enum Platform {
    /// Whether a file descriptor is a terminal.
    package static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// Makes the calling thread yield to the process's others (Linux: nice 19 for this
    /// thread only; elsewhere the lowest quality of service), so work that can wait runs
    /// on the time they leave idle. Best effort.
    package static func lowerCurrentThreadPriority() {
        // On Linux a process id of 0 means the calling thread: threads have their own nice values.
        #if canImport(Glibc)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #elseif canImport(Musl)
            _ = setpriority(PRIO_PROCESS, 0, 19)
        #else
            Thread.current.qualityOfService = .background
        #endif
    }

    /// The effective user id of this process.
    package static var effectiveUserID: UInt32 { UInt32(geteuid()) }

    /// Creates `path`, failing if it exists (`O_CREAT | O_EXCL`, so never follows
    /// or truncates anything already there), with exactly `permissions`: the
    /// mode passed to `open` is narrowed by the umask, so it is set again with
    /// `fchmod` before anything is written.
    package static func createExclusive(_ path: String, permissions: FilePermissions) throws -> FileDescriptor {
        let fd = retryingOnInterrupt { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions.rawValue)) }
        guard fd >= 0 else { throw lastError("open", path) }
        let descriptor = FileDescriptor(raw: fd)
        guard fchmod(fd, mode_t(permissions.rawValue)) == 0 else { throw lastError("fchmod", path) }
        return descriptor
    }

    /// Opens an existing file for reading.
    package static func openForReading(_ path: String) throws -> FileDescriptor {
        let fd = retryingOnInterrupt { open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw lastError("open", path) }
        return FileDescriptor(raw: fd)
    }

    /// Opens a file for reading; `nil` if it does not exist.
    package static func openForReadingIfExists(_ path: String) throws -> FileDescriptor? {
        do {
            return try openForReading(path)
        } catch let error as SystemCallError where error.isNoSuchFile {
            return nil
        }
    }

    package static func status(of descriptor: borrowing FileDescriptor, path: String) throws -> FileStatus {
        var info = stat()
        guard fstat(descriptor.raw, &info) == 0 else { throw lastError("fstat", path) }
        return FileStatus(info)
    }

    /// `stat` (follows symbolic links).
    package static func status(ofPath path: String) throws -> FileStatus {
        var info = stat()
        guard stat(path, &info) == 0 else { throw lastError("stat", path) }
        return FileStatus(info)
    }

    package static func setPermissions(_ permissions: FilePermissions, ofPath path: String) throws {
        guard chmod(path, mode_t(permissions.rawValue)) == 0 else { throw lastError("chmod", path) }
    }

    /// Writes all of `bytes`, looping over short writes and `EINTR`.
    package static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: borrowing FileDescriptor, path: String) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = retryingOnInterrupt { Int(writeRaw(descriptor.raw, next, remaining)) }
            guard written >= 0 else { throw lastError("write", path) }
            next += written
            remaining -= written
        }
    }

    /// Reads up to `buffer.count` bytes; 0 at end of file.
    package static func read(from descriptor: borrowing FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, path: String) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = retryingOnInterrupt { Int(readRaw(descriptor.raw, base, buffer.count)) }
        guard count >= 0 else { throw lastError("read", path) }
        return count
    }

    package static func sync(_ descriptor: borrowing FileDescriptor, path: String) throws {
        guard fsync(descriptor.raw) == 0 else { throw lastError("fsync", path) }
    }

    /// Closes and reports a failure (which can mean written data was lost).
    package static func close(_ descriptor: consuming FileDescriptor, path: String) throws {
        let raw = descriptor.release()
        // Never retry close on EINTR: on Linux the descriptor is already gone.
        guard closeRaw(raw) == 0 else { throw lastError("close", path) }
    }

    /// Flushes the directory entry of a just-created or just-linked file.
    package static func syncDirectory(_ directory: String) throws {
        let fd = retryingOnInterrupt { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw lastError("open", directory) }
        let descriptor = FileDescriptor(raw: fd)
        try sync(descriptor, path: directory)
    }

    /// Hard-links `existing` as `new`; fails with `EEXIST` rather than replacing `new`.
    package static func link(_ existing: String, as new: String) throws {
        guard linkRaw(existing, new) == 0 else { throw lastError("link", new) }
    }

    package static func removeFile(_ path: String) throws {
        guard unlink(path) == 0 else { throw lastError("unlink", path) }
    }

    // MARK: - Descriptors their caller owns (KithImport's reader), errno and its text

    /// `open(path, O_RDONLY | O_CLOEXEC)`, retried on `EINTR`; on Linux the kernel is then told
    /// the file will be read sequentially (`posix_fadvise`). The descriptor, which the caller
    /// closes with `closeRaw`, or -1 with the reason in `errorCode`.
    @inlinable
    package static func openRawForSequentialReading(_ path: String) -> Int32 {
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        #if os(Linux)
            if fd >= 0 { _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL)) }
        #endif
        return fd
    }

    /// The size of the regular file open as `descriptor`; nil for a pipe, a terminal or a
    /// socket (or when `fstat` fails).
    @inlinable
    package static func regularFileSize(ofRaw descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// `read(2)`, once: the count read, 0 at the end, or -1 with the reason in `errorCode`.
    @inlinable
    package static func readRaw(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
            return Musl.read(fd, buffer, count)
        #else
            return Darwin.read(fd, buffer, count)
        #endif
    }

    /// `close(2)`, once (never retried: on Linux the descriptor is gone even after `EINTR`).
    @inlinable
    package static func closeRaw(_ raw: Int32) -> Int32 {
        #if canImport(Glibc)
            return Glibc.close(raw)
        #elseif canImport(Musl)
            return Musl.close(raw)
        #else
            return Darwin.close(raw)
        #endif
    }

    /// The calling thread's `errno`.
    @inlinable
    package static var errorCode: Int32 { errno }

    /// Whether `code` is `EINTR`: the call was interrupted by a signal and can be made again.
    @inlinable
    package static func isInterruption(_ code: Int32) -> Bool { code == EINTR }

    /// `strerror(code)`; nil when the C library has no text for it.
    package static func errorMessage(_ code: Int32) -> String? {
        guard let text = strerror(code) else { return nil }
        return String(cString: text)
    }

    // MARK: - Private

    private static func writeRaw(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.write(fd, bytes, count)
        #elseif canImport(Musl)
            return Musl.write(fd, bytes, count)
        #else
            return Darwin.write(fd, bytes, count)
        #endif
    }

    private static func linkRaw(_ existing: String, _ new: String) -> Int32 {
        #if canImport(Glibc)
            return Glibc.link(existing, new)
        #elseif canImport(Musl)
            return Musl.link(existing, new)
        #else
            return Darwin.link(existing, new)
        #endif
    }

    private static func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    private static func lastError(_ operation: String, _ path: String) -> SystemCallError {
        let code = errno
        return SystemCallError(operation: operation, path: path, code: code, message: String(cString: strerror(code)))
    }
}

extension FileStatus {
    fileprivate init(_ info: stat) {
        let mode = UInt32(info.st_mode)
        self.init(
            permissions: FilePermissions(rawValue: mode),
            isRegularFile: mode & UInt32(S_IFMT) == UInt32(S_IFREG),
            ownerID: UInt32(info.st_uid),
            size: Int64(info.st_size))
    }
}
