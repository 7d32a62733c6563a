import Foundation
import Kith

/// `kith import FILE --survey NAME`: one file's responses into the store, all or nothing.
enum ImportCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "import",
            usage: "kith import FILE --survey NAME [--kind K] [--wave W] [--invited N] [--provider P] [--map FILE] [--on-conflict fail|keep|replace] [--keep-ids] [--keep-column NAME…] [--store PATH]",
            summary: "Import a survey export into the response store, scored, in one transaction.",
            discussion: """
            Every row lands or none does. Importing the same file again adds nothing, and says so; a later export that
            overlaps an earlier one adds only the new responses. A response already stored whose answers changed is a
            conflict: --on-conflict fail (the default) imports nothing and lists the rows, keep keeps the stored answers,
            replace takes the file's (undo puts the old ones back). Respondent and person ids are stored as keyed hashes
            (HMAC-SHA256 with a secret kept beside the store), unless --keep-ids. Columns that identify people directly
            (e-mail, name, IP address, phone, postcode, location) are dropped unless named with --keep-column.
            """,
            options: [StoreOptions.survey,
                      OptionSpec(name: "kind", value: "K", help: "citizens-panel, e-survey (default for a new survey) or service-outcomes."),
                      OptionSpec(name: "wave", value: "W", help: "The wave of every row (default: the file's wave column, if any)."),
                      OptionSpec(name: "invited", value: "N", help: "How many people were sent the survey."),
                      OptionSpec(name: "period", value: "TEXT", help: "The survey's period, e.g. 'March 2026'."),
                      OptionSpec(name: "provider", value: "P", help: "The provider / contract / service of every row (default: the file's Provider column, if any)."),
                      OptionSpec(name: "on-conflict", value: "POLICY", help: "fail (default), keep or replace."),
                      OptionSpec(name: "keep-ids", value: nil, help: "Also store response and person ids as given."),
                      OptionSpec(name: "keep-column", value: "NAME", help: "Keep a direct-identifier column that would be dropped.", repeatable: true),
                      SharedOptions.instrument, SharedOptions.missing, SharedOptions.map, SharedOptions.source, SharedOptions.delimiter,
                      SharedOptions.encoding, SharedOptions.instruments, StoreOptions.store,
                      OptionSpec(name: "format", value: "FORMAT", help: "Report as table (default) or json.")],
            positionals: 1...1),
        run: run)

    enum Format: String, CaseIterable { case table, json }

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let surveyName = try StoreOptions.requiredSurvey(arguments, command: "import")
        let format: Format = try arguments.choice("format", default: .table)
        let onConflict: ConflictPolicy = try arguments.choice("on-conflict", default: .fail)
        let kind: SurveyKind? = try arguments.value("kind").map { _ in try arguments.choice("kind", default: SurveyKind.eSurvey) }
        let invited = try arguments.integer("invited")
        let path = arguments.positionals[0]
        guard path != "-" else { throw CLIError.usage("import reads a file (its content is fingerprinted); save standard input to a file first", "import") }
        let target = ImportTarget(survey: surveyName, kind: kind, invited: invited, period: arguments.value("period"),
                                  onConflict: onConflict, keepIDs: arguments.flag("keep-ids"))
        let (report, store) = try importFile(path, target: target, arguments, console) { try StoreOptions.open(arguments, console, create: true) }
        try print(report, store: store, format: format, console)
        if !report.sameFileAs.isEmpty, report.batch == nil {
            console.note("kith: this file was already imported into '\(surveyName)' as batch \(report.sameFileAs.map(String.init).joined(separator: ", ")); nothing was added.")
        }
    }

    /// Reads, scores and stores one file (the path `kith import` and `kith summary FILE` share).
    /// `openStore` is called once the file has been read far enough to know it is usable.
    static func importFile(_ path: String, target: ImportTarget, _ arguments: Arguments, _ console: Console,
                           openStore: () throws -> Store) throws -> (ImportReport, Store) {
        let onConflict = target.onConflict
        let catalog = try SharedOptions.catalog(arguments, console)
        let missing = try SharedOptions.missingPolicy(arguments)
        var options = try SharedOptions.sourceOptions(arguments, console, catalog: catalog)
        options.keepIdentifierColumns = arguments.values("keep-column")
        let fullPath = console.resolve(path)
        let source = try SourceFile(path: fullPath, displayName: path, catalog: catalog, options: options)
        let matching = source.matching
        guard !matching.instruments.isEmpty || !source.questionColumns.isEmpty else {
            throw ImportError.unusable(file: path, reason: "no columns to import")
        }
        for ambiguous in matching.ambiguous {
            console.note("kith: \(path): column \(ambiguous.column + 1) ('\(ambiguous.header)') could be \(ambiguous.items.joined(separator: " or ")); it is kept as the file's own question. Choose with --instrument or --map.")
        }
        let plan = try source.plan(missing: missing)
        let layout = ImportLayout(source: source, plan: plan, keep: arguments.values("keep-column"))

        let store = try openStore()
        // The file's fingerprint is computed while the rows are read, on the time the import's
        // reading and writing threads leave idle (it is needed only at the end).
        let fingerprint = BackgroundTask {
            Platform.lowerCurrentThreadPriority()
            return try fileFingerprint(fullPath)
        }
        var batchOptions: [String: String] = ["on-conflict": onConflict.rawValue, "instruments": matching.instruments.joined(separator: ",")]
        for name in ["wave", "provider", "map", "source", "missing", "kind"] { if let value = arguments.value(name) { batchOptions[name] = value } }
        if arguments.flag("keep-ids") { batchOptions["keep-ids"] = "yes" }
        let batchSource = BatchSource(fileName: (path as NSString).lastPathComponent, fingerprint: { try fingerprint.value() },
                                      dialect: type(of: source.dialect).name, encoding: source.encoding.encoding.rawValue,
                                      options: batchOptions, tool: "kith \(KithCLI.version)", user: console.environment["USER"])
        var excluded: [String: Int] = [:]
        let progress = Progress(console: console, enabled: console.errIsTerminal, name: batchSource.fileName, read: source.progress)
        let wave = arguments.value("wave"), provider = arguments.value("provider")
        let scales = plan.scales.map { ScaleScoring(scale: $0.id, instrumentVersion: $0.instrument.version, policy: $0.policy.description, hasRaw: $0.scale.conversion != nil) }
        let report = try store.importBatch(into: target, source: batchSource, questions: layout.questions, scales: scales,
                                           excluded: { excluded }, columnsDropped: layout.dropped) { session in
            var providers = TextTable<String>()
            try source.forEachRawResponse(plan: plan) { raw in
                if case .excluded(let reason) = raw.status {
                    excluded[reason, default: 0] += 1
                    return
                }
                try layout.add(raw, plan: plan, session: session, wave: wave, provider: provider, providers: &providers)
                progress.tick()
            }
        }
        progress.finish()
        return (report, store)
    }

    static func fileFingerprint(_ path: String) throws -> (sha256: String, bytes: Int) {
        let digest = try SHA256.hash(contentsOfFile: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return (Hex.encode(digest), size)
    }

    static func print(_ report: ImportReport, store: Store, format: Format, _ console: Console) throws {
        if format == .json {
            let excluded = report.excluded.sorted { $0.key < $1.key }.map { "\(TextFormat.json($0.key)):\($0.value)" }.joined(separator: ",")
            try console.out.write("""
                {"survey":\(TextFormat.json(report.survey)),"survey_created":\(report.surveyCreated),"batch":\(TextFormat.json(report.batch)),\
                "rows_read":\(report.rowsRead),"added":\(report.added),"unchanged":\(report.unchanged),"repeated_in_file":\(report.repeatedInFile),\
                "replaced":\(report.replaced),"kept":\(report.kept),"excluded":{\(excluded)},"flagged":\(report.flagged),\
                "columns_dropped":[\(report.columnsDropped.map { TextFormat.json($0) }.joined(separator: ","))],\
                "same_file_as":[\(report.sameFileAs.map(String.init).joined(separator: ","))],"store":\(TextFormat.json(store.path))}

                """)
            return
        }
        var text = report.batch.map { "Imported into survey '\(report.survey)'\(report.surveyCreated ? " (new)" : "") as batch \($0) (\(store.path)).\n" }
            ?? "Nothing added to survey '\(report.survey)': every response in the file is already in the store (\(store.path)).\n"
        text += "  rows read          \(report.rowsRead)\n"
        text += "  added              \(report.added)\n"
        if report.unchanged > 0 { text += "  already stored     \(report.unchanged) (same answers: skipped)\n" }
        if report.repeatedInFile > 0 { text += "  repeated in file   \(report.repeatedInFile) (same response id and answers as an earlier row: skipped)\n" }
        if report.replaced > 0 { text += "  replaced           \(report.replaced) (answers changed; the stored versions are kept for undo)\n" }
        if report.kept > 0 { text += "  kept               \(report.kept) (answers changed; the stored answers were kept)\n" }
        for (reason, count) in report.excluded.sorted(by: { $0.key < $1.key }) { text += "  excluded           \(count) (\(reason))\n" }
        if report.flagged > 0 { text += "  flagged            \(report.flagged) (possible duplicate submissions, stored with a flag)\n" }
        if !report.columnsDropped.isEmpty { text += "  columns dropped    \(report.columnsDropped.map { "'\($0)'" }.joined(separator: ", ")) (direct identifiers; keep one with --keep-column)\n" }
        try console.out.write(text)
    }
}

/// Work started on its own thread; `value()` waits for it.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>?   // written once by the thread, read after `done`

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> T {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
