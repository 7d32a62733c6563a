/// A problem with an instrument definition or with a request for one.
///
/// Every definition problem names the file, the JSON path of the offending
/// value (e.g. `scales[0].items[2]`) and what was expected.
public struct InstrumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The definition file could not be read or is not valid JSON.
        case unreadable
        /// A folder of definitions that does not exist.
        case noSuchFolder
        /// A value is missing, of the wrong type or breaks a rule.
        case invalidDefinition
        /// Two definitions clash (same instrument id or item id).
        case conflict
        /// An instrument, scale or classification was asked for that is not loaded.
        case unknown
    }

    public var kind: Kind
    /// The definition file (`built-in:ons-loneliness.json` for built-in ones), if any.
    public var file: String?
    /// JSON path of the offending value, e.g. `scales[0].conversion.table`.
    public var path: String?
    public var message: String

    public init(_ kind: Kind, file: String? = nil, path: String? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file ?? ""
        if let path, !path.isEmpty { location += location.isEmpty ? path : ": \(path)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
