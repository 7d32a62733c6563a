import Foundation
import KithInstruments

/// The loaded instrument definitions: the built-in ones, plus any from the
/// user's folders, validated together.
///
/// A user definition with the id of a built-in one replaces it (a WEMWBS
/// licensee may load the verbatim wording this way); `notices` says so.
public struct Catalog: Sendable {
    /// Every instrument, in id order.
    public private(set) var instruments: [Instrument]
    /// Where each instrument came from, by id: `built-in:wemwbs.json` or a path.
    public private(set) var origins: [String: String]
    /// Things a user should know about the catalog, e.g. a replaced built-in.
    public private(set) var notices: [String]
    private var itemOwners: [String: Int]

    /// The built-in definitions only.
    public static func builtIn() throws -> Catalog { try load(directories: []) }

    /// The built-in definitions (unless `includeBuiltIn` is false) and every
    /// `*.json` file directly inside each of `directories`.
    ///
    /// - Throws: `CatalogError` listing every problem found, each naming the
    ///   file and JSON path; nothing is loaded when any definition is bad.
    public static func load(directories: [String], includeBuiltIn: Bool = true) throws -> Catalog {
        var sources: [(file: String, bytes: [UInt8], builtIn: Bool)] = []
        if includeBuiltIn {
            sources += BuiltInDefinitions.files.map { ("built-in:\($0.name)", $0.bytes, true) }
        }
        for directory in directories {
            sources += try userFiles(in: directory).map { ($0.path, $0.bytes, false) }
        }
        return try Catalog(sources: sources)
    }

    /// Builds a catalog from definitions already in memory (for tests and apps).
    public static func from(_ definitions: [(file: String, bytes: [UInt8])], includeBuiltIn: Bool = true) throws -> Catalog {
        var sources: [(file: String, bytes: [UInt8], builtIn: Bool)] = []
        if includeBuiltIn { sources += BuiltInDefinitions.files.map { ("built-in:\($0.name)", $0.bytes, true) } }
        sources += definitions.map { ($0.file, $0.bytes, false) }
        return try Catalog(sources: sources)
    }

    private init(sources: [(file: String, bytes: [UInt8], builtIn: Bool)]) throws {
        var problems: [InstrumentError] = []
        var byID: [String: (instrument: Instrument, file: String, builtIn: Bool)] = [:]
        var notices: [String] = []
        for source in sources {
            let instrument: Instrument
            do {
                instrument = try Instrument.decode(source.bytes, file: source.file)
            } catch {
                problems.append(error)
                continue
            }
            let found = instrument.validate(file: source.file)
            problems += found
            guard found.isEmpty else { continue }
            if let existing = byID[instrument.id] {
                if existing.builtIn, !source.builtIn {
                    notices.append("\(source.file) replaces the built-in definition of '\(instrument.id)' (version \(existing.instrument.version)).")
                } else {
                    problems.append(
                        InstrumentError(
                            .conflict, file: source.file, path: "id",
                            "instrument id '\(instrument.id)' is also defined in \(existing.file)"))
                    continue
                }
            }
            byID[instrument.id] = (instrument, source.file, source.builtIn)
        }

        let sorted = byID.values.sorted { $0.instrument.id < $1.instrument.id }
        var owners: [String: Int] = [:]
        for (index, entry) in sorted.enumerated() {
            for (itemIndex, item) in entry.instrument.items.enumerated() {
                if let other = owners[item.id] {
                    problems.append(
                        InstrumentError(
                            .conflict, file: entry.file, path: "items[\(itemIndex)].id",
                            "item id '\(item.id)' is also used by '\(sorted[other].instrument.id)' (\(sorted[other].file)); "
                                + "item ids must be unique across instruments"
                        ))
                }
                owners[item.id] = owners[item.id] ?? index
            }
        }
        for entry in sorted {
            for (itemIndex, item) in entry.instrument.items.enumerated() {
                guard let target = item.sameAs else { continue }
                let path = "items[\(itemIndex)].sameAs"
                guard let ownerIndex = owners[target], sorted[ownerIndex].instrument.id != entry.instrument.id,
                    let targetItem = sorted[ownerIndex].instrument.item(target)
                else {
                    problems.append(
                        InstrumentError(
                            .invalidDefinition, file: entry.file, path: path,
                            "'\(target)' is not an item of another loaded instrument"))
                    continue
                }
                if targetItem.sameAs != nil {
                    problems.append(
                        InstrumentError(
                            .invalidDefinition, file: entry.file, path: path,
                            "'\(target)' is itself the same as '\(targetItem.sameAs!)'; point at that item instead"))
                }
                let mine = Set(entry.instrument.options(of: item).map(\.code))
                let theirs = Set(sorted[ownerIndex].instrument.options(of: targetItem).map(\.code))
                if mine != theirs {
                    problems.append(
                        InstrumentError(
                            .invalidDefinition, file: entry.file, path: path,
                            "'\(item.id)' and '\(target)' have different option codes, so one answer cannot serve both"))
                }
            }
        }
        if !problems.isEmpty { throw CatalogError(problems: problems) }
        self.instruments = sorted.map(\.instrument)
        self.origins = Dictionary(uniqueKeysWithValues: sorted.map { ($0.instrument.id, $0.file) })
        self.notices = notices
        self.itemOwners = owners
    }

