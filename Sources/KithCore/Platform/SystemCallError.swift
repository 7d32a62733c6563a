/// A failed system call, with the call, the path and `errno`.
/// Paths are not respondent data, so they appear in `description`.
package struct SystemCallError: Error, Sendable, CustomStringConvertible {
    /// The C call that failed, e.g. `"open"`.
    package let operation: String
    package let path: String
    /// The `errno` value.
    package let code: Int32
    /// `strerror(code)`.
    package let message: String

    package var description: String { "\(operation)(\(path)) failed: \(message) (errno \(code))" }
}
