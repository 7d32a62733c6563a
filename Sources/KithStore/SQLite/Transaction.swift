import CSQLite

/// How `BEGIN` takes its locks.
package enum TransactionKind: String, Sendable {
    /// Locks on first read/write. A read that later writes can fail with
    /// `SQLITE_BUSY` at once (no waiting) if another connection wrote meanwhile.
    case deferred = "DEFERRED"
    /// Takes the write lock at `BEGIN`, waiting up to the busy timeout for it.
    /// The right choice for any transaction that writes.
    case immediate = "IMMEDIATE"
    /// Like `.immediate`; in rollback-journal mode it also keeps readers out.
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// Runs `body` in a transaction: commits when it returns, rolls back when
    /// it (or the commit) throws, and rethrows that first error.
    ///
    /// A failing `ROLLBACK` never replaces the original error. If SQLite has
    /// already rolled the transaction back by itself (after `SQLITE_FULL`,
    /// an I/O error, or `INSERT OR ROLLBACK`), no `ROLLBACK` is sent.
    ///
    /// Transactions don't nest: calling this while a transaction is open on
    /// the connection throws `SQLITE_MISUSE` before running `body`. Use
    /// ``savepoint(_:_:)`` for a unit of work that may run inside another.
    package func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError.misuse(
                "transaction() cannot be nested: a transaction is already open on this connection; use savepoint(_:_:) for nested work")
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        do {
            let result = try body()
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            if isInTransaction {
                // Deliberately ignored: the caller needs the error that caused
                // the rollback, not "cannot rollback". (If ROLLBACK itself fails
                // the connection is unusable anyway; its next BEGIN will say so.)
                try? execute("ROLLBACK TRANSACTION")
            }
            throw error
        }
    }

    /// Runs `body` inside `SAVEPOINT name`: releases it when `body` returns,
    /// rolls back to it when `body` throws (undoing only `body`'s changes)
    /// and rethrows. Savepoints nest, inside or outside ``transaction(_:_:)``.
    ///
    /// Outside a transaction the savepoint *is* the transaction, begun
    /// deferred; prefer an outer `transaction(.immediate)` when writing.
    package func savepoint<T>(_ name: String = "kith_savepoint", _ body: () throws -> T) throws -> T {
        let quoted = "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        try execute("SAVEPOINT \(quoted)")
        do {
            let result = try body()
            try execute("RELEASE SAVEPOINT \(quoted)")
            return result
        } catch {
            if isInTransaction {
                // As in transaction(): never let the cleanup hide `error`.
                try? execute("ROLLBACK TO SAVEPOINT \(quoted)")
                try? execute("RELEASE SAVEPOINT \(quoted)")
            }
            throw error
        }
    }
}
