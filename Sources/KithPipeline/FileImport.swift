import Foundation
import KithCore
import KithImport
import KithStore

/// A survey export read far enough to know how it will be stored: its columns matched to
/// instrument items and to the file's own questions, its scoring plan and its layout.
///
/// Preparing reads the header and a sample of rows only, so a file that cannot be used is
/// refused before a store is opened or created; ``store(into:target:batch:progress:)`` then
/// reads every row, scores it and stores it in one transaction (all or nothing).
///
/// ```swift
/// let file = try FileImport(path: "export.csv", catalog: try Catalog.builtIn())
/// let store = try Store.open(path: "kith.sqlite", create: true)
/// let report = try file.store(into: store, target: ImportTarget(survey: "kent-2020"))
/// ```
public final class FileImport {
    /// The file as read: dialect, encoding, matching, questions, notes.
    public let source: SourceFile
    /// How each instrument's scales are scored.
    public let plan: ScoringPlan
    /// The path given (for messages) and the path read.
    public let displayName: String
    public let path: String
    package let layout: ImportLayout

    /// Reads `path`'s header and sample rows. `keepColumns` names direct-identifier columns
    /// to keep (they are dropped otherwise).
    public init(
        path: String, displayName: String? = nil, catalog: Catalog, options: SourceOptions = .init(),
        missing: MissingPolicy? = nil, keepColumns: [String] = []
    ) throws {
        var options = options
        options.keepIdentifierColumns = keepColumns
        let name = displayName ?? path
        self.path = path
        self.displayName = name
        source = try SourceFile(path: path, displayName: name, catalog: catalog, options: options)
        guard !source.matching.instruments.isEmpty || !source.questionColumns.isEmpty else {
            throw ImportError.unusable(file: name, reason: .nothingToImport)
        }
        plan = try source.plan(missing: missing)
        layout = ImportLayout(source: source, plan: plan, keep: keepColumns)
    }

    /// Columns that could be more than one item: kept as the file's own questions.
    package var ambiguousColumns: [(column: Int, header: String, items: [String])] { source.matching.ambiguous }

    /// Headers of the direct-identifier columns that will not be stored.
    public var droppedColumns: [String] { layout.dropped }

    /// Reads, scores and stores every row in one transaction.
    ///
    /// - Parameters:
    ///   - batch: what is recorded with the batch (the settings that shaped it, the tool, the user),
    ///     and every row's wave or provider when the file has none.
    ///   - progress: called once a row is stored (on the reading thread).
    public func store(
        into store: Store, target: ImportTarget, batch: BatchSettings = BatchSettings(),
        progress: (() -> Void)? = nil
    ) throws -> ImportReport {
        let fullPath = path
        // The fingerprint is computed while the rows are read, on the time the import's
        // reading and writing threads leave idle (it is needed only at the end).
        let fingerprint = BackgroundTask {
            Platform.lowerCurrentThreadPriority()
            return try FileFingerprint(path: fullPath)
        }
        var recorded = batch.settings
        recorded["on-conflict"] = target.onConflict.rawValue
        recorded["instruments"] = source.matching.instruments.joined(separator: ",")
        let batchSource = BatchSource(
            fileName: (displayName as NSString).lastPathComponent,
            fingerprint: {
                let value = try fingerprint.value()
                return (value.sha256, value.bytes)
            },
            dialect: type(of: source.dialect).name, encoding: source.encoding.encoding.rawValue,
            options: recorded, tool: batch.tool, user: batch.user)
        var excluded: [String: Int] = [:]
        let excludedSoFar = { excluded }
        let plan = plan
        let layout = layout
        let source = source
        return try store.importBatch(
            into: target, source: batchSource, questions: layout.questions, scales: plan.scoring,
            excluded: excludedSoFar, columnsDropped: layout.dropped
        ) { session in
            var providers = TextTable<String>()
            try source.forEachRawResponse(plan: plan) { raw in
                if case .excluded(let reason) = raw.status {
                    excluded[reason, default: 0] += 1
                    return
                }
                try layout.add(
                    raw, plan: plan, session: session, wave: batch.wave, provider: batch.provider,
                    providers: &providers)
                progress?()
            }
        }
    }
}

extension ScoringPlan {
    /// How each planned scale is scored, as recorded with every response it scores.
    package var scoring: [ScaleScoring] {
        scales.map {
            ScaleScoring(
                scale: $0.id, instrumentVersion: $0.instrument.version, policy: $0.policy.description,
                hasRaw: $0.scale.conversion != nil)
        }
    }
}

/// What an import records beside its rows, and the values given to every row.
public struct BatchSettings: Sendable {
    /// Every row's wave, when the file has no wave column (or to override it).
    public var wave: String?
    /// Every row's provider, when the file has no provider column (or to override it).
    public var provider: String?
    /// The settings that shaped the import, recorded with the batch (e.g. `"map": "map.json"`).
    public var settings: [String: String]
    /// The program that imported (e.g. `kith 0.4.0`).
    public var tool: String
    /// Who imported (the login name), if known.
    public var user: String?

    public init(
        wave: String? = nil, provider: String? = nil, settings: [String: String] = [:],
        tool: String = "Kith library", user: String? = nil
    ) {
        self.wave = wave
        self.provider = provider
        self.settings = settings
        self.tool = tool
        self.user = user
    }
}

/// A file's SHA-256 (hexadecimal) and size in bytes.
public struct FileFingerprint: Sendable, Hashable {
    public var sha256: String
    public var bytes: Int

    public init(path: String) throws {
        sha256 = Hex.encode(try SHA256.hash(contentsOfFile: path))
        bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
