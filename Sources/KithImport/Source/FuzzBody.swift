import KithCore

/// What the fuzz target (and its regression test) does with one input: read it as
/// a source file every way Kith would, ignoring the errors a bad file should give.
package enum FuzzBody {
    package static func run(_ bytes: [UInt8], catalog: Catalog) {
        // The reader alone, with small chunks so records straddle chunk boundaries.
        if var reader = try? CSVReader(bytes: bytes, displayName: "fuzz", options: .init(chunkSize: 64, sniffLength: 256, maxRecordLength: 1 << 16)) {
            let head = (try? reader.peekRows(40)) ?? []
            _ = Dialects.detect(head)
            for dialect in Dialects.all { _ = dialect.recognise(head) }
            _ = try? reader.forEachRecord { record in
                for index in 0..<record.count {
                    _ = record[index].count
                    _ = record.wasQuoted(index)
                }
                _ = record.isBlank
            }
        }
        // The whole path: detection, each dialect's header reading, matching, responses.
        // Detected, and one more named dialect chosen by the input's first byte (every dialect's
        // header reading gets inputs, without paying for all of them on every input).
        let forced = Dialects.all[Int(bytes.first ?? 0) % Dialects.all.count].name
        for name in [nil, Optional(forced)] {
            guard
                let source = try? SourceFile(
                    bytes: bytes, displayName: "fuzz", catalog: catalog, options: SourceOptions(dialect: name, sampleRows: 20)),
                let plan = try? source.plan()
            else { continue }
            _ = try? source.forEachResponse(plan: plan, keepQuestions: true) { response in
                _ = plan.score(response.answers)
                for (question, cell) in zip(source.questions, response.questions) { _ = question.selections(cell) }
            }
        }
        let parser = TimestampParser(order: .detect, zone: "Europe/London")
        if bytes.count < 80 { _ = parser.parse(String(decoding: bytes, as: UTF8.self)) }
    }
}
