extension Instrument {
    /// Reads a definition from JSON bytes, checking its shape (types, required
    /// and unknown keys). `validate()` then checks its meaning.
    ///
    /// - Parameter file: how to name the file in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws(InstrumentError) -> Instrument {
        let root = JSONCursor(try JSONValue.parse(bytes, file: file), file: file)
        try root.allowKeys([
            "id", "version", "title", "population", "citation", "source", "licence", "introduction",
            "optionSets", "items", "scales", "detectOnlyWith", "$comment"
        ])
        var optionSets: [String: [ResponseOption]] = [:]
        for (name, set) in try root.required("optionSets").members() {
            optionSets[name] = try set.array().map(ResponseOption.decode)
        }
        var instrument = Instrument(
            id: try root.required("id").nonEmptyString(),
            version: try root.required("version").nonEmptyString(),
            title: try root.required("title").nonEmptyString(),
            population: try root.optional("population")?.string(),
            citation: try root.required("citation").nonEmptyString(),
            source: try root.required("source").nonEmptyString(),
            licence: try Licence.decode(try root.required("licence")),
            introduction: try root.optional("introduction")?.string(),
            optionSets: optionSets,
            items: try root.required("items").array().map(Item.decode),
            scales: try root.required("scales").array().map(Scale.decode))
        instrument.detectOnlyWith = try root.optional("detectOnlyWith")?.strings() ?? []
        return instrument
    }
}

extension Licence {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Licence {
        try json.allowKeys(["name", "notice", "wording", "printWithResults", "terms"])
        return Licence(
            name: try json.required("name").nonEmptyString(),
            notice: try json.required("notice").nonEmptyString(),
            wording: try json.required("wording").enum(Wording.self),
            printWithResults: try json.required("printWithResults").bool(),
            terms: try json.optional("terms")?.string())
    }
}

extension ResponseOption {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> ResponseOption {
        try json.allowKeys(["code", "label", "aliases", "score"])
        return ResponseOption(
            code: try json.required("code").integer(),
            label: try json.required("label").nonEmptyString(),
            aliases: try json.optional("aliases")?.strings() ?? [],
            score: try json.optional("score")?.integer())
    }
}

extension Item {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Item {
        try json.allowKeys(["id", "text", "theme", "aliases", "options", "sameAs", "loinc", "loincConfidence", "note", "answersMustFit"])
        var item = Item(
            id: try json.required("id").nonEmptyString(),
            text: try json.optional("text")?.nonEmptyString(),
            theme: try json.required("theme").nonEmptyString(),
            aliases: try json.optional("aliases")?.strings() ?? [],
            options: try json.required("options").nonEmptyString(),
            sameAs: try json.optional("sameAs")?.nonEmptyString(),
            loinc: try json.optional("loinc")?.nonEmptyString(),
            note: try json.optional("note")?.string())
        item.answersMustFit = try json.optional("answersMustFit")?.bool()
        return item
    }
}

extension Scale {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Scale {
        try json.allowKeys([
            "id", "title", "items", "method", "higherIs", "missing", "proration", "conversion",
            "classifications", "meaningfulChange", "reliability", "sem", "headline", "benchmarks",
            "defaultBenchmark", "norms", "loinc", "loincNote"
        ])
        var missing = MissingPolicy.complete
        if let policy = try json.optional("missing") {
            let text = try policy.string()
            guard let parsed = MissingPolicy(text) else {
                throw policy.error("'\(text)' is not a missing-answer policy; expected 'complete', 'prorate:N' or 'answered-sum:N'")
            }
            missing = parsed
        }
        var proration = ProrationRule(allowed: true, reason: nil)
        if let rule = try json.optional("proration") {
            try rule.allowKeys(["allowed", "reason"])
            proration = ProrationRule(allowed: try rule.required("allowed").bool(), reason: try rule.optional("reason")?.string())
        }
        return Scale(
            id: try json.required("id").nonEmptyString(),
            title: try json.required("title").nonEmptyString(),
            items: try json.required("items").strings(),
            method: try json.required("method").enum(Method.self),
            higherIs: try json.required("higherIs").enum(Direction.self),
            missing: missing,
            proration: proration,
            conversion: try json.optional("conversion").map(ConversionTable.decode),
            classifications: try json.optional("classifications")?.array().map(Classification.decode) ?? [],
            meaningfulChange: try json.optional("meaningfulChange").map(MeaningfulChange.decode),
            reliability: try json.optional("reliability").map(Reliability.decode),
            standardErrorOfMeasurement: try json.optional("sem").map(MeasurementError.decode),
            headline: try json.optional("headline").map(Headline.decode),
            benchmarks: try json.optional("benchmarks")?.array().map(Benchmark.decode) ?? [],
            defaultBenchmark: try json.optional("defaultBenchmark")?.string(),
            norms: try json.optional("norms")?.array().map(Norm.decode) ?? [],
            loinc: try json.optional("loinc")?.nonEmptyString(),
            loincNote: try json.optional("loincNote")?.string())
    }
}