    private static func userFiles(in directory: String) throws -> [(path: String, bytes: [UInt8])] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CatalogError(problems: [InstrumentError(.noSuchFolder, file: directory, "no such folder of instrument definitions")])
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).filter { $0.lowercased().hasSuffix(".json") }.sorted()
        } catch {
            throw CatalogError(problems: [InstrumentError(.unreadable, file: directory, "cannot list the folder: \(error.localizedDescription)")])
        }
        if names.isEmpty {
            throw CatalogError(problems: [InstrumentError(.unreadable, file: directory, "the folder holds no .json instrument definitions")])
        }
        return try names.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = manager.contents(atPath: path) else {
                throw CatalogError(problems: [InstrumentError(.unreadable, file: path, "cannot read the file")])
            }
            return (path, [UInt8](data))
        }
    }

    // MARK: - Lookup

    /// The instrument with this id, or an error that suggests the nearest id.
    public func instrument(_ id: String) throws(InstrumentError) -> Instrument {
        if let found = instruments.first(where: { $0.id == id }) { return found }
        let known = instruments.map(\.id)
        let suggestion = known.min { editDistance($0, id) < editDistance($1, id) }.map { " Did you mean '\($0)'?" } ?? ""
        throw InstrumentError(.unknown, "no instrument '\(id)'.\(suggestion) Loaded: \(known.joined(separator: ", ")).")
    }

    /// The instrument that defines an item id.
    public func owner(ofItem id: String) -> Instrument? { itemOwners[id].map { instruments[$0] } }

    /// The item id whose answer serves `id` (following `sameAs`).
    public func canonicalItem(_ id: String) -> String {
        owner(ofItem: id)?.item(id)?.sameAs ?? id
    }

    /// A scale by qualified id (`ons-loneliness.ucla3`).
    public func scale(_ qualifiedID: String) throws(InstrumentError) -> (instrument: Instrument, scale: Scale) {
        guard let dot = qualifiedID.firstIndex(of: ".") else {
            throw InstrumentError(.unknown, "'\(qualifiedID)' is not a scale id; scale ids read instrument.scale, e.g. ons-loneliness.ucla3")
        }
        let instrument = try instrument(String(qualifiedID[..<dot]))
        let scaleID = String(qualifiedID[qualifiedID.index(after: dot)...])
        guard let scale = instrument.scale(scaleID) else {
            throw InstrumentError(
                .unknown,
                "'\(instrument.id)' has no scale '\(scaleID)'; its scales are: "
                    + "\(instrument.scales.map { "\(instrument.id).\($0.id)" }.joined(separator: ", "))"
            )
        }
        return (instrument, scale)
    }
}

/// Every problem found while loading instrument definitions.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var problems: [InstrumentError]
    public init(problems: [InstrumentError]) { self.problems = problems }
    public var description: String {
        problems.count == 1
            ? problems[0].description
            : "\(problems.count) problems in instrument definitions:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
