import KithCore

/// Instruments described for people (`kith instruments show`).
package enum InstrumentText {
    package static func json(_ instrument: Instrument) -> String { instrument.jsonText() }

    /// A plain-text table with aligned columns.
    package static func table(_ headers: [String], _ rows: [[String]]) -> String {
        let widths = headers.indices.map { column in ([headers] + rows).map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { TextFormat.pad($0.element, widths[$0.offset]) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        return line(headers) + line(widths.map { String(repeating: "-", count: $0) }) + rows.map(line).joined()
    }

    /// Everything a user needs to know to score an instrument correctly.
    package static func describe(_ instrument: Instrument, origin: String) -> String {
        var text = "\(instrument.title)\n"
        text += "id \(instrument.id), definition version \(instrument.version) (\(origin))\n"
        if let population = instrument.population { text += "Population: \(population)\n" }
        text += "Citation: \(instrument.citation)\nSource: \(instrument.source)\n"
        text += "\nLicence: \(instrument.licence.name)\n  \(instrument.licence.notice)\n"
        if let terms = instrument.licence.terms { text += "  \(terms)\n" }
        if instrument.licence.wording == .themesOnly {
            text += "  Item wording is licensed and not shipped: items are shown by theme phrase.\n"
        }
        if let introduction = instrument.introduction { text += "\nIntroduction: \(introduction)\n" }

        text += "\nItems:\n"
        for item in instrument.items {
            let wording = item.text.map { "\"\($0)\"" } ?? "theme: \(item.theme)"
            text += "  \(item.id)  \(wording)  [options: \(item.options)]"
            if let sameAs = item.sameAs { text += " (same question as \(sameAs))" }
            if let loinc = item.loinc { text += " LOINC \(loinc)" }
            text += "\n"
            if !item.aliases.isEmpty { text += "      also recognised as: \(item.aliases.joined(separator: "; "))\n" }
            if let note = item.note { text += "      note: \(note)\n" }
        }

        text += "\nResponse options:\n"
        for (name, options) in instrument.optionSets.sorted(by: { $0.key < $1.key }) {
            text += "  \(name):\n"
            for option in options {
                text += "    \(option.code) = \(option.label)"
                if let score = option.score { text += ", scores \(score)" }
                if !option.aliases.isEmpty { text += "  (also: \(option.aliases.joined(separator: "; ")))" }
                text += "\n"
            }
        }

        for scale in instrument.scales {
            text += "\nScale \(instrument.id).\(scale.id): \(scale.title)\n"
            text += "  Items: \(scale.items.joined(separator: ", "))\n"
            let range = instrument.valueRange(of: scale).map { "\(TextFormat.number($0.lowerBound))-\(TextFormat.number($0.upperBound))" } ?? "?"
            let scored = scale.items.contains { id in instrument.item(id).map { instrument.options(of: $0).contains { $0.score != nil } } ?? false }
            let what = scored ? "item scores (each option's score, above)" : "item codes"
            switch scale.method {
            case .single: text += "  Scoring: the item's code, reported with its label (range \(range))\n"
            case .sum where scale.conversion != nil:
                let raw = instrument.rawRange(of: scale).map { "\(TextFormat.number($0.lowerBound))-\(TextFormat.number($0.upperBound))" } ?? "?"
                text += "  Scoring: sum of \(what) (raw \(raw)), converted with the table below (range \(range))\n"
            case .sum where scale.items.count == 1:
                text += "  Scoring: the item's \(scored ? "score" : "code"), reported as a number (range \(range))\n"
            case .sum: text += "  Scoring: sum of \(what) (range \(range))\n"
            }
            text += "  Higher is \(scale.higherIs.rawValue).\n"
            let missing: String =
                switch scale.missing {
                case .complete: "scored only when every item is answered"
                case .prorate(let n): "policy \(scale.missing): up to \(n) missing prorated"
                case .answeredSum(let n):
                    "policy \(scale.missing): scored with up to \(n) item\(n == 1 ? "" : "s") unanswered, "
                        + "as the sum of the answered items (not prorated)"
                }
            text += "  Missing answers: \(missing)"
            text +=
                scale.items.count > 1
                ? (scale.proration.allowed
                    ? "; proration available (missing-answer policy prorate:N)" : "; never prorated (\(scale.proration.reason ?? ""))") : ""
            text += "\n"
            if let conversion = scale.conversion {
                text += "  Conversion (\(conversion.source)):\n"
                let pairs = conversion.table.sorted { $0.raw < $1.raw }.map { "\($0.raw)→\(TextFormat.fixed($0.value, conversion.decimals))" }
                for start in stride(from: 0, to: pairs.count, by: 8) {
                    text += "    " + pairs[start..<min(start + 8, pairs.count)].joined(separator: "  ") + "\n"
                }
            }
            if let headline = scale.headline {
                text += "  Headline: % \(headline.label) (codes \(headline.codes.map(String.init).joined(separator: ", "))). \(headline.source)\n"
            }
            for benchmark in scale.benchmarks {
                let value = benchmark.measure == .mean ? "mean \(TextFormat.fixed(benchmark.value, 1))" : "\(TextFormat.number(benchmark.value))%"
                text +=
                    "  Benchmark: \(value) \(benchmark.area) \(benchmark.period), "
                    + "\(benchmark.survey)\(benchmark.period == scale.defaultBenchmark ? " (default)" : "") — \(benchmark.source)\n"
            }
            for classification in scale.classifications {
                text += "  Classification '\(classification.id)' (\(classification.status.rawValue)): \(classification.title)\n"
                for (index, band) in classification.bands.enumerated() {
                    let upper =
                        index + 1 < classification.bands.count ? "below \(TextFormat.number(classification.bands[index + 1].from))" : "and above"
                    text += "    \(TextFormat.number(band.from)) \(upper): \(band.label)\n"
                }
                text += "    Source: \(classification.source)\n"
            }
            if let change = scale.meaningfulChange {
                text += "  Meaningful change: \(TextFormat.number(change.points)) points — \(change.source)\n"
            } else if scale.method == .sum {
                text += "  Meaningful change: no published threshold\n"
            }
            if let reliability = scale.reliability {
                text += "  Reliability: \(reliability.kind) \(TextFormat.number(reliability.value)) — \(reliability.source)\n"
            }
            if let sem = scale.standardErrorOfMeasurement {
                text += "  Standard error of measurement: \(TextFormat.number(sem.value)) (\(sem.use.rawValue)) — \(sem.source)\n"
            }
            for norm in scale.norms { text += "  Norm: \(norm.label) mean \(TextFormat.number(norm.mean)) — \(norm.source)\n" }
            if let loinc = scale.loinc { text += "  LOINC: \(loinc)\n" }
            if let note = scale.loincNote { text += "  LOINC note: \(note)\n" }
        }
        return text
    }
}
