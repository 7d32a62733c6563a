import KithStore
import Testing

@Suite("Score blobs read without allocating")
struct ScoreCodingTests {
    @Test("forEachScore reads what decodeScores reads: whole numbers, hundredths, doubles, raw sums, unscored")
    func sameAsDecode() throws {
        let scores: [AnswerCoding.StoredScore] = [
            .init(status: .complete, value: 7, raw: nil),
            .init(status: .complete, value: 24.11, raw: 27),
            .init(status: .incomplete, value: nil, raw: nil),
            .init(status: .prorated, value: 1.0 / 3.0, raw: 20.5),
            .init(status: .invalid, value: nil, raw: nil)
        ]
        let hasRaw = [false, true, false, true, true]
        let blob = AnswerCoding.encodeScores(scores, hasRaw: hasRaw)
        let decoded = try blob.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: hasRaw) }
        var read: [(Int, AnswerCoding.StoredScore.Status, Double?)] = []
        try blob.withUnsafeBufferPointer { try AnswerCoding.forEachScore($0, hasRaw: hasRaw) { read.append(($0, $1, $2)) } }
        #expect(read.map(\.0) == Array(0..<5))
        #expect(read.map(\.1) == decoded.map(\.status))
        #expect(read.map(\.2) == decoded.map(\.value))
        #expect(read[1].2 == 24.11 && read[3].2 == 1.0 / 3.0)
        #expect(throws: StoreError.self) {
            try Array(blob.dropLast()).withUnsafeBufferPointer { try AnswerCoding.forEachScore($0, hasRaw: hasRaw) { _, _, _ in } }
        }
    }
}
