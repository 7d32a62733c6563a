import Foundation
import Kith

/// Options and input shared by `kith change` and `kith compare`.
enum OutcomeOptions {
    static let from = OptionSpec(name: "from", value: "WAVE", help: "The baseline wave (e.g. baseline).")
    static let to = OptionSpec(name: "to", value: "WAVE", help: "The follow-up wave (e.g. follow-up).")
    static let format = OptionSpec(name: "format", value: "FORMAT", help: "table (default), markdown, csv, json or html (one self-contained file).")
    static let suppress = OptionSpec(name: "suppress", value: "POLICY", help: "Disclosure control: none, min5 (default), nhs or min10.")
    static let survey = OptionSpec(
        name: "survey", value: "NAME", help: "The survey, by name (with FILE: the name to give it; default the file's name).")

    /// The options of a FILE read into a temporary store.
    static let fileOptions = [
        SharedOptions.map, SharedOptions.source, SharedOptions.delimiter, SharedOptions.encoding, SharedOptions.sheet, SharedOptions.missing
    ]

    static func waves(_ arguments: Arguments, command: String) throws -> (from: String, to: String) {
        guard let from = arguments.value("from"), let to = arguments.value("to") else {
            throw CLIError.usage("--from WAVE and --to WAVE are required", command)
        }
        return (from, to)
    }

    static func policy(_ arguments: Arguments) throws -> DisclosurePolicy { try arguments.choice("suppress", default: DisclosurePolicy.min5) }

    /// Opens the survey: from the store, or — given FILE — from a temporary store the file is
    /// imported into (`temporary`, removed when released).
    static func open(_ arguments: Arguments, _ console: Console, command: String) throws
        -> (store: Store, survey: Survey, temporary: TemporaryStore?)
    {
        guard let file = arguments.positionals.first else {
            let name = try StoreOptions.requiredSurvey(arguments, command: command)
            let store = try StoreOptions.open(arguments, console)
            return (store, try store.survey(named: name), nil)
        }
        if arguments.value("store") != nil { throw CLIError.usage("give either FILE or --store, not both", command) }
        let name = arguments.value("survey") ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let prepared = try ImportCommand.prepare(file, arguments, console, instruments: false)
        let temporary = try TemporaryStore()
        _ = try ImportCommand.store(
            prepared, into: temporary.store, target: ImportTarget(survey: name, kind: .serviceOutcomes),
            arguments, console)
        return (temporary.store, try temporary.store.survey(named: name), temporary)
    }

    /// Writes a report in the chosen format, all or nothing. The change and comparison CSVs are
    /// one table each, so their licence notices go to standard error; the summary's CSV carries them.
    static func write(_ report: some Report, _ arguments: Arguments, _ console: Console, format: ReportFormat) throws {
        let sink = try console.sink(arguments.value("output"))
        do {
            try sink.write(report.rendered(as: format))
            try sink.commit()
        } catch {
            sink.discard()
            throw error
        }
        if format == .csv, !(report is SurveySummary) {
            for notice in report.licences { console.note("kith: \(notice)") }
        }
    }
}
