/// One option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    /// The value's placeholder (`FILE`), or nil for a flag.
    var value: String?
    var help: String
    var repeatable = false
    var short: Character? = nil
}

/// A command's name, usage line, description and options: enough to parse
/// its arguments and to print its `--help`.
struct CommandSpec: Sendable {
    var name: String
    var usage: String
    var summary: String
    var discussion: String = ""
    var options: [OptionSpec]
    /// Positional arguments: (minimum, maximum).
    var positionals: ClosedRange<Int> = 0...0

    var help: String {
        var text = "USAGE: \(usage)\n\n\(summary)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        let all = options + [OptionSpec(name: "help", value: nil, help: "Show this help.", short: "h")]
        let labels = all.map { option in
            (option.short.map { "-\($0), " } ?? "    ") + "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
        }
        let width = min(32, (labels.map(\.count).max() ?? 0) + 2)
        text += "\nOPTIONS:\n"
        for (label, option) in zip(labels, all) {
            let padded =
                label.count >= width
                ? label + "\n" + String(repeating: " ", count: width + 2) : label + String(repeating: " ", count: width - label.count)
            text += "  \(padded)\(option.help)\(option.repeatable ? " (repeatable)" : "")\n"
        }
        return text
    }
}

/// Parsed arguments of one command.
struct Arguments {
    var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func values(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `arguments` against `spec`. Throws `CLIError.help` for `--help`.
    init(_ arguments: [String], spec: CommandSpec) throws {
        var rest = arguments[...]
        var onlyPositionals = false
        while let argument = rest.popFirst() {
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "--help" || argument == "-h" { throw CLIError.help(spec.help) }
            var name: String
            var inline: String? = nil
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            } else {
                guard argument.count == 2, let match = spec.options.first(where: { $0.short == argument.last }) else {
                    throw CLIError.usage("unknown option '\(argument)'", spec.name)
                }
                name = match.name
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let suggestion = spec.options.map(\.name).min { distance($0, name) < distance($1, name) }
                let hint = suggestion.flatMap { distance($0, name) <= 3 ? " Did you mean '--\($0)'?" : nil } ?? ""
                throw CLIError.usage("unknown option '--\(name)'.\(hint)", spec.name)
            }
            if option.value == nil {
                if inline != nil { throw CLIError.usage("--\(name) takes no value", spec.name) }
                flags.insert(name)
                continue
            }
            guard let value = inline ?? rest.popFirst() else {
                throw CLIError.usage("--\(name) needs a value (\(option.value!))", spec.name)
            }
            if !option.repeatable, values[name] != nil { throw CLIError.usage("--\(name) is given twice", spec.name) }
            values[name, default: []].append(value)
        }
        if !spec.positionals.contains(positionals.count) {
            let expected =
                spec.positionals.lowerBound == spec.positionals.upperBound
                ? "\(spec.positionals.lowerBound)" : "\(spec.positionals.lowerBound) to \(spec.positionals.upperBound)"
            throw CLIError.usage(
                positionals.count < spec.positionals.lowerBound
                    ? "missing argument"
                    : "unexpected argument '\(positionals[spec.positionals.upperBound])'"
                        + " (expected \(expected) argument\(spec.positionals.upperBound == 1 ? "" : "s"))", spec.name)
        }
    }

    /// The value of an enum-like option, or its default.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) throws -> T where T.RawValue == String {
        guard let text = value(name) else { return fallback }
        guard let choice = T(rawValue: text.lowercased()) else {
            throw CLIError.usage("--\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'", nil)
        }
        return choice
    }

    func integer(_ name: String, minimum: Int = 0) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), number >= minimum else {
            throw CLIError.usage("--\(name) must be a whole number of at least \(minimum); got '\(text)'", nil)
        }
        return number
    }
}

private func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count { current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) }
        previous = current
    }
    return previous[b.count]
}
