import Foundation
import KithCLI

/// The result of running `kith`.
package struct KithRun: Sendable {
    package var status: ExitCode
    package var out: String
    package var err: String
}

/// Runs `kith` in-process with captured output.
package func kith(_ arguments: String..., environment: [String: String] = [:], in directory: String? = nil) -> KithRun {
    kith(arguments, environment: environment, in: directory)
}

package func kith(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) -> KithRun {
    let console = Console.memory(environment: environment, currentDirectory: directory ?? packageRoot.path)
    let status = KithCLI.run(arguments, console: console)
    return KithRun(status: status, out: console.out.text, err: console.err.text)
}

/// The built `kith` executable beside the test bundle (built by `swift test`).
package var kithExecutable: URL {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidates = [bundleFolder.appendingPathComponent("kith")]
    // The bundle may be a folder (KithPackageTests.xctest/…): look upwards too.
    var folder = bundleFolder
    for _ in 0..<4 {
        folder.deleteLastPathComponent()
        candidates.append(folder.appendingPathComponent("kith"))
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}

/// Runs the `kith` executable as a child process, feeding `input` to its standard input.
package func kithProcess(_ arguments: [String], input: Data? = nil, environment: [String: String]? = nil, in directory: URL = packageRoot) throws -> (
    status: Int32, out: String, err: String
) {
    let process = Process()
    process.executableURL = kithExecutable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(input) }
    try inPipe.fileHandleForWriting.close()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}

/// A new empty temporary folder.
package func temporaryFolder(_ label: String = "kith") throws -> URL {
    let url = TestFolders.root.appendingPathComponent("\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Test folders live in `<tmp>/kith-tests/<process id>/`. The first use in a test run removes the
/// folders of earlier runs (whose process has ended), so the last run's files stay for a look
/// after a failure and nothing piles up.
enum TestFolders {
    static let root: URL = {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("kith-tests")
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let pid = Int32(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }
        return parent.appendingPathComponent(String(getpid()))
    }()
}

/// A README section, from its `## heading` to the next `## `, and its `swift run kith …` lines
/// as argument lists (so tests run the README's commands verbatim).
package func readmeSection(_ heading: String) throws -> (text: String, commands: [[String]]) {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let parts = readme.components(separatedBy: "## \(heading)\n")
    guard parts.count > 1, let text = parts[1].components(separatedBy: "\n## ").first else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "README.md has no section '## \(heading)'"])
    }
    let commands = text.split(separator: "\n").filter { $0.hasPrefix("swift run kith ") }
        .map { $0.dropFirst("swift run kith ".count).split(separator: " ").map(String.init) }
    return (text, commands)
}
