import Kith

/// Exit statuses, after `sysexits(3)`.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    /// EX_USAGE: the command was used wrongly.
    case usage = 64
    /// EX_DATAERR: the input data was wrong (results may still have been written).
    case data = 65
    /// EX_NOINPUT: an input file did not exist or was not readable.
    case noInput = 66
    /// EX_SOFTWARE: an internal fault.
    case software = 70
    /// EX_CANTCREAT: an output file could not be created.
    case cannotCreate = 73
    /// EX_IOERR: an error while reading or writing.
    case io = 74
    /// EX_TEMPFAIL: the store is busy (another process holds it); try again.
    case temporaryFailure = 75
}

/// Errors of the command-line layer itself.
enum CLIError: Error, CustomStringConvertible {
    /// `--help`: print the text and exit 0.
    case help(String)
    /// Wrong use of a command (unknown option, missing argument…); the command's name, if known.
    case usage(String, String?)
    /// Data problems were found and reported; results were written. Exit 65 quietly.
    case dataProblems

    var description: String {
        switch self {
        case .help(let text): text
        case .usage(let message, let command): message + (command.map { "\nSee 'kith \($0) --help'." } ?? "")
        case .dataProblems: "data problems were found"
        }
    }
}

/// The one place errors become exit statuses.
func exitCode(for error: any Error) -> ExitCode {
    switch error {
    case let error as CLIError:
        switch error {
        case .help: return .ok
        case .usage: return .usage
        case .dataProblems: return .data
        }
    case let error as InstrumentError:
        switch error.kind {
        case .unknown: return .usage
        case .unreadable, .invalidDefinition, .conflict: return .data
        }
    case let error as CatalogError:
        return error.problems.allSatisfy { $0.kind == .unreadable && $0.path == nil && $0.message.hasPrefix("no such folder") } ? .noInput : .data
    case let error as ReaderError:
        switch error.kind {
        case .cannotOpen: return .noInput
        case .readFailed: return .io
        default: return .data
        }
    case let error as ImportError:
        switch error {
        case .unreadable: return .noInput
        case .malformed, .map, .unusable: return .data
        }
    case is OutputError:
        return .cannotCreate
    case let error as SummaryError:
        switch error {
        case .unknownColumn, .notCategorical: return .usage
        case .noResponses: return .data
        }
    case let error as OutcomeError:
        switch error {
        case .unknownWave, .sameWave, .noScales, .scaleNotStored, .notAScore, .unknownClassification: return .usage
        case .noPairs, .tooFewProviders, .nothingToPlot: return .data
        }
    default:
        return exitCodeForOtherLayers(error)
    }
}
