import Foundation
import Kith

/// Where a command's output goes: standard output and error, or memory in tests.
public final class Console {
    public let out: ByteSink
    public let err: ByteSink
    /// Whether standard error is a terminal (progress bars are drawn only then).
    public let errIsTerminal: Bool
    /// Environment variables (`KITH_STORE`…).
    public let environment: [String: String]
    /// The folder relative paths are resolved from.
    public let currentDirectory: String

    public init(out: ByteSink, err: ByteSink, errIsTerminal: Bool, environment: [String: String], currentDirectory: String) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The process's own standard output and error.
    public static func standard() -> Console {
        Console(
            out: .standardOutput(), err: .standardError(), errIsTerminal: Platform.isTerminal(2),
            environment: ProcessInfo.processInfo.environment, currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// In-memory output, for running commands in tests.
    public static func memory(environment: [String: String] = [:], currentDirectory: String = FileManager.default.currentDirectoryPath) -> Console {
        Console(out: .inMemory(), err: .inMemory(), errIsTerminal: false, environment: environment, currentDirectory: currentDirectory)
    }

    /// Standard output, or a file written whole on `commit()` when `path` is given (and not `-`).
    func sink(_ path: String?) throws -> ByteSink {
        guard let path, path != "-" else { return out }
        return try ByteSink.open(resolve(path))
    }

    func note(_ text: String) {
        try? err.write(text + "\n")
        try? err.flush()
    }
}
