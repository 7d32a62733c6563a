import Kith

/// `kith score FILE`: every respondent's score on every instrument the file holds.
enum ScoreCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "score",
            usage: "kith score FILE [--instrument ID…] [--format table|csv|json] [--output PATH] [--missing POLICY] [--classify ID…] [--instruments DIR]",
            summary: "Score every response in a survey export (FILE, or - for standard input).",
            discussion: """
            Columns are matched to instrument items by their headers (ONS wording, theme phrases, item ids such
            as ucla3_1); answers may be option labels or codes. A scale is scored only when every item is answered,
            unless --missing prorate:N allows up to N missing items; an answer that is not an option makes the scale
            invalid, never zero. Exit status 65 means some answers could not be read: results are still written and
            each problem is listed. 'kith inspect FILE' shows how the file was read.
            """,
            options: [SharedOptions.instrument, OptionSpec(name: "format", value: "FORMAT", help: "table (default), csv or json."),
                      SharedOptions.output, SharedOptions.missing, SharedOptions.classify, SharedOptions.instruments,
                      SharedOptions.source, SharedOptions.map, SharedOptions.dictionary, SharedOptions.delimiter, SharedOptions.encoding],
            positionals: 1...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let format: ScoreFormat = try arguments.choice("format", default: .table)
        let catalog = try SharedOptions.catalog(arguments, console)
        let missing = try SharedOptions.missingPolicy(arguments)
        let options = try SharedOptions.sourceOptions(arguments, console, catalog: catalog)
        let path = arguments.positionals[0]
        let source = try SourceFile(path: console.resolve(path), displayName: path, catalog: catalog, options: options)
        let matching = source.matching
        guard !matching.instruments.isEmpty else {
            throw ImportError.unusable(file: path, reason: "no column was recognised as an instrument item (\(source.dialect.columns.count) columns read as \(type(of: source.dialect).title)). Run 'kith inspect \(path)' to see how each column was read, then name columns with --map.")
        }
        let plan = try source.plan(missing: missing, classifications: Set(arguments.values("classify")))
        var dataProblems = false
        let columnCount = Set(matching.matches.map(\.column)).count
        console.note("kith: scoring \(matching.instruments.joined(separator: ", ")) from \(columnCount) column\(columnCount == 1 ? "" : "s") of \(path); 'kith inspect \(path)' shows how each column was read.")
        for ambiguous in matching.ambiguous {
            dataProblems = true
            console.note("kith: \(path): column \(ambiguous.column + 1) ('\(ambiguous.header)') could be \(ambiguous.items.joined(separator: " or ")); it was not used. Choose with --instrument or --map.")
        }
        let itemColumns = Dictionary(matching.matches.map { ($0.item, $0.header) }, uniquingKeysWith: { first, _ in first })
        let roles = Set(source.dialect.columns.map(\.role))
        let reading = "\(type(of: source.dialect).title), \(source.encoding.encoding), \(source.delimiter.delimiter)"
        let context = ScoreContext(file: path, reading: reading, scales: plan.scales, hasPerson: roles.contains(.person), hasWave: roles.contains(.wave))

        let sink = try arguments.value("output").map { try ByteSink.open(console.resolve($0)) } ?? console.out
        let writer = makeScoreWriter(format, sink: sink)
        var tally = ScoreTally()
        do {
            try writer.begin(context)
            func scoredRow(row: Int, sourceID: String?, person: String?, wave: String?, status: ResponseStatus, duplicateOf: Int?, answers: [ItemAnswer]) -> ScoredRow {
                var scored = ScoredRow(row: row, sourceID: sourceID, person: person, wave: wave,
                                       completion: status.isExcluded ? nil : status.name,
                                       excludedBecause: status.isExcluded ? status.reason : nil,
                                       duplicateOf: duplicateOf, scores: [])
                if !status.isExcluded {
                    scored.scores = plan.score(answers)
                    for score in scored.scores {
                        for problem in score.invalid where !scored.problems.contains(where: { $0.item == problem.item }) {
                            scored.problems.append(RowProblem(item: problem.item, column: itemColumns[plan.slots[plan.slot(of: problem.item)!]] ?? problem.item,
                                                              problem: problem.answer.description))
                        }
                    }
                }
                return scored
            }
            if format == .csv {
                let fast = FastCSVRows(plan: plan, context: context, sink: sink)
                try source.forEachRawResponse(plan: plan) { response in
                    if try fast.write(response) { return }
                    let row = scoredRow(row: response.row, sourceID: response.sourceID.isEmpty ? nil : String(decoding: response.sourceID, as: UTF8.self),
                                        person: response.person.isEmpty ? nil : String(decoding: response.person, as: UTF8.self), wave: response.wave,
                                        status: response.status, duplicateOf: response.duplicateOf, answers: Array(response.answers))
                    tally.add(row)
                    try writer.write(row)
                }
                try fast.finish(into: &tally)
            } else {
                try source.forEachResponse(plan: plan) { response in
                    let row = scoredRow(row: response.row, sourceID: response.sourceID, person: response.person, wave: response.wave,
                                        status: response.status, duplicateOf: response.duplicateOf, answers: response.answers)
                    tally.add(row)
                    try writer.write(row)
                }
            }
            var notices = plan.notices
            let sourceTally = source.tally
            if sourceTally.duplicates > 0 {
                let shown = sourceTally.duplicateRows.prefix(5).map { "row \($0.row) repeats row \($0.of) (\($0.reason))" }.joined(separator: "; ")
                notices.append("\(sourceTally.duplicates) row\(sourceTally.duplicates == 1 ? " looks" : "s look") like a repeated submission: \(shown)\(sourceTally.duplicates > 5 ? "; …" : ""). They are scored; 'kith inspect' lists them.")
            }
            if !sourceTally.missingCodes.isEmpty {
                let parts = sourceTally.missingCodes.sorted { $0.key < $1.key }.map { column, codes in
                    "column \(column + 1) ('\(source.dialect.columns[column].header)'): " + codes.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.count)" }.joined(separator: ", ")
                }
                notices.append("Codes that are not options of their items were read as \"no answer\": \(parts.joined(separator: "; ")). Set \"conventionalMissingCodes\": false in a --map file to treat them as invalid instead.")
            }
            if source.tally.trailingBlankRows > 0 { notices.append("\(source.tally.trailingBlankRows) blank row\(source.tally.trailingBlankRows == 1 ? "" : "s") at the end of the file ignored.") }
            try writer.end(tally, notices: notices)
            try sink.commit()
            if format != .table {
                console.note("kith: scored \(tally.scored) of \(tally.rows) rows of \(path) (\(reading))\(tally.excluded > 0 ? "; \(tally.excluded) excluded" : "").")
                for notice in notices { console.note("kith: \(notice)") }
            }
        } catch {
            sink.discard()
            throw error
        }
        if tally.rowsWithProblems > 0 {
            dataProblems = true
            let invalid = source.tally.invalidAnswers.sorted { $0.key < $1.key }.map { column, labels in
                "column \(column + 1) ('\(source.dialect.columns[column].header)'): " + labels.sorted { $0.value.count > $1.value.count }.prefix(5).map {
                    "'\($0.key)' ×\($0.value.count) (row\($0.value.rows.count == 1 ? "" : "s") \($0.value.rows.map(String.init).joined(separator: ", ")))"
                }.joined(separator: ", ")
            }
            console.note("kith: \(tally.rowsWithProblems) row\(tally.rowsWithProblems == 1 ? " has" : "s have") answers that are not options of their items, so those scales were not scored:")
            for line in invalid { console.note("  \(line)") }
            console.note("  Fix the file, or name the labels with --map (see 'kith score --help').")
        }
        if dataProblems { throw CLIError.dataProblems }
    }
}
