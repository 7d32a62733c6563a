/// A problem with the response store.
///
/// Messages never contain respondent answers or identifiers.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The store file cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// No survey with this name; `known` lists the store's surveys.
    case noSuchSurvey(String, known: [String])
    /// A survey exists with different settings than asked for.
    case surveyMismatch(String)
    case noSuchBatch(Int)
    /// The batch cannot be undone (already undone, or later batches depend on it).
    case cannotUndo(batch: Int, reason: String)
    /// Responses already in the store have different answers in the file
    /// (policy `fail`); `rows` are data rows of the file.
    case conflicts(count: Int, rows: [Int])
    /// The store's content is not what Kith wrote.
    case corrupt(String)
    /// Another process holds the store's write lock.
    case busy(path: String)
    /// A value given for the store is not acceptable.
    case invalid(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the store: \(reason)"
        case .noSuchSurvey(let name, let known):
            "no survey '\(name)' in the store" + (known.isEmpty ? " (it has none yet)" : "; it has: \(known.joined(separator: ", "))")
        case .surveyMismatch(let message): message
        case .noSuchBatch(let id): "no import batch \(id) in the store"
        case .cannotUndo(let batch, let reason): "batch \(batch) cannot be undone: \(reason)"
        case .conflicts(let count, let rows):
            "\(count) response\(count == 1 ? " is" : "s are") already in the store with different answers "
                + "(data row\(rows.count == 1 ? "" : "s") \(rows.map(String.init).joined(separator: ", "))"
                + "\(count > rows.count ? ", …" : "")); nothing was imported"
        case .corrupt(let message): "the store is damaged: \(message)"
        case .busy(let path): "\(path): another process is writing to the store; try again when it has finished"
        case .invalid(let message): message
        }
    }
}
