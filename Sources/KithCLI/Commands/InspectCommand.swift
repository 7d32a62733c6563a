import Kith

/// `kith inspect FILE`: how Kith reads a file, before anything is scored or imported.
enum InspectCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "inspect",
            usage: "kith inspect FILE [--format text|json] [--source NAME] [--map FILE] [--dictionary FILE] [--instrument ID…]",
            summary: "Show how Kith reads a survey export: tool, encoding, columns, items, rows.",
            discussion: """
                Reads the whole file and reports: the survey tool (dialect) and why, the encoding, delimiter and header
                rows; each column's role and, for instrument items, how its header was matched; columns that are
                ambiguous or were set aside; the file's own questions with their kind; answers that are not options of
                their items, with example rows; missing-answer codes; complete, partial, excluded and duplicate rows;
                and what 'kith score' would score. Free-text answers and identifiers are never printed.
                Known sources: \(Dialects.all.map { $0.name }.joined(separator: ", ")).
                """,
            options: [
                OptionSpec(name: "format", value: "FORMAT", help: "text (default) or json."), SharedOptions.source, SharedOptions.map,
                SharedOptions.dictionary, SharedOptions.instrument, SharedOptions.instruments, SharedOptions.delimiter, SharedOptions.encoding,
                SharedOptions.sheet
            ],
            positionals: 1...1),
        run: run)

    enum Format: String, CaseIterable { case text, json }

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let format: Format = try arguments.choice("format", default: .text)
        let catalog = try SharedOptions.catalog(arguments, console)
        let options = try SharedOptions.sourceOptions(arguments, console, catalog: catalog)
        let path = arguments.positionals[0]
        let source = try SourceFile(path: console.resolve(path), displayName: path, catalog: catalog, options: options)
        let plan = try source.plan()
        try source.forEachRawResponse(plan: plan) { _ in }
        let report = Report(source: source, plan: plan, catalog: catalog, named: options.dialect != nil)
        try console.out.write(format == .json ? report.json() : report.text())
    }

    /// What inspect says, built once and rendered as text or JSON.
    struct Report {
        let source: SourceFile
        let plan: ScoringPlan
        let catalog: Catalog
        /// Whether the survey tool was named rather than recognised.
        let named: Bool

        var how: String { named ? "named with --source \(dialectName)" : source.dialectChoice }
        var dialectName: String { type(of: source.dialect).name }
        var dialectTitle: String { type(of: source.dialect).title }

        func header(_ column: Int) -> String { column < source.dialect.columns.count ? source.dialect.columns[column].header : "#\(column + 1)" }

        func itemOf(column: Int) -> String? { source.matching.match(forColumn: column)?.item }

        var standardFields: [(column: Int, header: String, role: String)] {
            var result: [(Int, String, String)] = []
            for column in source.dialect.columns where column.role != .question {
                if case .identifier = column.role { continue }
                if column.role == .metadata { continue }
                result.append((column.index, column.header, column.role.description))
            }
            if let id = source.dialect.standardColumn(.sourceID), !result.contains(where: { $0.0 == id && $0.2 == ColumnRole.sourceID.description }) {
                result.append((id, header(id), "\(ColumnRole.sourceID.description) (same column)"))
            }
            return result.sorted { $0.0 < $1.0 }
        }

        var identifiers: [SourceColumn] { source.dialect.columns.filter { if case .identifier = $0.role { return true } else { return false } } }
        var metadata: [SourceColumn] { source.dialect.columns.filter { $0.role == .metadata && !$0.header.isEmpty } }

        func scaleCoverage() -> [(scale: String, title: String, found: Int, items: Int, missing: [String])] {
            let matched = Set(source.matching.matches.map { catalog.canonicalItem($0.item) })
            return plan.scales.map { planned in
                let missing = planned.scale.items.filter { !matched.contains(catalog.canonicalItem($0)) }
                return (planned.id, planned.scale.title, planned.scale.items.count - missing.count, planned.scale.items.count, missing)
            }
        }

        func rowsLine(_ rows: [Int]) -> String { "row\(rows.count == 1 ? "" : "s") \(rows.map(String.init).joined(separator: ", "))" }

        func text() -> String {
            var out = ""
            let tally = source.tally
            out += "File:        \(source.displayName)\n"
            out += "Source:      \(dialectTitle) (--source \(dialectName)): \(how)\n"
            out += "Encoding:    \(source.encoding)\n"
            out += "Delimiter:   \(source.delimiter)\n"
            out += "Header rows: \(source.headerRows); \(source.dialect.columns.count) columns; dates read as \(source.dateOrder.rawValue)\n"
            for note in source.notes { out += "Note:        \(note)\n" }

            out += "\nStandard fields:\n"
            let fields = standardFields
            if fields.isEmpty { out += "  none (no response id, person, wave, time or status column)\n" }
            for field in fields { out += "  column \(field.column + 1) '\(field.header)': \(field.role)\n" }
            if !identifiers.isEmpty {
                out +=
                    "  direct identifiers (dropped at import unless kept on purpose): "
                    + "\(identifiers.map { "column \($0.index + 1) '\($0.header)'" }.joined(separator: ", "))\n"
            }
            if !metadata.isEmpty { out += "  tool metadata (not kept): \(metadata.map { "'\($0.header)'" }.joined(separator: ", "))\n" }

            out += "\nInstrument items (\(source.matching.matches.count) column\(source.matching.matches.count == 1 ? "" : "s")):\n"
            if source.matching.matches.isEmpty { out += "  none recognised\n" }
            for match in source.matching.matches {
                out += "  column \(match.column + 1) '\(match.header)' → \(match.item) (\(match.instrument)): \(match.method)\n"
            }
            for ambiguous in source.matching.ambiguous {
                out +=
                    "  column \(ambiguous.column + 1) '\(ambiguous.header)' is AMBIGUOUS: "
                    + "could be \(ambiguous.items.joined(separator: " or ")); "
                    + "not used (name it with --map or choose with --instrument)\n"
            }
            if !source.matching.rejected.isEmpty {
                out += "  set aside:\n"
                for rejected in source.matching.rejected {
                    out += "    column \(rejected.column + 1) '\(rejected.header)' not read as \(rejected.item): \(rejected.reason)\n"
                }
            }
            for notice in source.matching.notices { out += "  note: \(notice)\n" }

            out += "\nThe file's own questions (\(source.questions.count), kept as questions):\n"
            for question in source.questions {
                var line = "  column \(question.index + 1) '\(question.header)': \(question.kind.rawValue)"
                if let choice = question.choice, let stem = question.question {
                    line += " (choice '\(choice)' of '\(stem)')"
                } else if question.kind == .singleChoice || question.kind == .multiSelect, !question.options.isEmpty {
                    let shown = question.options.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                    line += ": \(shown)\(question.options.count > 8 ? ", … (\(question.options.count) seen)" : "")"
                    if let separator = question.separator { line += " joined with '\(separator)'" }
                }
                if question.possiblyIdentifying { line += " [possibly identifying: not printed]" }
                out += line + "\n"
            }

            out +=
                "\nRows: \(tally.rows): \(tally.complete) complete, \(tally.partial) partial, "
                + "\(tally.excluded) excluded, \(tally.duplicates) duplicate\(tally.duplicates == 1 ? "" : "s")\n"
            for (reason, count) in tally.excludedReasons.sorted(by: { $0.key < $1.key }) { out += "  excluded: \(reason) ×\(count)\n" }
            for duplicate in tally.duplicateRows.prefix(20) {
                out += "  duplicate: row \(duplicate.row) repeats row \(duplicate.of) (\(duplicate.reason))\n"
            }
            if tally.trailingBlankRows > 0 {
                out += "  \(tally.trailingBlankRows) blank row\(tally.trailingBlankRows == 1 ? "" : "s") at the end ignored\n"
            }

            if !tally.invalidAnswers.isEmpty {
                out += "\nAnswers that are not options of their items (those scales are not scored for those rows):\n"
                for (column, labels) in tally.invalidAnswers.sorted(by: { $0.key < $1.key }) {
                    out += "  column \(column + 1) '\(header(column))' (\(itemOf(column: column) ?? "?")): "
                    out +=
                        labels.sorted { $0.value.count > $1.value.count }.prefix(8).map {
                            "'\($0.key)' ×\($0.value.count) (\(rowsLine($0.value.rows)))"
                        }.joined(separator: ", ") + "\n"
                }
                let numeric = tally.invalidAnswers.values.flatMap(\.keys).allSatisfy { Int($0) != nil }
                if numeric {
                    out += "  These are numbers that are not the items' codes: if the survey's recode values differ from the instrument's\n"
                    out += "  (Qualtrics recodes need not be 1..n), map them with --map ({\"labels\": {\"<item>\": {\"<file code>\": <code>}}}).\n"
                } else {
                    out += "  Name unknown labels or recodes with --map ({\"labels\": {\"<item>\": {\"<label>\": <code>}}}).\n"
                }
            }
            if !tally.missingCodes.isEmpty {
                out += "\nCodes read as \"no answer\" (not options of their items; \"conventionalMissingCodes\": false in --map turns this off):\n"
                for (column, codes) in tally.missingCodes.sorted(by: { $0.key < $1.key }) {
                    let counts = codes.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.count) (\(rowsLine($0.value.rows)))" }
                    out += "  column \(column + 1) '\(header(column))': " + counts.joined(separator: ", ") + "\n"
                }
            }

            out += "\nWould score:\n"
            if plan.scales.isEmpty { out += "  nothing: no column was recognised as an instrument item. Name columns with --map.\n" }
            for scale in scaleCoverage() {
                out += "  \(scale.scale) (\(scale.title)): \(scale.found) of \(scale.items) items found"
                out += scale.missing.isEmpty ? "\n" : "; missing \(scale.missing.joined(separator: ", ")) (never scored)\n"
            }
            return out
        }

        func json() -> String {
            let tally = source.tally
            var o = JSONObject()
            o.add("file", source.displayName)
            var dialect = JSONObject()
            dialect.add("name", dialectName)
            dialect.add("title", dialectTitle)
            dialect.add("how", how)
            dialect.add("confidence", source.dialectConfidence)
            o.add("source", object: dialect)
            var encoding = JSONObject()
            encoding.add("name", source.encoding.encoding.rawValue)
            encoding.add("byte_order_mark", source.encoding.hadByteOrderMark)
            encoding.add("how", source.encoding.description)
            o.add("encoding", object: encoding)
            var delimiter = JSONObject()
            delimiter.add("name", source.delimiter.delimiter.description)
            delimiter.add("how", source.delimiter.description)
            o.add("delimiter", object: delimiter)
            o.add("header_rows", source.headerRows)
            o.add("date_order", source.dateOrder.rawValue)
            o.add("notes", strings: source.notes)
            o.add("columns", objects: source.dialect.columns.map(columnJSON))
            o.add(
                "rejected",
                objects: source.matching.rejected.map {
                    var r = JSONObject()
                    r.add("column", $0.column + 1)
                    r.add("item", $0.item)
                    r.add("reason", $0.reason)
                    return r
                })
            o.add("matching_notices", strings: source.matching.notices)
            var rows = JSONObject()
            for (key, value) in [
                ("total", tally.rows), ("complete", tally.complete), ("partial", tally.partial), ("excluded", tally.excluded),
                ("duplicates", tally.duplicates), ("trailing_blank", tally.trailingBlankRows)
            ] {
                rows.add(key, value)
            }
            var reasons = JSONObject()
            for (reason, count) in tally.excludedReasons.sorted(by: { $0.key < $1.key }) { reasons.add(reason, count) }
            rows.add("excluded_reasons", object: reasons)
            rows.add(
                "duplicate_rows",
                objects: tally.duplicateRows.map {
                    var d = JSONObject()
                    d.add("row", $0.row)
                    d.add("duplicate_of", $0.of)
                    d.add("reason", $0.reason)
                    return d
                })
            o.add("rows", object: rows)
            o.add(
                "invalid_answers",
                objects: tally.invalidAnswers.sorted { $0.key < $1.key }.flatMap { column, labels in
                    labels.sorted { $0.key < $1.key }.map {
                        var a = JSONObject()
                        a.add("column", column + 1)
                        a.add("item", itemOf(column: column) ?? "")
                        a.add("answer", $0.key)
                        a.add("count", $0.value.count)
                        a.add("rows", numbers: $0.value.rows.map(Double.init))
                        return a
                    }
                })
            o.add(
                "missing_codes",
                objects: tally.missingCodes.sorted { $0.key < $1.key }.flatMap { column, codes in
                    codes.sorted { $0.key < $1.key }.map {
                        var m = JSONObject()
                        m.add("column", column + 1)
                        m.add("code", $0.key)
                        m.add("count", $0.value.count)
                        m.add("rows", numbers: $0.value.rows.map(Double.init))
                        return m
                    }
                })
            o.add(
                "would_score",
                objects: scaleCoverage().map {
                    var w = JSONObject()
                    w.add("scale", $0.scale)
                    w.add("items_found", $0.found)
                    w.add("items", $0.items)
                    w.add("missing_items", strings: $0.missing)
                    return w
                })
            return o.lines + "\n"
        }

        func columnJSON(_ column: SourceColumn) -> JSONObject {
            var o = JSONObject()
            o.add("column", column.index + 1)
            o.add("header", column.header)
            if let match = source.matching.match(forColumn: column.index) {
                o.add("role", "item")
                o.add("item", match.item)
                o.add("instrument", match.instrument)
                o.add("matched_by", match.method.description)
            } else if let ambiguous = source.matching.ambiguous.first(where: { $0.column == column.index }) {
                o.add("role", "ambiguous")
                o.add("items", strings: ambiguous.items)
            } else if let question = source.questions.first(where: { $0.index == column.index }) {
                o.add("role", "question")
                o.add("kind", question.kind.rawValue)
                o.add("possibly_identifying", question.possiblyIdentifying)
                if question.kind == .singleChoice || question.kind == .multiSelect { o.add("options", strings: question.options) }
                if let separator = question.separator { o.add("separator", separator) }
                if let choice = question.choice, let stem = question.question {
                    o.add("question", stem)
                    o.add("choice", choice)
                }
            } else {
                o.add("role", column.role.description)
            }
            return o
        }
    }
}
