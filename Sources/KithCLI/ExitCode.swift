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

/// The one place errors become exit statuses: by their type and case, never their text.
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
        case .noSuchFolder: return .noInput
        case .unreadable, .invalidDefinition, .conflict: return .data
        }
    case let error as CatalogError:
        return error.problems.allSatisfy { $0.kind == .noSuchFolder } ? .noInput : .data
    case let error as ReaderError:
        switch error.kind {
        case .cannotOpen: return .noInput
        case .readFailed: return .io
        default: return .data
        }
    case let error as ImportError:
        switch error {
        case .unreadable: return .noInput
        case .unusable(_, .sheet(_?, _)): return .usage
        case .malformed, .map, .unusable: return .data
        }
    case is OutputError:
        return .cannotCreate
    case let error as ArchiveError:
        switch error.kind {
        case .unreadable: return .noInput
        case .duplicateName, .emptyName, .fieldTooLong, .alreadyFinished, .compressionFailed: return .software
        default: return .data
        }
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
    case let error as StoreError:
        switch error {
        case .cannotOpen: return .noInput
        case .noSuchSurvey, .noSuchBatch, .invalid: return .usage
        case .surveyMismatch, .cannotUndo, .conflicts, .corrupt: return .data
        case .busy: return .temporaryFailure
        }
    case let error as SQLiteError:
        return error.isBusy ? .temporaryFailure : .io
    case is MigrationError, is StoreSecretError:
        return .data
    case is SystemCallError:
        return .io
    default:
        return .software
    }
}

/// What to do next, added to a library error's message: the library says what is wrong, the
/// command line says which command or option mends it.
func hint(for error: any Error) -> String? {
    switch error {
    case ImportError.unusable(let file, .noInstrumentItems):
        return "Run 'kith inspect \(file)' to see how each column was read, then name columns with --map."
    case let error as ReaderError where error.kind == .invalidUTF8:
        return "Try --encoding windows-1252."
    case StoreError.noSuchSurvey(_, let known) where known.isEmpty:
        return "'kith import FILE --survey NAME' creates one."
    case StoreError.noSuchBatch:
        return "'kith batches --survey NAME' lists them."
    case StoreError.conflicts:
        return "Choose --on-conflict keep (keep the stored answers) or replace (take the file's)."
    case SummaryError.unknownColumn, SummaryError.notCategorical:
        return "See --by in 'kith summary --help'."
    case OutcomeError.unknownWave(_, let known) where known.isEmpty:
        return "Import with --wave, or from a file with a wave column."
    case OutcomeError.sameWave:
        return "Give --from and --to two different waves."
    default:
        return nil
    }
}

/// An error as printed: its message, then the hint, if any.
func message(for error: any Error) -> String {
    let text = "\(error)"
    guard let hint = hint(for: error) else { return text }
    return text.hasSuffix(".") ? "\(text) \(hint)" : "\(text). \(hint)"
}

/// A scoring notice as printed, with what to do about it.
func hinted(_ notice: ScoringNotice) -> String {
    switch notice {
    case .repeatedSubmissions: "\(notice) 'kith inspect' lists them."
    case .missingCodesRead: "\(notice) Set \"conventionalMissingCodes\": false in a --map file to treat them as invalid instead."
    default: notice.description
    }
}
