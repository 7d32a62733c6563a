import Foundation
import KithTestSupport
import Testing

@testable import KithImport

/// Every dialect Kith knows (`Dialects.all`) comes with its own source file, its own test file
/// and a sample export that is read as it: `FooDialect` lives in
/// `Sources/KithImport/Dialects/FooDialect.swift`, is tested in
/// `Tests/KithImportTests/FooDialectTests.swift`, and at least one file in `Samples/` is detected
/// as `FooDialect.name`. Adding a dialect without the three fails here.
///
/// The generic dialect is the fallback, not a survey tool's, and could be exempt; it is not,
/// because it has all three (`GenericDialect.swift`, `GenericDialectTests.swift`, and the
/// typed-up paper forms and spreadsheets among the samples).
@Suite("Dialects: one source file, one test file and one sample each")
struct DialectCatalogTests {
    /// `FooDialect` → `Foo`.
    static func stem(_ dialect: any Dialect.Type) -> String {
        let type = String(describing: dialect)
        return type.hasSuffix("Dialect") ? String(type.dropLast("Dialect".count)) : type
    }

    /// The dialect each sample export is read as (the files that cannot be read as a survey
    /// export, e.g. a data dictionary on its own, are left out).
    static let samplesByDialect: [String: [String]] = {
        let folder = packageRoot.appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [String: [String]] = [:]
        for name in names.sorted() where [".csv", ".tsv", ".txt"].contains(where: name.hasSuffix) {
            let path = folder.appendingPathComponent(name).path
            guard let source = try? SourceFile(path: path, displayName: name, catalog: builtInCatalog) else { continue }
            result[type(of: source.dialect).name, default: []].append(name)
        }
        return result
    }()

    @Test("the dialect list is not empty and names each dialect once")
    func listIsSound() {
        #expect(Dialects.all.count > 1)
        #expect(Set(Dialects.all.map { $0.name }).count == Dialects.all.count)
        #expect(Set(Dialects.all.map { Self.stem($0) }).count == Dialects.all.count)
    }

    @Test("each dialect has its own source file", arguments: Dialects.all.map { DialectCatalogTests.stem($0) })
    func sourceFile(_ stem: String) {
        let path = "Sources/KithImport/Dialects/\(stem)Dialect.swift"
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(path).path), "\(path) is missing")
    }

    @Test("each file in Sources/KithImport/Dialects declares one dialect, the one it is named for")
    func oneDialectPerFile() throws {
        let folder = packageRoot.appendingPathComponent("Sources/KithImport/Dialects")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let declared = text.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("package struct "), line.contains(": Dialect") else { return nil }
                return String(line.dropFirst("package struct ".count).prefix { $0 != ":" })
            }
            let named = String(name.dropLast(".swift".count))
            #expect(declared == [named], "\(name) declares \(declared)")
        }
    }

    @Test("each dialect has its own test file", arguments: Dialects.all.map { DialectCatalogTests.stem($0) })
    func testFile(_ stem: String) {
        let path = "Tests/KithImportTests/\(stem)DialectTests.swift"
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(path).path), "\(path) is missing")
    }

    @Test("each dialect has a sample export in Samples/ that is read as it", arguments: Dialects.all.map { $0.name })
    func sample(_ name: String) {
        let samples = Self.samplesByDialect[name] ?? []
        #expect(!samples.isEmpty, "no file in Samples/ is read as '\(name)'; read as: \(Self.samplesByDialect)")
    }
}
