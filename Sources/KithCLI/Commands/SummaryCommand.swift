import Foundation
import Kith

/// `kith summary FILE` or `kith summary --survey S`: a survey's response rate, every question's
/// table, instrument scores and breakdowns, under a disclosure-control policy.
enum SummaryCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "summary",
            usage:
                "kith summary FILE | --survey NAME [--wave W] [--by COLUMN…] [--invited N] [--format table|markdown|csv|json|html] [--output PATH] "
                + "[--suppress none|min5|nhs|min10] [--store PATH]",
            summary: "Summarise a survey: response rate, every question with intervals, instrument scores, breakdowns.",
            discussion: """
                FILE is read into a temporary store exactly as 'kith import' reads it (nothing is kept); --survey summarises
                a survey already in the store. Tables use complete responses; partial ones are counted in the response
                figures. Percentages are given of every respondent and of those who answered, with 95% Wilson intervals;
                scales have mean, SD, 95% t interval, median and quartiles. --by breaks every single-choice question and
                scale down by a question (e.g. 'Age band'), provider or wave, with chi-square (or Fisher's exact) tests and
                Welch's ANOVA. --suppress applies disclosure control to every count, printed in every output: none (the
                default for table and json), min5 (the default for markdown, html and csv: counts 1-4 shown as <5), nhs
                (1-7 as *, others rounded to 5, no mean or median of fewer than 8) or min10 (under 10, zero included).
                Counts that would let a hidden one be worked out are withheld too.
                """,
            options: [
                StoreOptions.survey,
                OptionSpec(name: "wave", value: "W", help: "Summarise one wave only."),
                OptionSpec(name: "by", value: "COLUMN", help: "Break down by a question, provider or wave.", repeatable: true),
                OptionSpec(name: "invited", value: "N", help: "How many people were sent the survey (for the response rate)."),
                OptionSpec(name: "format", value: "FORMAT", help: "table (default), markdown, csv, json or html."),
                SharedOptions.output,
                OptionSpec(name: "suppress", value: "POLICY", help: "Disclosure control: none, min5, nhs or min10."),
                OptionSpec(name: "kind", value: "K", help: "With FILE: citizens-panel or e-survey (default), for the wording of the response rate."),
                StoreOptions.store, SharedOptions.instrument, SharedOptions.missing, SharedOptions.map, SharedOptions.source,
                SharedOptions.delimiter, SharedOptions.encoding, SharedOptions.sheet, SharedOptions.instruments
            ],
            positionals: 0...1),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let format: ReportFormat = try arguments.choice("format", default: .table)
        let policy: DisclosurePolicy = try arguments.choice("suppress", default: format.defaultPolicy)
        let invited = try arguments.integer("invited")
        let by = arguments.values("by")
        let catalog = try SharedOptions.catalog(arguments, console)
        let summary: SurveySummary
        if let path = arguments.positionals.first {
            if arguments.value("survey") != nil { throw CLIError.usage("give a FILE or --survey NAME, not both", "summary") }
            guard path != "-" else { throw CLIError.usage("summary reads a file; save standard input to a file first", "summary") }
            let kind: SurveyKind? = try arguments.value("kind").map { _ in try arguments.choice("kind", default: SurveyKind.eSurvey) }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let file = try ImportCommand.prepare(path, arguments, console)
            let temporary = try TemporaryStore()
            defer { temporary.remove() }
            _ = try ImportCommand.store(
                file, into: temporary.store, target: ImportTarget(survey: name, kind: kind, invited: invited),
                arguments, console)
            summary = try SummaryBuilder.build(
                store: temporary.store, survey: try temporary.store.survey(named: name),
                options: SummaryOptions(wave: arguments.value("wave"), by: by, invited: invited, policy: policy, catalog: catalog))
        } else {
            guard let name = arguments.value("survey") else {
                throw CLIError.usage("give a FILE to summarise, or --survey NAME for a survey in the store", "summary")
            }
            let store = try StoreOptions.open(arguments, console)
            let survey = try store.survey(named: name)
            if let wave = arguments.value("wave"), !(try store.waves(survey: survey)).contains(wave) {
                let waves = try store.waves(survey: survey)
                throw CLIError.usage(
                    "survey '\(name)' has no wave '\(wave)'; its waves: \(waves.isEmpty ? "none" : waves.joined(separator: ", "))", "summary")
            }
            summary = try SummaryBuilder.build(
                store: store, survey: survey,
                options: SummaryOptions(wave: arguments.value("wave"), by: by, invited: invited, policy: policy, catalog: catalog))
        }
        try OutcomeOptions.write(summary, arguments, console, format: format)
    }
}
