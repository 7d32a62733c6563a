import Foundation
import KithCore
import KithImport
import Testing

/// One row of a sample's expected results (`Samples/expected/<stem>.json`).
package struct ExpectedRow: Decodable, Sendable {
    package struct Score: Decodable, Sendable {
        package var value: Double?
        package var raw: Double?
        package var label: String?
        package var status: String
        package var missing: [String]?
        package var invalid: [String]?
    }
    package var row: Int
    package var sourceID: String?
    package var status: String
    package var reason: String?
    package var duplicateOf: Int?
    package var person: String?
    package var wave: String?
    package var scores: [String: Score]?

    private enum CodingKeys: String, CodingKey {
        case row
        case sourceID = "source_id"
        case status
        case reason
        case duplicateOf = "duplicate_of"
        case person
        case wave
        case scores
    }
}

/// A sample's expected results.
package struct ExpectedSample: Decodable, Sendable {
    package var file: String
    package var source: String
    package var encoding: String
    package var delimiter: String
    package var headerRows: Int
    package var rows: [ExpectedRow]

    private enum CodingKeys: String, CodingKey {
        case file
        case source
        case encoding
        case delimiter
        case headerRows = "header_rows"
        case rows
    }

    package static func load(_ stem: String) throws -> ExpectedSample {
        let url = packageRoot.appendingPathComponent("Samples/expected/\(stem).json")
        return try JSONDecoder().decode(ExpectedSample.self, from: Data(contentsOf: url))
    }
}

/// What reading a sample gave: the source file and every response with its scores.
package struct ReadSample {
    package var source: SourceFile
    package var plan: ScoringPlan
    package var responses: [SourceResponse]
    package var scores: [[String: ScaleScore]]
}

/// Reads `Samples/<file>` with `options` (no `--map` unless given) and scores every row.
package func readSample(_ file: String, options: SourceOptions = .init(), catalog: Catalog = builtInCatalog) throws -> ReadSample {
    let path = packageRoot.appendingPathComponent("Samples/\(file)").path
    let source = try SourceFile(path: path, displayName: file, catalog: catalog, options: options)
    let plan = try source.plan()
    var responses: [SourceResponse] = []
    var scores: [[String: ScaleScore]] = []
    try source.forEachResponse(plan: plan, keepQuestions: true) { response in
        responses.append(response)
        scores.append(response.status.isExcluded ? [:] : Dictionary(uniqueKeysWithValues: plan.score(response.answers).map { ($0.scale, $0) }))
    }
    return ReadSample(source: source, plan: plan, responses: responses, scores: scores)
}

/// Reads a sample and checks the dialect, encoding, delimiter, header rows and every row
/// (id, status, exclusion reason, duplicate, person, wave, each scale's value, raw sum, label,
/// status and missing / invalid items) against its expected JSON.
@discardableResult
package func expectSampleMatches(
    _ file: String, expected stem: String? = nil, options: SourceOptions = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> ReadSample {
    let stem = stem ?? String(file.prefix { $0 != "." })
    let expected = try ExpectedSample.load(stem)
    let read = try readSample(file, options: options)
    let source = read.source
    let dialect = type(of: source.dialect).name
    #expect(dialect == (expected.source == "paper" ? "generic" : expected.source), "dialect", sourceLocation: sourceLocation)
    let encoding: String =
        switch source.encoding.encoding {
        case .utf8: source.encoding.hadByteOrderMark ? "utf-8-bom" : "utf-8"
        case .utf16LittleEndian: "utf-16le"
        case .utf16BigEndian: "utf-16be"
        case .windows1252: "windows-1252"
        }
    #expect(encoding == expected.encoding, "encoding", sourceLocation: sourceLocation)
    #expect(String(UnicodeScalar(source.delimiter.delimiter.rawValue)) == expected.delimiter, "delimiter", sourceLocation: sourceLocation)
    #expect(source.headerRows == expected.headerRows, "header rows", sourceLocation: sourceLocation)
    #expect(read.responses.count == expected.rows.count, "row count", sourceLocation: sourceLocation)

    for (index, want) in expected.rows.enumerated() where index < read.responses.count {
        let got = read.responses[index]
        let at = "\(file) row \(want.row)"
        #expect(got.row == want.row, "\(at): row number", sourceLocation: sourceLocation)
        #expect(got.sourceID == want.sourceID, "\(at): source id", sourceLocation: sourceLocation)
        #expect(got.status.name == want.status, "\(at): status \(got.status)", sourceLocation: sourceLocation)
        if want.status == "excluded" { #expect(got.status.reason == want.reason, "\(at): reason", sourceLocation: sourceLocation) }
        #expect(got.duplicateOf == want.duplicateOf, "\(at): duplicate of", sourceLocation: sourceLocation)
        #expect(got.person == want.person, "\(at): person", sourceLocation: sourceLocation)
        #expect(got.wave == want.wave, "\(at): wave", sourceLocation: sourceLocation)
        let scores = read.scores[index]
        let wantScores = want.scores ?? [:]
        #expect(Set(scores.keys) == Set(wantScores.keys), "\(at): scales scored", sourceLocation: sourceLocation)
        for (scale, wantScore) in wantScores {
            guard let score = scores[scale] else { continue }
            #expect(
                score.status.rawValue == wantScore.status, "\(at): \(scale) status \(score.status) missing \(score.missing) invalid \(score.invalid)",
                sourceLocation: sourceLocation)
            switch (score.value, wantScore.value) {
            case (nil, nil): break
            case (let a?, let b?): #expect(abs(a - b) < 0.005, "\(at): \(scale) = \(a), expected \(b)", sourceLocation: sourceLocation)
            default:
                Issue.record(
                    "\(at): \(scale) value \(String(describing: score.value)), expected \(String(describing: wantScore.value))",
                    sourceLocation: sourceLocation)
            }
            if let raw = wantScore.raw { #expect(score.raw == raw, "\(at): \(scale) raw", sourceLocation: sourceLocation) }
            if let label = wantScore.label { #expect(score.label == label, "\(at): \(scale) label", sourceLocation: sourceLocation) }
            if let missing = wantScore.missing {
                #expect(
                    Set(score.missing.map { shortItem($0) }) == Set(missing.map { shortItem($0) }), "\(at): \(scale) missing \(score.missing)",
                    sourceLocation: sourceLocation)
            }
            if let invalid = wantScore.invalid {
                #expect(
                    Set(score.invalid.map { shortItem($0.item) }) == Set(invalid.map { shortItem($0) }), "\(at): \(scale) invalid",
                    sourceLocation: sourceLocation)
            }
        }
    }
    return read
}

private func shortItem(_ id: String) -> String { String(id.split(separator: ".").last ?? Substring(id)) }

/// The map file proposed beside a sample.
package func sampleMap(_ name: String) throws -> ImportMap {
    try ImportMap.load(path: packageRoot.appendingPathComponent("Samples/\(name)").path)
}
