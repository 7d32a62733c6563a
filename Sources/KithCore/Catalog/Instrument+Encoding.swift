import Foundation

// Definitions encode in the same format they are read from (see docs/instrument-format.md).

extension Licence.Wording: Encodable {}
extension Scale.Method: Encodable {}
extension Scale.Direction: Encodable {}
extension Classification.Status: Encodable {}
extension MeasurementError.Use: Encodable {}

extension MissingPolicy: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Scale: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, items, method, higherIs, missing, proration, conversion, classifications, meaningfulChange,
            reliability, sem, headline, benchmarks, defaultBenchmark, norms, loinc, loincNote
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(items, forKey: .items)
        try container.encode(method, forKey: .method)
        try container.encode(higherIs, forKey: .higherIs)
        try container.encode(missing, forKey: .missing)
        try container.encode(proration, forKey: .proration)
        try container.encodeIfPresent(conversion, forKey: .conversion)
        if !classifications.isEmpty { try container.encode(classifications, forKey: .classifications) }
        try container.encodeIfPresent(meaningfulChange, forKey: .meaningfulChange)
        try container.encodeIfPresent(reliability, forKey: .reliability)
        try container.encodeIfPresent(standardErrorOfMeasurement, forKey: .sem)
        try container.encodeIfPresent(headline, forKey: .headline)
        if !benchmarks.isEmpty { try container.encode(benchmarks, forKey: .benchmarks) }
        try container.encodeIfPresent(defaultBenchmark, forKey: .defaultBenchmark)
        if !norms.isEmpty { try container.encode(norms, forKey: .norms) }
        try container.encodeIfPresent(loinc, forKey: .loinc)
        try container.encodeIfPresent(loincNote, forKey: .loincNote)
    }
}

extension Instrument {
    /// The definition as JSON, in the file format (keys sorted).
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
