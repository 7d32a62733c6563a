// Reader benchmark: reads a CSV with KithImport's CSVReader, counting records and summing field
// byte lengths, and prints wall time and peak RSS. Built by run.sh against the Reader sources.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KithImport

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSKiB() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
    return Int(usage.ru_maxrss)          // KiB on Linux
    #else
    return Int(usage.ru_maxrss) / 1024   // bytes on macOS
    #endif
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: readerbench FILE.csv [repeat]")
    exit(2)
}
let path = arguments[1]
let repeats = arguments.count >= 3 ? Int(arguments[2]) ?? 1 : 1

do {
    for run in 1...repeats {
        let start = now()
        var reader = try CSVReader(path: path)
        var records = 0
        var fieldBytes = 0
        var fields = 0
        try reader.forEachRecord { record in
            records += 1
            fields += record.count
            for i in 0..<record.count { fieldBytes += record[i].count }
        }
        let seconds = now() - start
        let line = "run \(run): \(records) records, \(fields) fields, \(fieldBytes) field bytes; " +
            "encoding \(reader.detectedEncoding), delimiter \(reader.detectedDelimiter); " +
            "\(format3(seconds)) s; peak RSS \(peakRSSKiB() / 1024) MiB"
        print(line)
    }
} catch {
    print("error: \(error)")
    exit(1)
}

func format3(_ x: Double) -> String {
    let ms = Int((x * 1000).rounded())
    let frac = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
}
