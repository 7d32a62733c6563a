import Kith

private let formatOption = OptionSpec(name: "format", value: "FORMAT", help: "table (default) or json.")

/// `kith surveys`.
enum SurveysCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "surveys", usage: "kith surveys [--store PATH] [--format table|json]",
            summary: "List the surveys in the store, with their responses, batches and waves.",
            options: [StoreOptions.store, formatOption]),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let format: ImportCommand.Format = try arguments.choice("format", default: .table)
        let store = try StoreOptions.open(arguments, console)
        let surveys = try store.surveys()
        if format == .json {
            let items = surveys.map { overview in
                var o = JSONObject()
                o.add("name", overview.survey.name)
                o.add("kind", overview.survey.kind.rawValue)
                o.add("invited", overview.survey.invited)
                o.add("period", overview.survey.period)
                o.add("responses", overview.responses)
                o.add("batches", overview.batches)
                o.add("waves", strings: overview.waves)
                o.add("last_import", overview.lastImport)
                return o
            }
            try console.out.write(JSONObject.array(items) + "\n")
            return
        }
        guard !surveys.isEmpty else {
            try console.out.write("No surveys in \(store.path) yet: 'kith import FILE --survey NAME' creates one.\n")
            return
        }
        let rows = surveys.map { overview in
            [
                overview.survey.name, overview.survey.kind.rawValue, overview.survey.invited.map(String.init) ?? "-", String(overview.responses),
                String(overview.batches), overview.waves.isEmpty ? "-" : overview.waves.joined(separator: ", "), overview.lastImport ?? "-"
            ]
        }
        try console.out.write(InstrumentText.table(["SURVEY", "KIND", "INVITED", "RESPONSES", "BATCHES", "WAVES", "LAST IMPORT"], rows))
    }
}

/// `kith batches --survey S`.
enum BatchesCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "batches", usage: "kith batches --survey NAME [--store PATH] [--format table|json]",
            summary: "List a survey's import batches: file, fingerprint, what each added, and whether it was undone.",
            options: [StoreOptions.survey, StoreOptions.store, formatOption]),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let name = try StoreOptions.requiredSurvey(arguments, command: "batches")
        let format: ImportCommand.Format = try arguments.choice("format", default: .table)
        let store = try StoreOptions.open(arguments, console)
        let batches = try store.batches(survey: name)
        if format == .json {
            let items = batches.map { batch in
                var o = JSONObject()
                o.add("batch", batch.id)
                o.add("file", batch.fileName)
                o.add("sha256", batch.sha256)
                o.add("bytes", batch.bytes)
                o.add("dialect", batch.dialect)
                o.add("encoding", batch.encoding)
                o.add("imported_at", batch.importedAt)
                o.add("imported_by", batch.importedBy)
                o.add("tool", batch.tool)
                var options = JSONObject()
                for (key, value) in batch.options.sorted(by: { $0.key < $1.key }) { options.add(key, value) }
                o.add("options", object: options)
                for (key, value) in [
                    ("rows_read", batch.rowsRead), ("added", batch.added), ("unchanged", batch.unchanged), ("replaced", batch.replaced),
                    ("kept", batch.kept), ("excluded", batch.excluded), ("flagged", batch.flagged), ("responses", batch.responses)
                ] {
                    o.add(key, value)
                }
                o.add("undone_at", batch.undoneAt)
                return o
            }
            try console.out.write(JSONObject.array(items) + "\n")
            return
        }
        let rows = batches.map { batch in
            [
                String(batch.id), batch.fileName, String(batch.sha256.prefix(12)), batch.importedAt, batch.dialect, String(batch.rowsRead),
                String(batch.added), String(batch.unchanged), String(batch.replaced), String(batch.excluded), String(batch.responses),
                batch.undoneAt.map { "undone \($0)" } ?? ""
            ]
        }
        try console.out.write(
            InstrumentText.table(
                ["BATCH", "FILE", "SHA-256", "IMPORTED", "SOURCE", "ROWS", "ADDED", "SKIPPED", "REPLACED", "EXCLUDED", "HELD", ""], rows))
    }
}

/// `kith undo BATCH`.
enum UndoCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "undo", usage: "kith undo BATCH [--store PATH] [--format table|json]",
            summary: "Undo an import batch: remove the responses it added and put back those it replaced.",
            options: [StoreOptions.store, formatOption], positionals: 1...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        guard let id = Int(arguments.positionals[0].trimmingPrefix("#")), id > 0 else {
            throw CLIError.usage("BATCH is a batch number, as 'kith batches' lists them; got '\(arguments.positionals[0])'", "undo")
        }
        let format: ImportCommand.Format = try arguments.choice("format", default: .table)
        let report = try StoreOptions.open(arguments, console).undo(batch: id)
        if format == .json {
            var o = JSONObject()
            o.add("batch", report.batch)
            o.add("survey", report.survey)
            o.add("removed", report.removed)
            o.add("restored", report.restored)
            try console.out.write(o.text + "\n")
        } else {
            try console.out.write(
                "Undid batch \(report.batch) of survey '\(report.survey)': "
                    + "\(report.removed) response\(report.removed == 1 ? "" : "s") removed"
                    + "\(report.restored > 0 ? ", \(report.restored) replaced response\(report.restored == 1 ? "" : "s") put back" : "").\n"
            )
        }
    }
}

/// `kith rescore --survey S`.
enum RescoreCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "rescore", usage: "kith rescore --survey NAME [--missing POLICY] [--instruments DIR] [--store PATH] [--format table|json]",
            summary: "Score a survey's stored answers again with the current definitions, recording the versions used.",
            options: [StoreOptions.survey, SharedOptions.missing, SharedOptions.instruments, StoreOptions.store, formatOption]),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let name = try StoreOptions.requiredSurvey(arguments, command: "rescore")
        let format: ImportCommand.Format = try arguments.choice("format", default: .table)
        let catalog = try SharedOptions.catalog(arguments, console)
        let report = try StoreOptions.open(arguments, console).rescore(
            survey: name, catalog: catalog, missing: try SharedOptions.missingPolicy(arguments))
        let scales = report.scales.map { "\($0.scale) (definition \($0.instrumentVersion), policy \($0.policy))" }
        if format == .json {
            var o = JSONObject()
            o.add("survey", report.survey)
            o.add("responses", report.responses)
            o.add("changed", report.changed)
            o.add(
                "scales",
                objects: report.scales.map {
                    var scale = JSONObject()
                    scale.add("scale", $0.scale)
                    scale.add("instrument_version", $0.instrumentVersion)
                    scale.add("policy", $0.policy)
                    return scale
                })
            try console.out.write(o.text + "\n")
        } else {
            try console.out.write(
                "Rescored \(report.responses) responses of '\(report.survey)': "
                    + "\(report.changed) score set\(report.changed == 1 ? "" : "s") changed.\n"
            )
            for scale in scales { try console.out.write("  \(scale)\n") }
            for old in report.previous {
                try console.out.write("  before: \(old.map { "\($0.scale) \($0.instrumentVersion) \($0.policy)" }.joined(separator: "; "))\n")
            }
        }
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