extension ConversionTable {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> ConversionTable {
        try json.allowKeys(["source", "decimals", "table"])
        var entries: [Entry] = []
        for row in try json.required("table").array() {
            try row.allowKeys(["raw", "value"])
            entries.append(Entry(raw: try row.required("raw").integer(), value: try row.required("value").number()))
        }
        return ConversionTable(
            source: try json.required("source").nonEmptyString(),
            decimals: try json.optional("decimals")?.integer() ?? 2,
            table: entries)
    }
}

extension Classification {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Classification {
        try json.allowKeys(["id", "title", "status", "source", "bands"])
        var bands: [Band] = []
        for band in try json.required("bands").array() {
            try band.allowKeys(["label", "from"])
            bands.append(Band(label: try band.required("label").nonEmptyString(), from: try band.required("from").number()))
        }
        return Classification(
            id: try json.required("id").nonEmptyString(),
            title: try json.required("title").nonEmptyString(),
            status: try json.required("status").enum(Status.self),
            source: try json.required("source").nonEmptyString(),
            bands: bands)
    }
}

extension MeaningfulChange {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> MeaningfulChange {
        try json.allowKeys(["points", "source"])
        return MeaningfulChange(points: try json.required("points").number(), source: try json.required("source").nonEmptyString())
    }
}

extension Reliability {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Reliability {
        try json.allowKeys(["value", "kind", "source"])
        return Reliability(
            value: try json.required("value").number(),
            kind: try json.required("kind").nonEmptyString(),
            source: try json.required("source").nonEmptyString())
    }
}

extension MeasurementError {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> MeasurementError {
        try json.allowKeys(["value", "source", "use"])
        return MeasurementError(
            value: try json.required("value").number(),
            source: try json.required("source").nonEmptyString(),
            use: try json.optional("use")?.enum(Use.self) ?? .reference)
    }
}

extension Headline {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Headline {
        try json.allowKeys(["label", "codes", "statement", "source"])
        var codes: [Int] = []
        for code in try json.required("codes").array() { codes.append(try code.integer()) }
        return Headline(
            label: try json.required("label").nonEmptyString(),
            codes: codes,
            statement: try json.required("statement").nonEmptyString(),
            source: try json.required("source").nonEmptyString())
    }
}

extension Benchmark {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Benchmark {
        try json.allowKeys(["value", "period", "area", "survey", "population", "source", "statistic"])
        return Benchmark(
            value: try json.required("value").number(),
            period: try json.required("period").nonEmptyString(),
            area: try json.required("area").nonEmptyString(),
            survey: try json.required("survey").nonEmptyString(),
            population: try json.optional("population")?.string(),
            source: try json.required("source").nonEmptyString(),
            statistic: try json.optional("statistic")?.enum(Statistic.self))
    }
}

extension Norm {
    fileprivate static func decode(_ json: JSONCursor) throws(InstrumentError) -> Norm {
        try json.allowKeys(["label", "mean", "source"])
        return Norm(
            label: try json.required("label").nonEmptyString(), mean: try json.required("mean").number(),
            source: try json.required("source").nonEmptyString())
    }
}
