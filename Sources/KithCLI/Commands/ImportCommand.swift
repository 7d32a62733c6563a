import Foundation
import Kith

/// `kith import FILE --survey NAME`: one file's responses into the store, all or nothing.
enum ImportCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "import",
            usage:
                "kith import FILE --survey NAME [--kind K] [--wave W] [--invited N] [--provider P] [--map FILE] "
                + "[--on-conflict fail|keep|replace] [--keep-ids] [--keep-column NAME…] [--store PATH]",
            summary: "Import a survey export into the response store, scored, in one transaction.",
            discussion: """
                Every row lands or none does. Importing the same file again adds nothing, and says so; a later export that
                overlaps an earlier one adds only the new responses. A response already stored whose answers changed is a
                conflict: --on-conflict fail (the default) imports nothing and lists the rows, keep keeps the stored answers,
                replace takes the file's (undo puts the old ones back). Respondent and person ids are stored as keyed hashes
                (HMAC-SHA256 with a secret kept beside the store), unless --keep-ids. Columns that identify people directly
                (e-mail, name, IP address, phone, postcode, location) are dropped unless named with --keep-column.
                """,
            options: [
                StoreOptions.survey,
                OptionSpec(name: "kind", value: "K", help: "citizens-panel, e-survey (default for a new survey) or service-outcomes."),
                OptionSpec(name: "wave", value: "W", help: "The wave of every row (default: the file's wave column, if any)."),
                OptionSpec(name: "invited", value: "N", help: "How many people were sent the survey."),
                OptionSpec(name: "period", value: "TEXT", help: "The survey's period, e.g. 'March 2026'."),
                OptionSpec(
                    name: "provider", value: "P",
                    help: "The provider / contract / service of every row (default: the file's Provider column, if any)."),
                OptionSpec(name: "on-conflict", value: "POLICY", help: "fail (default), keep or replace."),
                OptionSpec(name: "keep-ids", value: nil, help: "Also store response and person ids as given."),
                OptionSpec(name: "keep-column", value: "NAME", help: "Keep a direct-identifier column that would be dropped.", repeatable: true),
                SharedOptions.instrument, SharedOptions.missing, SharedOptions.map, SharedOptions.source, SharedOptions.delimiter,
                SharedOptions.encoding, SharedOptions.sheet, SharedOptions.instruments, StoreOptions.store,
                OptionSpec(name: "format", value: "FORMAT", help: "Report as table (default) or json.")
            ],
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
        guard path != "-" else {
            throw CLIError.usage("import reads a file (its content is fingerprinted); save standard input to a file first", "import")
        }
        let target = ImportTarget(
            survey: surveyName, kind: kind, invited: invited, period: arguments.value("period"),
            onConflict: onConflict, keepIDs: arguments.flag("keep-ids"))
        let file = try prepare(path, arguments, console)
        let store = try StoreOptions.open(arguments, console, create: true)
        let report = try Self.store(file, into: store, target: target, arguments, console)
        try print(report, store: store, format: format, console)
        if !report.sameFileAs.isEmpty, report.batch == nil {
            console.note(
                "kith: this file was already imported into '\(surveyName)' as batch "
                    + "\(report.sameFileAs.map(String.init).joined(separator: ", ")); nothing was added."
            )
        }
    }

    /// Reads a file's header and sample rows with the shared options (the path `kith import`,
    /// `summary FILE`, `change FILE` and `compare FILE` share), and says which columns are ambiguous.
    static func prepare(_ path: String, _ arguments: Arguments, _ console: Console, instruments: Bool = true) throws -> FileImport {
        let catalog = try SharedOptions.catalog(arguments, console)
        let options = try SharedOptions.sourceOptions(arguments, console, catalog: catalog, instruments: instruments)
        let file = try FileImport(
            path: console.resolve(path), displayName: path, catalog: catalog, options: options,
            missing: try SharedOptions.missingPolicy(arguments), keepColumns: arguments.values("keep-column"))
        for ambiguous in file.ambiguousColumns {
            console.note(
                "kith: \(path): column \(ambiguous.column + 1) ('\(ambiguous.header)') "
                    + "could be \(ambiguous.items.joined(separator: " or ")); "
                    + "it is kept as the file's own question. Choose with --instrument or --map."
            )
        }
        return file
    }

    /// Stores a prepared file, recording the options that shaped it, with a progress line on a terminal.
    static func store(
        _ file: FileImport, into store: Store, target: ImportTarget, _ arguments: Arguments,
        _ console: Console
    ) throws -> ImportReport {
        var settings: [String: String] = [:]
        for name in ["wave", "provider", "map", "source", "missing", "kind"] { if let value = arguments.value(name) { settings[name] = value } }
        if arguments.flag("keep-ids") { settings["keep-ids"] = "yes" }
        let batch = BatchSettings(
            wave: arguments.value("wave"), provider: arguments.value("provider"), settings: settings,
            tool: "kith \(KithCLI.version)", user: console.environment["USER"])
        let progress = Progress(
            console: console, enabled: console.errIsTerminal,
            name: (file.displayName as NSString).lastPathComponent, read: file.source.progress)
        defer { progress.finish() }
        return try file.store(into: store, target: target, batch: batch, progress: progress.tick)
    }

    static func print(_ report: ImportReport, store: Store, format: Format, _ console: Console) throws {
        if format == .json {
            var o = JSONObject()
            o.add("survey", report.survey)
            o.add("survey_created", report.surveyCreated)
            o.add("batch", report.batch)
            for (key, value) in [
                ("rows_read", report.rowsRead), ("added", report.added), ("unchanged", report.unchanged),
                ("repeated_in_file", report.repeatedInFile), ("replaced", report.replaced), ("kept", report.kept)
            ] {
                o.add(key, value)
            }
            var excluded = JSONObject()
            for (reason, count) in report.excluded.sorted(by: { $0.key < $1.key }) { excluded.add(reason, count) }
            o.add("excluded", object: excluded)
            o.add("flagged", report.flagged)
            o.add("columns_dropped", strings: report.columnsDropped)
            o.raw("same_file_as", "[" + report.sameFileAs.map(String.init).joined(separator: ",") + "]")
            o.add("store", store.path)
            try console.out.write(o.text + "\n")
            return
        }
        var text =
            report.batch.map { "Imported into survey '\(report.survey)'\(report.surveyCreated ? " (new)" : "") as batch \($0) (\(store.path)).\n" }
            ?? "Nothing added to survey '\(report.survey)': every response in the file is already in the store (\(store.path)).\n"
        text += "  rows read          \(report.rowsRead)\n"
        text += "  added              \(report.added)\n"
        if report.unchanged > 0 { text += "  already stored     \(report.unchanged) (same answers: skipped)\n" }
        if report.repeatedInFile > 0 {
            text += "  repeated in file   \(report.repeatedInFile) (same response id and answers as an earlier row: skipped)\n"
        }
        if report.replaced > 0 { text += "  replaced           \(report.replaced) (answers changed; the stored versions are kept for undo)\n" }
        if report.kept > 0 { text += "  kept               \(report.kept) (answers changed; the stored answers were kept)\n" }
        for (reason, count) in report.excluded.sorted(by: { $0.key < $1.key }) { text += "  excluded           \(count) (\(reason))\n" }
        if report.flagged > 0 { text += "  flagged            \(report.flagged) (possible duplicate submissions, stored with a flag)\n" }
        if !report.columnsDropped.isEmpty {
            text +=
                "  columns dropped    \(report.columnsDropped.map { "'\($0)'" }.joined(separator: ", ")) "
                + "(direct identifiers; keep one with --keep-column)\n"
        }
        try console.out.write(text)
    }
}
