import Foundation
import KithStore
import Testing

/// Throughput checks, meaningful only in a release build, so off by default:
///
///     KITH_BENCHMARKS=1 swift test -c release --scratch-path .build-store-release --filter KithStoreTests.BenchmarkTests
@Suite("Benchmarks (KITH_BENCHMARKS=1, release build)",
       .enabled(if: ProcessInfo.processInfo.environment["KITH_BENCHMARKS"] == "1"),
       .serialized)
struct BenchmarkTests {
    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test("SHA-256 hashes at least 150 MB/s")
    func sha256Throughput() {
        let data = pattern(64 << 20)
        var best = Double.infinity
        var digest: [UInt8] = []
        for _ in 0..<3 {
            let elapsed = ContinuousClock().measure { digest = data.withUnsafeBytes { SHA256.hash($0) } }
            best = min(best, seconds(elapsed))
        }
        let megabytesPerSecond = Double(data.count) / best / 1e6
        print("SHA-256: \(Int(megabytesPerSecond)) MB/s")
        #expect(digest.count == 32)
        #expect(megabytesPerSecond >= 150)
    }

    @Test("inserting 1,000,000 rows through bindUTF8 runs at 200,000+ rows/s")
    func insertThroughput() throws {
        try withTemporaryDatabase { db, _ in
            try db.setJournalMode(.wal)
            try db.execute(sql: "CREATE TABLE response(respondent TEXT NOT NULL, item TEXT NOT NULL, value INTEGER)")
            let fields = Array("R-000000,loneliness_q1".utf8)
            let rows = 1_000_000
            let elapsed = try ContinuousClock().measure {
                try db.transaction {
                    let insert = try db.prepare("INSERT INTO response(respondent, item, value) VALUES (?, ?, ?)")
                    try fields.withUnsafeBufferPointer { line in
                        for row in 0..<rows {
                            try insert.bindUTF8(UnsafeBufferPointer(rebasing: line[0..<8]), at: 1)
                            try insert.bindUTF8(UnsafeBufferPointer(rebasing: line[9...]), at: 2)
                            try insert.bind(row % 5, at: 3)
                            try insert.step()
                            insert.reset()
                        }
                    }
                }
            }
            let rate = Double(rows) / seconds(elapsed)
            print("Inserts: \(Int(rate)) rows/s")
            #expect(try db.scalar("SELECT count(*) FROM response", as: Int.self) == rows)
            #expect(rate >= 200_000)
        }
    }
}
