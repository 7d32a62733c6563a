import Kith

/// `kith export --survey S`.
enum ExportCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "export", usage: "kith export --survey NAME [--wave W] [--format csv|json] [--output PATH] [--store PATH]",
            summary: "Write a survey's stored responses with their scores (never the columns dropped at import).",
            options: [
                StoreOptions.survey, OptionSpec(name: "wave", value: "W", help: "Only this wave."),
                OptionSpec(name: "format", value: "FORMAT", help: "csv (default) or json."), SharedOptions.output, StoreOptions.store
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let name = try StoreOptions.requiredSurvey(arguments, command: "export")
        let format: ExportFormat = try arguments.choice("format", default: .csv)
        let store = try StoreOptions.open(arguments, console)
        let survey = try store.survey(named: name)
        let sink = try console.sink(arguments.value("output"))
        do {
            let count = try ResponseExport.write(store: store, survey: survey, wave: arguments.value("wave"), format: format, to: sink)
            try sink.commit()
            console.note("kith: exported \(count) response\(count == 1 ? "" : "s") of '\(name)'.")
        } catch {
            sink.discard()
            throw error
        }
    }
}
