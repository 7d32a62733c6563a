import Testing

@testable import KithStore

@Suite("AnswerCoding: compact scores")
struct AnswerCodingTests {
    typealias Score = AnswerCoding.StoredScore

    @Test(
        "whole numbers, hundredths and other values round-trip exactly",
        arguments: [
            3.0, 9.0, 0.0, -4.0, 70.0, 19.98, 7.0 + 0.01, 35.0 - 0.01, 28.13, 1.0 / 3.0, 0.1 + 0.2, 1e300, -0.5, 123456.78
        ])
    func roundTrip(value: Double) throws {
        let scores = [
            Score(status: .complete, value: value, raw: 21), Score(status: .prorated, value: value, raw: value + 0.5),
            Score(status: .incomplete, value: nil, raw: nil), Score(status: .complete, value: value, raw: nil)
        ]
        let hasRaw = [true, true, true, false]
        let blob = AnswerCoding.encodeScores(scores, hasRaw: hasRaw)
        let decoded = try blob.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: hasRaw) }
        #expect(decoded == scores)
        #expect(decoded[0].value?.bitPattern == value.bitPattern)
    }

    @Test("typical scores take a few bytes, not 8 per number")
    func compact() {
        // UCLA-3 sum, direct question code, WEMWBS incomplete, SWEMWBS metric 19.98 from raw 21.
        let scores = [
            Score(status: .complete, value: 6, raw: nil), Score(status: .complete, value: 2, raw: nil),
            Score(status: .incomplete, value: nil, raw: nil), Score(status: .complete, value: 19.98, raw: 21)
        ]
        let blob = AnswerCoding.encodeScores(scores, hasRaw: [false, false, false, true])
        #expect(blob.count == 9)
    }

    @Test("blobs written before compact scores (8-byte doubles) still decode")
    func legacy() throws {
        var blob: [UInt8] = [0]
        AnswerCoding.appendDouble(6, to: &blob)
        blob.append(2)
        blob.append(1)
        AnswerCoding.appendDouble(20.73, to: &blob)
        AnswerCoding.appendDouble(22, to: &blob)
        let decoded = try blob.withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: [false, false, true]) }
        #expect(
            decoded == [
                Score(status: .complete, value: 6, raw: nil), Score(status: .incomplete, value: nil, raw: nil),
                Score(status: .prorated, value: 20.73, raw: 22)
            ])
    }

    @Test("a truncated blob is reported as corrupt, not misread")
    func truncated() {
        let blob = AnswerCoding.encodeScores([Score(status: .complete, value: 1.0 / 3.0, raw: nil)], hasRaw: [false])
        #expect(throws: StoreError.self) {
            try Array(blob.dropLast()).withUnsafeBufferPointer { try AnswerCoding.decodeScores($0, hasRaw: [false]) }
        }
    }
}
