// libFuzzer entry point: the reader, dialect detection and the whole source path
// (dialect init, column matching, streaming responses) over arbitrary bytes.
// Built by Fuzz/run.sh with `swiftc -sanitize=fuzzer`; crashes found are kept in
// Fuzz/corpus-regressions/ and replayed by Tests/KithImportTests/FuzzRegressionTests.swift.
import KithCore
import KithImport

let catalog = try! Catalog.builtIn()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzBody.run(bytes, catalog: catalog)
    return 0
}
