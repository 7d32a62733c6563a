// What KithStore asks of the machine beyond the C library (which KithCore's `Platform`
// wraps): CShims's cache prefetch hint and Linux's sync_file_range.

import CShims
import KithCore

extension Platform {
    /// Hints the CPU to start loading the cache line at `address` (never faults).
    @inline(__always)
    static func prefetch(_ address: UnsafeRawPointer) {
        kith_prefetch(address)
    }

    /// Starts writing the file's dirty pages to disk without waiting (Linux; elsewhere
    /// nothing), so that a later fsync has less left to do. Best effort: failures are ignored.
    static func startWriteback(_ descriptor: borrowing FileDescriptor) {
        _ = kith_start_writeback(descriptor.raw)
    }
}
