import Kith

/// `kith instruments` and `kith instruments show ID`.
enum InstrumentsCommand {
    static let command = KithCLI.Command(
        spec: CommandSpec(
            name: "instruments",
            usage: "kith instruments [show ID] [--instruments DIR] [--format text|json]",
            summary: "List the instruments Kith can score, or show one: items, options, scoring rules, thresholds and licence.",
            options: [
                SharedOptions.instruments,
                OptionSpec(name: "format", value: "FORMAT", help: "text (default) or json (the definition as loaded).")
            ],
            positionals: 0...2),
        run: run)

    enum Format: String, CaseIterable { case text, json }

    static func run(_ arguments: Arguments, _ console: Console) throws {
        let catalog = try SharedOptions.catalog(arguments, console)
        let format: Format = try arguments.choice("format", default: .text)
        switch arguments.positionals.count {
        case 0:
            try list(catalog, format: format, console)
        case 2 where arguments.positionals[0] == "show":
            let instrument = try catalog.instrument(arguments.positionals[1])
            if format == .json {
                try console.out.write(InstrumentText.json(instrument) + "\n")
            } else {
                try console.out.write(InstrumentText.describe(instrument, origin: catalog.origins[instrument.id] ?? ""))
            }
        default:
            throw CLIError.usage("expected 'kith instruments' or 'kith instruments show ID'", "instruments")
        }
    }

    private static func list(_ catalog: Catalog, format: Format, _ console: Console) throws {
        if format == .json {
            try console.out.write("[" + catalog.instruments.map(InstrumentText.json).joined(separator: ",\n") + "]\n")
            return
        }
        let rows = catalog.instruments.map { instrument in
            [instrument.id, instrument.version, instrument.scales.map { "\(instrument.id).\($0.id)" }.joined(separator: ", "), instrument.title]
        }
        try console.out.write(InstrumentText.table(["ID", "VERSION", "SCALES", "TITLE"], rows))
        try console.out.write("\n'kith instruments show ID' shows one instrument's items, options, scoring and licence.\n")
    }
}
