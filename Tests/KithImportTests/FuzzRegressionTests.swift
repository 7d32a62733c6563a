import Foundation
import KithTestSupport
import Testing

@testable import KithImport

/// Replays every input the fuzzer kept (`Fuzz/corpus-regressions/`, crashes and the
/// hand-made hard cases) and the seed corpus through the reader, dialect detection and
/// the whole source path: none may crash.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let inputs: [String] = ["Fuzz/corpus-regressions", "Fuzz/corpus-seed"].flatMap { folder -> [String] in
        let url = packageRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func thereAreInputsToReplay() { #expect(FuzzRegressionTests.inputs.count >= 19) }

    @Test(arguments: inputs)
    func replay(_ path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent(path)))
        FuzzBody.run(bytes, catalog: builtInCatalog)
    }
}
