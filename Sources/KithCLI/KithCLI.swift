import Kith

/// The `kith` command line, as a library so tests run it in-process.
public enum KithCLI {
    public static let version = "0.1.0"

    /// A command: its specification and what it does.
    struct Command: Sendable {
        var spec: CommandSpec
        var run: @Sendable (Arguments, Console) throws -> Void
    }

    static let commands: [Command] = [
        InstrumentsCommand.command,
        ScoreCommand.command,
        InspectCommand.command,
        ImportCommand.command,
        SurveysCommand.command,
        BatchesCommand.command,
        UndoCommand.command,
        ExportCommand.command,
        RescoreCommand.command,
        SummaryCommand.command,
        ChangeCommand.command,
        CompareCommand.command
    ]

    static var overview: String {
        var text = """
            kith \(version): measure loneliness and wellbeing the way UK public health measures them.

            USAGE: kith <command> [options]

            COMMANDS:

            """
        let width = (commands.map(\.spec.name.count).max() ?? 0) + 2
        for command in commands {
            text += "  \(command.spec.name)\(String(repeating: " ", count: width - command.spec.name.count))\(command.spec.summary)\n"
        }
        text +=
            "\nSee 'kith <command> --help' for a command's options. Exit status: 0 ok, 64 usage error,\n"
            + "65 data problems (results still written), 66 input not found, 73/74 output or I/O error.\n"
        return text
    }

    /// Runs `kith` with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], console: Console) -> ExitCode {
        let status: ExitCode
        do {
            try dispatch(arguments, console: console)
            status = .ok
        } catch CLIError.help(let text) {
            try? console.out.write(text)
            status = .ok
        } catch CLIError.dataProblems {
            status = .data
        } catch {
            console.note("kith: \(message(for: error))")
            status = exitCode(for: error)
        }
        try? console.out.flush()
        try? console.err.flush()
        return status
    }

    private static func dispatch(_ arguments: [String], console: Console) throws {
        guard let first = arguments.first else { throw CLIError.help(overview) }
        switch first {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) { throw CLIError.help(command.spec.help) }
            throw CLIError.help(overview)
        case "--version":
            try console.out.write("kith \(version)\n")
            return
        default:
            guard let command = commands.first(where: { $0.spec.name == first }) else {
                let names = commands.map(\.spec.name)
                let near = names.first { $0.hasPrefix(first) || first.hasPrefix($0) }
                throw CLIError.usage(
                    "unknown command '\(first)'.\(near.map { " Did you mean '\($0)'?" } ?? "") Commands: \(names.joined(separator: ", ")).", nil)
            }
            let parsed = try Arguments(Array(arguments.dropFirst()), spec: command.spec)
            try command.run(parsed, console)
        }
    }
}
