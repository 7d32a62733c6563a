import Kith

/// `kith score FILE`: every respondent's score on every instrument the file holds.
enum ScoreCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "score",
            usage:
                "kith score FILE [--instrument ID…] [--format table|csv|json] [--output PATH] "
                + "[--missing POLICY] [--classify ID…] [--instruments DIR]",
            summary: "Score every response in a survey export (FILE, or - for standard input).",
            discussion: """
                Columns are matched to instrument items by their headers (ONS wording, theme phrases, item ids such
                as ucla3_1); answers may be option labels or codes. A scale is scored only when every item is answered,
                unless --missing prorate:N allows up to N missing items; an answer that is not an option makes the scale
                invalid, never zero. Exit status 65 means some answers could not be read: results are still written and
                each problem is listed. 'kith inspect FILE' shows how the file was read.
                """,
            options: [
                SharedOptions.instrument, OptionSpec(name: "format", value: "FORMAT", help: "table (default), csv or json."),
                SharedOptions.output, SharedOptions.missing, SharedOptions.classify, SharedOptions.instruments,
                SharedOptions.source, SharedOptions.map, SharedOptions.dictionary, SharedOptions.delimiter, SharedOptions.encoding,
                SharedOptions.sheet
            ],
            positionals: 1...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let format: ScoreFormat = try arguments.choice("format", default: .table)
        let catalog = try SharedOptions.catalog(arguments, console)
        let path = arguments.positionals[0]
        let scoring = try FileScoring(
            path: console.resolve(path), displayName: path, catalog: catalog,
            options: try SharedOptions.sourceOptions(arguments, console, catalog: catalog),
            missing: try SharedOptions.missingPolicy(arguments), classifications: Set(arguments.values("classify")))
        let source = scoring.source
        var dataProblems = false
        let columnCount = Set(source.matching.matches.map(\.column)).count
        console.note(
            "kith: scoring \(source.matching.instruments.joined(separator: ", ")) from \(columnCount) "
                + "column\(columnCount == 1 ? "" : "s") of \(path); "
                + "'kith inspect \(path)' shows how each column was read."
        )
        for ambiguous in scoring.ambiguousColumns {
            dataProblems = true
            console.note(
                "kith: \(path): column \(ambiguous.column + 1) ('\(ambiguous.header)') "
                    + "could be \(ambiguous.items.joined(separator: " or ")); "
                    + "it was not used. Choose with --instrument or --map."
            )
        }
        let sink = try arguments.value("output").map { try ByteSink.open(console.resolve($0)) } ?? console.out
        let result: ScoringResult
        do {
            result = try scoring.write(format, to: sink, describe: hinted)
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        let tally = result.tally
        if format != .table {
            console.note(
                "kith: scored \(tally.scored) of \(tally.rows) rows of \(path) (\(scoring.reading))"
                    + "\(tally.excluded > 0 ? "; \(tally.excluded) excluded" : "")."
            )
            for notice in result.notices { console.note("kith: \(hinted(notice))") }
        }
        if tally.rowsWithProblems > 0 {
            dataProblems = true
            let invalid = source.tally.invalidAnswers.sorted { $0.key < $1.key }.map { column, labels in
                "column \(column + 1) ('\(source.dialect.columns[column].header)'): "
                    + labels.sorted { $0.value.count > $1.value.count }.prefix(5).map {
                        "'\($0.key)' ×\($0.value.count) "
                            + "(row\($0.value.rows.count == 1 ? "" : "s") \($0.value.rows.map(String.init).joined(separator: ", ")))"
                    }.joined(separator: ", ")
            }
            console.note(
                "kith: \(tally.rowsWithProblems) row\(tally.rowsWithProblems == 1 ? " has" : "s have") "
                    + "answers that are not options of their items, so those scales were not scored:"
            )
            for line in invalid { console.note("  \(line)") }
            console.note("  Fix the file, or name the labels with --map (see 'kith score --help').")
        }
        if dataProblems { throw CLIError.dataProblems }
    }
}
