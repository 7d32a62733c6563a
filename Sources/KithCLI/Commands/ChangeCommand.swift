import Kith

/// `kith change`: paired change between two waves.
enum ChangeCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "change",
            usage:
                "kith change [FILE] --survey NAME --from WAVE --to WAVE [--instrument ID…] [--by provider] [--classify ID…] [--format "
                + "table|markdown|csv|json|html] [--output PATH] [--suppress none|min5|nhs|min10] [--store PATH]",
            summary: "What changed between two waves for the people measured at both, per scale.",
            discussion: """
                People are paired by their person id only; nobody measured at one wave only is in a change figure, and the
                people lost to follow-up are counted and compared with those paired at baseline. Per score: means, mean change
                with its 95% interval, paired t test, d_z and Hedges' g_av, improved / unchanged / worse by the definition's
                meaningful-change threshold, and reliable change (Jacobson–Truax) with the SEM or reliability the definition
                gives. The direct question: its baseline × follow-up table and the change in % often/always with McNemar's
                test. Reads the survey from the store, or FILE imported into a temporary store.
                """,
            options: [
                OutcomeOptions.survey, OutcomeOptions.from, OutcomeOptions.to,
                OptionSpec(
                    name: "instrument", value: "ID", help: "Only this instrument or scale (e.g. swemwbs, ons-loneliness.ucla3).", repeatable: true),
                OptionSpec(name: "by", value: "provider", help: "Also report each provider's clients."),
                SharedOptions.classify, OutcomeOptions.format, SharedOptions.output, OutcomeOptions.suppress, StoreOptions.store,
                SharedOptions.instruments
            ] + OutcomeOptions.fileOptions,
            positionals: 0...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let waves = try OutcomeOptions.waves(arguments, command: "change")
        let format: ReportFormat = try arguments.choice("format", default: .table)
        let policy = try OutcomeOptions.policy(arguments)
        if let by = arguments.value("by"), by != "provider" { throw CLIError.usage("--by must be 'provider'; got '\(by)'", "change") }
        let catalog = try SharedOptions.catalog(arguments, console)
        let opened = try OutcomeOptions.open(arguments, console, command: "change")
        defer { opened.temporary?.remove() }
        let data = try OutcomeData.load(
            store: opened.store, survey: opened.survey, catalog: catalog, from: waves.from, to: waves.to,
            instruments: arguments.values("instrument"))
        let report = try ChangeBuilder.build(
            data, byProvider: arguments.value("by") != nil, classifications: arguments.values("classify"), policy: policy)
        try OutcomeOptions.write(report, arguments, console, format: format)
    }
}
