import Foundation
import Kith

/// Options several commands share.
enum SharedOptions {
    static let instruments = OptionSpec(
        name: "instruments", value: "DIR", help: "Also load the instrument definitions (*.json) in DIR.", repeatable: true)
    static let instrument = OptionSpec(
        name: "instrument", value: "ID", help: "Score only this instrument (default: every instrument whose items the file has).", repeatable: true)
    static let source = OptionSpec(
        name: "source", value: "NAME", help: "Read the file as this survey tool's export (default: detect). See 'kith inspect --help'.")
    static let delimiter = OptionSpec(name: "delimiter", value: "D", help: "comma, semicolon, tab or pipe (default: detect).")
    static let sheet = OptionSpec(
        name: "sheet", value: "NAME|N", help: "A workbook's sheet, by name or number from 1 (default: the first naming instrument items).")
    static let encoding = OptionSpec(name: "encoding", value: "ENC", help: "utf-8, utf-16le, utf-16be or windows-1252 (default: detect).")
    static let map = OptionSpec(name: "map", value: "FILE", help: "A JSON map: column → item id, label → code, extra missing-answer codes.")
    static let dictionary = OptionSpec(
        name: "dictionary", value: "FILE", help: "A REDCap data dictionary for a coded REDCap export (default: one saved beside the export).")
    static let missing = OptionSpec(
        name: "missing", value: "POLICY", help: "Missing-answer policy: complete (default: every item answered) or prorate:N.")
    static let classify = OptionSpec(
        name: "classify", value: "ID", help: "Add a named classification of the scores (e.g. lonely-6-9), or 'all'.", repeatable: true)
    static let output = OptionSpec(
        name: "output", value: "PATH", help: "Write to PATH instead of standard output (written whole or not at all).", short: "o")

    /// The catalog: built-in definitions plus `--instruments` folders.
    static func catalog(_ arguments: Arguments, _ console: Console) throws -> Catalog {
        let catalog = try Catalog.load(directories: arguments.values("instruments").map { console.resolve($0) })
        for notice in catalog.notices { console.note("kith: \(notice)") }
        return catalog
    }

    static func missingPolicy(_ arguments: Arguments) throws -> MissingPolicy? {
        guard let text = arguments.value("missing") else { return nil }
        // answered-sum:N is a definition's own rule for its scale, never a policy for every scale.
        guard let policy = MissingPolicy(text), policy.maxMissing == 0 || policy == .prorate(maxMissing: policy.maxMissing) else {
            throw CLIError.usage("--missing must be 'complete' or 'prorate:N' with N at least 1; got '\(text)'", nil)
        }
        return policy
    }

    /// How to read a source file, from the shared options. `instruments`: whether `--instrument`
    /// names the instruments to read (`change` and `compare` give it another meaning).
    static func sourceOptions(
        _ arguments: Arguments, _ console: Console, catalog: Catalog,
        instruments: Bool = true
    ) throws -> SourceOptions {
        var options = SourceOptions()
        if let name = arguments.value("source") {
            guard Dialects.named(name) != nil else {
                throw CLIError.usage("--source must be one of \(Dialects.all.map { $0.name }.joined(separator: ", ")); got '\(name)'", nil)
            }
            options.dialect = name
        }
        if let text = arguments.value("delimiter") {
            guard let delimiter = Delimiter(name: text) else {
                throw CLIError.usage("--delimiter must be comma, semicolon, tab or pipe; got '\(text)'", nil)
            }
            options.delimiter = delimiter
        }
        if let text = arguments.value("encoding") {
            guard let encoding = Encoding(name: text) else {
                throw CLIError.usage("--encoding must be utf-8, utf-16le, utf-16be or windows-1252; got '\(text)'", nil)
            }
            options.encoding = encoding
        }
        options.sheet = arguments.value("sheet")
        if let path = arguments.value("map") { options.map = try ImportMap.load(path: console.resolve(path)) }
        if let path = arguments.value("dictionary") {
            let resolved = console.resolve(path)
            guard FileManager.default.fileExists(atPath: resolved) else { throw ImportError.unreadable(file: path, reason: "no such file") }
            options.dictionary = resolved
        }
        let ids = instruments ? arguments.values("instrument") : []
        if !ids.isEmpty {
            for id in ids { _ = try catalog.instrument(id) }
            options.instruments = ids
        }
        return options
    }
}

extension Console {
    /// A path as given, resolved against the current directory.
    func resolve(_ path: String) -> String {
        path == "-" || path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }
}
