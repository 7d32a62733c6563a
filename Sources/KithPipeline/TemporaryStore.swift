import Foundation
import KithStore

/// A store that lives only as long as a report on one file needs it: created in a new folder
/// of the system's temporary directory that only its owner can read (mode 700; the store and
/// its secret are 600), and removed with everything in it by ``remove()`` or when the value
/// is released.
///
/// Reports on a file (`summary FILE`, `change FILE`, `compare FILE`) import it here exactly as
/// an import into a lasting store would, so the figures are the same either way.
public final class TemporaryStore {
    /// The store, open.
    public let store: Store
    private let folder: URL
    private var removed = false

    /// Creates the folder and an empty store in it.
    public init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        do {
            store = try Store.open(path: folder.appendingPathComponent("kith.sqlite").path, create: true)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        self.folder = folder
    }

    /// Removes the folder and the store in it (the store must no longer be used).
    public func remove() {
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { remove() }
}

extension FileImport {
    /// Imports the file into a new ``TemporaryStore`` as survey `target.survey`.
    public func temporaryStore(target: ImportTarget, batch: BatchSettings = BatchSettings()) throws
        -> (temporary: TemporaryStore, survey: Survey)
    {
        let temporary = try TemporaryStore()
        _ = try store(into: temporary.store, target: target, batch: batch)
        return (temporary, try temporary.store.survey(named: target.survey))
    }
}
