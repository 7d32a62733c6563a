import Foundation
import Kith

/// Finding and opening the store.
enum StoreOptions {
    static let store = OptionSpec(
        name: "store", value: "PATH", help: "The store file (default: $KITH_STORE, else kith.sqlite in the current folder).")
    static let survey = OptionSpec(name: "survey", value: "NAME", help: "The survey, by name.")

    /// `--store`, else `$KITH_STORE`, else `kith.sqlite` in the current folder.
    static func path(_ arguments: Arguments, _ console: Console) -> String {
        if let path = arguments.value("store") { return console.resolve(path) }
        if let path = console.environment["KITH_STORE"], !path.isEmpty { return console.resolve(path) }
        return console.resolve("kith.sqlite")
    }

    /// Opens the store; `create` makes a new one when there is none.
    static func open(_ arguments: Arguments, _ console: Console, create: Bool = false) throws -> Store {
        try Store.open(path: path(arguments, console), create: create)
    }

    static func requiredSurvey(_ arguments: Arguments, command: String) throws -> String {
        guard let name = arguments.value("survey") else { throw CLIError.usage("--survey NAME is required", command) }
        return name
    }
}
