import Foundation
import Testing

/// Compares `kith score --format json` output with a sample's expected results
/// (`Samples/expected/*.json`, written by `Samples/tools/make_samples.py` from
/// its own truth): every row's status, source id, person, wave and every score
/// (value to 1e-9, status, raw, label, missing and invalid items).
package func expectRowsMatch(json: String, expected path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let actual = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    let expected = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(path))) as? [String: Any],
        sourceLocation: sourceLocation)
    let rows = try #require(actual["rows"] as? [[String: Any]], sourceLocation: sourceLocation)
    let wanted = try #require(expected["rows"] as? [[String: Any]], sourceLocation: sourceLocation)
    #expect(rows.count == wanted.count, "\(path): row count", sourceLocation: sourceLocation)
    for (got, want) in zip(rows, wanted) {
        let row = want["row"] as? Int ?? -1
        #expect(got["row"] as? Int == row, sourceLocation: sourceLocation)
        let status = want["status"] as? String
        if status == "excluded" {
            #expect(got["status"] as? String == "excluded", "\(path) row \(row) should be excluded", sourceLocation: sourceLocation)
            continue
        }
        #expect(got["status"] as? String == "scored", "\(path) row \(row)", sourceLocation: sourceLocation)
        #expect(got["response"] as? String == status, "\(path) row \(row) response status", sourceLocation: sourceLocation)
        for key in ["source_id", "person", "wave"] where !(want[key] is NSNull) && want[key] != nil {
            #expect(got[key] as? String == want[key] as? String, "\(path) row \(row) \(key)", sourceLocation: sourceLocation)
        }
        if let duplicate = want["duplicate_of"] as? Int {
            #expect(got["duplicate_of"] as? Int == duplicate, "\(path) row \(row) duplicate_of", sourceLocation: sourceLocation)
        }
        let gotScores = got["scores"] as? [String: [String: Any]] ?? [:]
        for (scale, wantScore) in want["scores"] as? [String: [String: Any]] ?? [:] {
            guard let gotScore = gotScores[scale] else {
                Issue.record("\(path) row \(row): no score for \(scale)", sourceLocation: sourceLocation)
                continue
            }
            #expect(
                gotScore["status"] as? String == wantScore["status"] as? String, "\(path) row \(row) \(scale) status", sourceLocation: sourceLocation)
            let wantValue = (wantScore["value"] as? NSNumber)?.doubleValue
            let gotValue = (gotScore["value"] as? NSNumber)?.doubleValue
            if let wantValue, let gotValue {
                #expect(
                    abs(wantValue - gotValue) <= 1e-9 * max(1, abs(wantValue)), "\(path) row \(row) \(scale) = \(gotValue), expected \(wantValue)",
                    sourceLocation: sourceLocation)
            } else {
                #expect(
                    wantValue == nil && gotValue == nil,
                    "\(path) row \(row) \(scale) value \(String(describing: gotValue)), expected \(String(describing: wantValue))",
                    sourceLocation: sourceLocation)
            }
            for key in ["raw", "label"] where wantScore[key] != nil && !(wantScore[key] is NSNull) {
                #expect("\(gotScore[key] ?? "nil")" == "\(wantScore[key]!)", "\(path) row \(row) \(scale).\(key)", sourceLocation: sourceLocation)
            }
            for key in ["missing", "invalid"] {
                let wantItems = wantScore[key] as? [String] ?? []
                #expect(gotScore[key] as? [String] ?? [] == wantItems, "\(path) row \(row) \(scale).\(key)", sourceLocation: sourceLocation)
            }
        }
    }
}
