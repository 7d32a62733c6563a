import Foundation
import KithCore
import KithInstruments
import KithTestSupport
import Testing

/// Meta-tests that keep `Instruments/`, `Samples/`, the tests and the README in step.
@Suite("Instruments folder, samples, tests and README agree")
struct InstrumentFolderTests {
    let folder = packageRoot.appendingPathComponent("Instruments")

    func definitionFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("every JSON file in Instruments/ is compiled in and loads")
    func compiledIn() throws {
        let files = try definitionFiles()
        #expect(BuiltInDefinitions.files.map(\.name) == files, "list each file in Instruments/BuiltInDefinitions.swift")
        for (name, bytes) in BuiltInDefinitions.files {
            let onDisk = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(bytes == onDisk, "\(name): the embedded copy is stale; rebuild")
        }
        #expect(builtInCatalog.instruments.count == files.count)
    }

    @Test("every instrument has a row in the README's instrument table")
    func readmeRows() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for instrument in builtInCatalog.instruments {
            #expect(readme.contains("| `\(instrument.id)` |"), "README has no row for \(instrument.id)")
        }
    }

    @Test("every instrument is scored in some sample's expected results")
    func samples() throws {
        let expected = packageRoot.appendingPathComponent("Samples/expected")
        let texts = try FileManager.default.contentsOfDirectory(atPath: expected.path).filter { $0.hasSuffix(".json") }
            .map { try String(contentsOf: expected.appendingPathComponent($0), encoding: .utf8) }
        for instrument in builtInCatalog.instruments {
            #expect(texts.contains { $0.contains("\"\(instrument.id).") }, "no sample scores \(instrument.id)")
        }
    }

    @Test("every scale has scoring tests")
    func scoringTests() throws {
        let tests = packageRoot.appendingPathComponent("Tests/KithCoreTests")
        let text = try FileManager.default.contentsOfDirectory(atPath: tests.path).filter {
            $0.hasSuffix(".swift") && $0 != "InstrumentFolderTests.swift"
        }
        .map { try String(contentsOf: tests.appendingPathComponent($0), encoding: .utf8) }.joined()
        for instrument in builtInCatalog.instruments {
            for scale in instrument.scales {
                #expect(text.contains("\"\(instrument.id).\(scale.id)\""), "no test names \(instrument.id).\(scale.id)")
            }
        }
    }

    @Test("licensed wording is not shipped: WEMWBS items are theme phrases only")
    func noLicensedWording() throws {
        for id in ["wemwbs", "swemwbs"] {
            let instrument = try builtInCatalog.instrument(id)
            #expect(instrument.licence.wording == .themesOnly)
            #expect(instrument.licence.printWithResults)
            #expect(instrument.items.allSatisfy { $0.text == nil })
        }
        let stems = ["i've been feeling", "i have been feeling", "i’ve been feeling", "i've been dealing", "i've been thinking", "i've been able"]
        for folderName in ["Instruments", "Sources", "Samples", "Tests", "docs"] {
            let enumerator = FileManager.default.enumerator(at: packageRoot.appendingPathComponent(folderName), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard ["json", "swift", "csv", "txt", "md", "py"].contains(url.pathExtension),
                    url.lastPathComponent != "InstrumentFolderTests.swift",
                    let data = try? Data(contentsOf: url)
                else { continue }
                let text = (String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)).lowercased()
                for stem in stems where text.contains(stem) && !text.contains("never write \"\(stem)") {
                    Issue.record("\(url.path) contains WEMWBS statement wording ('\(stem)…')")
                }
            }
        }
    }
}
