// swift-tools-version:6.0
//
// Kith: measuring loneliness and wellbeing the way UK public health measures them.
// No third-party packages: Foundation, the toolchain and the system SQLite and zlib libraries only.
import Foundation
import PackageDescription

/// Every instrument definition in `Instruments/` is compiled into the binary.
/// Adding a definition means dropping a JSON file there (and one line in
/// `Instruments/BuiltInDefinitions.swift`, which a meta-test keeps in step).
let instrumentDefinitions: [Resource] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Instruments")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { Resource.embedInCode($0) }
}()

let package = Package(
    name: "Kith",
    products: [
        .library(name: "Kith", targets: ["Kith"]),
        .executable(name: "kith", targets: ["kith"])
    ],
    dependencies: [],
    targets: [
        // MARK: - Data flow, one module per stage
        .target(name: "KithInstruments", path: "Instruments", exclude: ["README.md"], resources: instrumentDefinitions),
        .target(name: "KithCore", dependencies: ["KithInstruments"]),
        .target(name: "KithImport", dependencies: ["KithCore", "KithArchive", "CShims"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "KithArchive", dependencies: ["CZlib"]), // ZIP reader and writer; no other Kith module, so any writer can use it
        .target(name: "CShims"), // what Swift cannot say: SHA instructions, prefetch hints, sync_file_range, vector compares
        .target(name: "KithStore", dependencies: ["KithCore", "CSQLite", "CShims"]),
        .target(name: "KithStatistics"),
        .target(name: "KithReports", dependencies: ["KithCore", "KithStatistics", "KithStore"]),
        .target(name: "KithPipeline", dependencies: ["KithCore", "KithImport", "KithStore", "KithReports"]),

        // MARK: - Public API and command line
        .target(name: "Kith", dependencies: ["KithCore", "KithImport", "KithStore", "KithStatistics", "KithReports", "KithPipeline", "KithArchive"]),
        .target(name: "KithCLI", dependencies: ["Kith"]),
        .executableTarget(name: "kith", dependencies: ["KithCLI"]),

        // MARK: - Tests
        .target(name: "KithTestSupport", dependencies: ["Kith", "KithCLI"]),
        .testTarget(name: "KithCoreTests", dependencies: ["KithCore", "KithTestSupport"]),
        .testTarget(name: "KithImportTests", dependencies: ["KithImport", "KithTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KithStoreTests", dependencies: ["KithStore", "KithTestSupport"]),
        .testTarget(name: "KithStatisticsTests", dependencies: ["KithStatistics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KithReportsTests", dependencies: ["KithReports", "KithTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KithPipelineTests", dependencies: ["Kith", "KithTestSupport"]),
        .testTarget(name: "KithArchiveTests", dependencies: ["KithArchive"], resources: [.copy("Fixtures")]),
        .testTarget(name: "KithCLITests", dependencies: ["KithCLI", "KithTestSupport"])
    ]
)
