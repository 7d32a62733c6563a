import Foundation

/// Work started on its own thread; `value()` waits for it.
final class BackgroundTask<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, any Error>? // written once by the thread, read after `done`

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> T {
        done.wait()
        done.signal()
        guard let result else { preconditionFailure("the task signalled before it finished") }
        return try result.get()
    }
}
