// swift-tools-version:6.0
// The README's "Using the library" example as a package of its own, depending on Kith as an app
// would. Sources/LibraryExample/main.swift is the README's code block, exactly. From the
// repository root (where Samples/ is; or give the export's path as an argument):
//
//     swift run --package-path docs/library-example --scratch-path .build/library-example
//
// `name: "Kith"` names the dependency whatever the repository's folder is called.
import PackageDescription

let package = Package(
    name: "LibraryExample",
    dependencies: [.package(name: "Kith", path: "../..")],
    targets: [
        .executableTarget(name: "LibraryExample", dependencies: [.product(name: "Kith", package: "Kith")])
    ]
)
