// Every platform difference of the command line, in one place.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("Unsupported platform")
#endif

import Foundation

enum Platform {
    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }

    /// Makes the calling thread yield to the process's others (Linux: nice 19 for this
    /// thread only; elsewhere the lowest quality of service), so work that can wait runs
    /// on the time they leave idle. Best effort.
    static func lowerCurrentThreadPriority() {
        // On Linux a process id of 0 means the calling thread: threads have their own nice values.
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #elseif canImport(Musl)
        _ = setpriority(PRIO_PROCESS, 0, 19)
        #else
        Thread.current.qualityOfService = .background
        #endif
    }
}
