import KithImport

/// A progress line on standard error while a file is imported, drawn only when standard
/// error is a terminal: a bar with the share of the file read when its size is known
/// (a regular file), else a count of rows (a pipe). Redrawn every 20,000 rows; erased at the end.
final class Progress {
    private let console: Console
    private let enabled: Bool
    private let name: String
    private let read: ReadProgress?
    private var rows = 0
    private var drawn = false

    init(console: Console, enabled: Bool, name: String, read: ReadProgress? = nil) {
        self.console = console
        self.enabled = enabled
        self.name = name
        self.read = read
    }

    func tick() {
        rows += 1
        guard enabled, rows % 20_000 == 0 else { return }
        try? console.err.write("\r" + Self.line(name: name, rows: rows, fraction: read?.fraction))
        try? console.err.flush()
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        try? console.err.write("\r\u{1B}[K")
        try? console.err.flush()
    }

    /// "Importing export.csv ███████░░░…  23%  220,000 rows", or without a size "Importing export.csv… 220,000 rows".
    static func line(name: String, rows: Int, fraction: Double?) -> String {
        let count = "\(grouped(rows)) row\(rows == 1 ? "" : "s")"
        guard let fraction else { return "Importing \(name)… \(count)" }
        let width = 30
        let filled = min(width, max(0, Int((fraction * Double(width)).rounded(.down))))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return "Importing \(name) \(bar) \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(count)"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
