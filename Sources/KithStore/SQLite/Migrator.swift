/// One step of the schema's history. Never edit or reorder a migration that
/// has shipped: add a new one.
package struct Migration: Sendable {
    /// 1 for the first migration, 2 for the second... After it has run,
    /// `PRAGMA user_version` equals this number.
    package let version: Int
    /// A short description for error messages, e.g. "create response tables".
    package let name: String
    private let body: @Sendable (Database) throws -> Void

    /// A migration that runs an SQL script.
    package init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name) { try $0.execute(sql: sql) }
    }

    /// A migration that runs Swift code (e.g. to rewrite rows). It runs
    /// inside the migration's transaction: don't begin another.
    package init(version: Int, name: String, _ body: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.body = body
    }

    func apply(to db: Database) throws { try body(db) }
}

/// Brings a database's schema up to date, tracking the version in
/// `PRAGMA user_version`.
///
///     let migrator = Migrator([
///         Migration(version: 1, name: "surveys", sql: "CREATE TABLE survey(...);"),
///         Migration(version: 2, name: "responses", sql: "CREATE TABLE response(...);"),
///     ])
///     try migrator.migrate(db)
///
/// Each pending migration runs in its own `BEGIN IMMEDIATE` transaction,
/// which also sets `user_version`, so a failure leaves the database at the
/// last migration that succeeded. The version is read again once the write
/// lock is held, so two processes migrating the same file at once apply
/// each migration once.
package struct Migrator: Sendable {
    package let migrations: [Migration]

    /// Versions must be 1, 2, 3... in order (checked by `migrate`).
    package init(_ migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The version a fully migrated database has (0 with no migrations).
    package var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies the pending migrations, up to and including `target` (default:
    /// all). A test can migrate to version k, add data, then migrate the rest.
    /// Returns the versions applied, in order (empty if it was up to date).
    ///
    /// Throws ``MigrationError/databaseIsNewer(databaseVersion:latestKnownVersion:)``
    /// without touching a database that a newer Kith has migrated further.
    @discardableResult
    package func migrate(_ db: Database, upTo target: Int? = nil) throws -> [Int] {
        for (offset, migration) in migrations.enumerated() where migration.version != offset + 1 {
            throw MigrationError.invalidMigrationList(
                "migration \"\(migration.name)\" has version \(migration.version), expected \(offset + 1): versions must be 1, 2, 3... in order")
        }
        let target = target ?? latestVersion
        guard (0...latestVersion).contains(target) else {
            throw MigrationError.unknownTargetVersion(target, latestKnownVersion: latestVersion)
        }
        let current = try db.userVersion()
        guard current <= latestVersion else {
            throw MigrationError.databaseIsNewer(databaseVersion: current, latestKnownVersion: latestVersion)
        }

        var applied: [Int] = []
        for migration in migrations where migration.version > current && migration.version <= target {
            let didApply = try db.transaction(.immediate) { () throws -> Bool in
                // Another connection may have migrated since we looked.
                let version = try db.userVersion()
                guard version <= latestVersion else {
                    throw MigrationError.databaseIsNewer(databaseVersion: version, latestKnownVersion: latestVersion)
                }
                guard version < migration.version else { return false }
                do {
                    try migration.apply(to: db)
                } catch {
                    throw MigrationError.migrationFailed(version: migration.version, name: migration.name, underlying: error)
                }
                try db.setUserVersion(migration.version)
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }
}

package enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// The database's `user_version` is beyond every migration this build knows.
    case databaseIsNewer(databaseVersion: Int, latestKnownVersion: Int)
    /// The migration list is not numbered 1, 2, 3...
    case invalidMigrationList(String)
    /// `migrate(_:upTo:)` was asked for a version that doesn't exist.
    case unknownTargetVersion(Int, latestKnownVersion: Int)
    /// A migration threw; its transaction was rolled back.
    case migrationFailed(version: Int, name: String, underlying: any Error)

    package var description: String {
        switch self {
        case .databaseIsNewer(let databaseVersion, let latest):
            "This database was created by a newer Kith (schema version \(databaseVersion); this Kith knows up to \(latest)). Upgrade Kith to open it."
        case .invalidMigrationList(let reason):
            "Invalid migration list: \(reason)"
        case .unknownTargetVersion(let target, let latest):
            "Cannot migrate to schema version \(target): versions go from 0 to \(latest)"
        case .migrationFailed(let version, let name, let underlying):
            "Migration \(version) (\(name)) failed and was rolled back: \(underlying)"
        }
    }
}
