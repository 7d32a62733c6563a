import Kith

/// `kith compare`: providers compared on one score, adjusted for baseline, with a funnel plot.
enum CompareCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "compare",
            usage:
                "kith compare [FILE] --survey NAME --by provider --instrument ID --from WAVE --to WAVE [--classify ID] [--format "
                + "table|markdown|csv|json|html] [--output PATH] [--suppress none|min5|nhs|min10] [--store PATH]",
            summary: "Compare providers on one score: raw change, baseline-adjusted (ANCOVA) and a funnel plot.",
            discussion: """
                Per provider: clients at baseline and paired, lost to follow-up, baseline and follow-up means, mean change with
                its 95% interval. Then ANCOVA (follow-up ~ baseline + provider): follow-up means adjusted to the overall
                baseline mean, and each provider's difference from the providers' average, with intervals. The funnel plot
                shows % improved (by the definition's meaningful-change threshold) — or, with --classify, % no longer in the
                worse band (e.g. lonely-6-9) — against the number of clients, with exact binomial 95% and 99.8% limits.
                Providers too small for the disclosure policy have their figures withheld.
                """,
            options: [
                OutcomeOptions.survey, OptionSpec(name: "by", value: "provider", help: "What to compare: provider (the only choice)."),
                OptionSpec(name: "instrument", value: "ID", help: "The instrument or scale, e.g. swemwbs or ons-loneliness.ucla3 (required)."),
                OutcomeOptions.from, OutcomeOptions.to,
                OptionSpec(name: "classify", value: "ID", help: "Plot % no longer in this classification's worse band (e.g. lonely-6-9)."),
                OutcomeOptions.format, SharedOptions.output, OutcomeOptions.suppress, StoreOptions.store, SharedOptions.instruments
            ]
                + OutcomeOptions.fileOptions,
            positionals: 0...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        guard let instrument = arguments.value("instrument") else {
            throw CLIError.usage("--instrument ID is required (e.g. swemwbs or ons-loneliness.ucla3)", "compare")
        }
        if let by = arguments.value("by"), by != "provider" { throw CLIError.usage("--by must be 'provider'; got '\(by)'", "compare") }
        let waves = try OutcomeOptions.waves(arguments, command: "compare")
        let format: ReportFormat = try arguments.choice("format", default: .table)
        let policy = try OutcomeOptions.policy(arguments)
        let catalog = try SharedOptions.catalog(arguments, console)
        if instrument.contains(".") { _ = try catalog.scale(instrument) } else { _ = try catalog.instrument(instrument) }
        let opened = try OutcomeOptions.open(arguments, console, command: "compare")
        defer { opened.temporary?.remove() }
        let data = try OutcomeData.load(
            store: opened.store, survey: opened.survey, catalog: catalog, from: waves.from, to: waves.to,
            instruments: [instrument])
        let report = try ComparisonBuilder.build(data, classification: arguments.value("classify"), policy: policy)
        try OutcomeOptions.write(report, arguments, console, format: format)
    }
}
