extension Instrument {
    /// Checks the meaning of a definition: every reference resolves, codes and
    /// labels are unambiguous, conversion tables cover the raw range, bands fit
    /// the scale, and licensed wording is not shipped where it may not be.
    ///
    /// Returns every problem found (empty when the definition is sound), each
    /// naming `file` and the JSON path of the offending value.
    public func validate(file: String) -> [InstrumentError] {
        var problems: [InstrumentError] = []
        func problem(_ path: String, _ message: String) {
            problems.append(InstrumentError(.invalidDefinition, file: file, path: path, message))
        }

        if !Instrument.isIdentifier(id) {
            problem("id", "'\(id)' is not a valid id; use lower-case letters, digits and '-' or '_', starting with a letter")
        }
        if licence.printWithResults, licence.notice.isEmpty { problem("licence.notice", "a notice is required when printWithResults is true") }

        for (name, options) in optionSets.sorted(by: { $0.key < $1.key }) {
            let path = "optionSets.\(name)"
            if options.isEmpty { problem(path, "an option set needs at least one option") }
            let scored = options.filter { $0.score != nil }.count
            if scored > 0, scored < options.count, let index = options.firstIndex(where: { $0.score == nil }) {
                problem("\(path)[\(index)].score", "give every option of the set a score, or none (\(scored) of \(options.count) have one)")
            }
            var codes: [Int: Int] = [:]
            var labels: [String: Int] = [:]
            for (index, option) in options.enumerated() {
                if let first = codes[option.code] {
                    problem("\(path)[\(index)].code", "duplicate code \(option.code) (also used by \(path)[\(first)])")
                }
                codes[option.code] = codes[option.code] ?? index
                for (aliasIndex, text) in ([option.label] + option.aliases).enumerated() {
                    let key = TextKey(text).value
                    let place = aliasIndex == 0 ? "\(path)[\(index)].label" : "\(path)[\(index)].aliases[\(aliasIndex - 1)]"
                    if key.isEmpty {
                        problem(place, "a label needs at least one letter or digit")
                    } else if let other = labels[key], other != index {
                        problem(place, "'\(text)' is ambiguous: it reads the same as a label of \(path)[\(other)]")
                    }
                    labels[key] = labels[key] ?? index
                }
            }
        }

        var itemIDs: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "items[\(index)]"
            if !Instrument.isIdentifier(item.id) { problem("\(path).id", "'\(item.id)' is not a valid item id") }
            if let first = itemIDs[item.id] { problem("\(path).id", "duplicate item id '\(item.id)' (also items[\(first)])") }
            itemIDs[item.id] = itemIDs[item.id] ?? index
            if optionSets[item.options] == nil {
                let known = optionSets.keys.sorted().joined(separator: ", ")
                problem("\(path).options", "unknown option set '\(item.options)'; this definition has: \(known)")
            }
            if licence.wording == .themesOnly, item.text != nil {
                problem("\(path).text", "the licence allows theme phrases only ('wording': 'themes-only'); remove the item wording")
            }
            if TextKey(item.theme).value.isEmpty { problem("\(path).theme", "a theme needs at least one letter or digit") }
        }

        for (index, id) in detectOnlyWith.enumerated() where item(id) == nil {
            problem("detectOnlyWith[\(index)]", "unknown item '\(id)'")
        }

        var scaleIDs: Set<String> = []
        for (index, scale) in scales.enumerated() {
            validate(scale, path: "scales[\(index)]", seen: &scaleIDs, problem: problem)
        }
        if scales.isEmpty { problem("scales", "a definition needs at least one scale") }
        return problems
    }

    private func validate(_ scale: Scale, path: String, seen: inout Set<String>, problem: (String, String) -> Void) {
        if !Instrument.isIdentifier(scale.id) { problem("\(path).id", "'\(scale.id)' is not a valid scale id") }
        if !seen.insert(scale.id).inserted { problem("\(path).id", "duplicate scale id '\(scale.id)'") }
        if scale.items.isEmpty { problem("\(path).items", "a scale needs at least one item") }
        var used: Set<String> = []
        var resolved: [Item] = []
        for (index, id) in scale.items.enumerated() {
            if !used.insert(id).inserted { problem("\(path).items[\(index)]", "item '\(id)' is listed twice") }
            if let item = item(id) {
                resolved.append(item)
            } else {
                let known = items.map(\.id).joined(separator: ", ")
                problem("\(path).items[\(index)]", "unknown item '\(id)'; this definition's items are: \(known)")
            }
        }
        if scale.method == .single, scale.items.count != 1 {
            problem("\(path).items", "a 'single' scale has exactly one item, found \(scale.items.count)")
        }
        if scale.missing != .complete, scale.missing.maxMissing >= scale.items.count {
            problem("\(path).missing", "\(scale.missing) would score a scale of \(scale.items.count) items with none answered")
        }
        // A set that scores some options and not others is reported above; its range would mislead what follows.
        let halfScored = resolved.contains { item in
            let options = options(of: item)
            return options.contains { $0.score != nil } && options.contains { $0.score == nil }
        }
        guard resolved.count == scale.items.count, !halfScored, let range = rawRange(of: scale) else { return }

        var valueRange = range
        if let conversion = scale.conversion {
            let tablePath = "\(path).conversion.table"
            if scale.method != .sum { problem("\(path).conversion", "a conversion table applies to 'sum' scales only") }
            var seenRaw: Set<Int> = []
            for (index, entry) in conversion.table.enumerated() {
                if !seenRaw.insert(entry.raw).inserted { problem("\(tablePath)[\(index)].raw", "raw score \(entry.raw) appears twice") }
                if entry.raw < Int(range.lowerBound) || entry.raw > Int(range.upperBound) {
                    problem(
                        "\(tablePath)[\(index)].raw",
                        "raw score \(entry.raw) is outside the scale's raw range \(Int(range.lowerBound))-\(Int(range.upperBound))")
                }
            }
            let missingRaw = (Int(range.lowerBound)...Int(range.upperBound)).filter { !seenRaw.contains($0) }
            if !missingRaw.isEmpty {
                let list = missingRaw.prefix(8).map(String.init).joined(separator: ", ")
                problem(
                    tablePath,
                    "the table does not cover the raw range \(Int(range.lowerBound))-\(Int(range.upperBound)): "
                        + "no value for \(list)\(missingRaw.count > 8 ? ", …" : "")"
                )
            } else {
                let values = conversion.table.map(\.value)
                valueRange = values.min()!...values.max()!
                let ordered = conversion.table.sorted { $0.raw < $1.raw }.map(\.value)
                if zip(ordered, ordered.dropFirst()).contains(where: { $0 >= $1 }) {
                    problem(tablePath, "converted values must increase with the raw score")
                }
            }
        }

        for (index, classification) in scale.classifications.enumerated() {
            let cpath = "\(path).classifications[\(index)]"
            if !Instrument.isIdentifier(classification.id) { problem("\(cpath).id", "'\(classification.id)' is not a valid classification id") }
            if scale.classifications.prefix(index).contains(where: { $0.id == classification.id }) {
                problem("\(cpath).id", "duplicate classification id '\(classification.id)'")
            }
            guard let first = classification.bands.first else {
                problem("\(cpath).bands", "a classification needs at least one band")
                continue
            }
            if first.from != valueRange.lowerBound {
                problem(
                    "\(cpath).bands[0].from",
                    "the first band must start at the scale's minimum \(format(valueRange.lowerBound)), found \(format(first.from))")
            }
            for (bandIndex, band) in classification.bands.enumerated() {
                if band.from > valueRange.upperBound {
                    problem("\(cpath).bands[\(bandIndex)].from", "\(format(band.from)) is above the scale's maximum \(format(valueRange.upperBound))")
                }
                if bandIndex > 0, band.from <= classification.bands[bandIndex - 1].from {
                    problem("\(cpath).bands[\(bandIndex)].from", "bands must start at increasing values")
                }
            }
        }

        if let change = scale.meaningfulChange, !(change.points > 0) {
            problem("\(path).meaningfulChange.points", "must be greater than 0")
        }
        if let reliability = scale.reliability, !(reliability.value > 0 && reliability.value < 1) {
            problem("\(path).reliability.value", "a reliability coefficient lies strictly between 0 and 1")
        }
        if let sem = scale.standardErrorOfMeasurement, !(sem.value > 0) {
            problem("\(path).sem.value", "must be greater than 0")
        }
        if let headline = scale.headline {
            if scale.method != .single { problem("\(path).headline", "a headline applies to 'single' scales only") }
            let codes = Set(options(of: resolved[0]).map(\.code))
            for (index, code) in headline.codes.enumerated() where !codes.contains(code) {
                problem("\(path).headline.codes[\(index)]", "\(code) is not a code of item '\(resolved[0].id)'")
            }
            if headline.codes.isEmpty { problem("\(path).headline.codes", "a headline counts at least one code") }
        }
        for (index, benchmark) in scale.benchmarks.enumerated() {
            switch benchmark.measure {
            case .percent where !(0...100).contains(benchmark.value):
                problem("\(path).benchmarks[\(index)].value", "a benchmark is a percentage between 0 and 100 (or set 'statistic': 'mean')")
            case .mean where !valueRange.contains(benchmark.value):
                problem(
                    "\(path).benchmarks[\(index)].value",
                    "a mean benchmark lies within the scale's range \(format(valueRange.lowerBound))-\(format(valueRange.upperBound))")
            default: break
            }
        }
        if scale.headline != nil, scale.benchmarks.contains(where: { $0.measure == .mean }) {
            problem("\(path).benchmarks", "a single-item headline is read beside percentages; a mean benchmark needs a 'sum' scale")
        }
        if let period = scale.defaultBenchmark, !scale.benchmarks.contains(where: { $0.period == period }) {
            problem("\(path).defaultBenchmark", "no benchmark has period '\(period)'")
        }
    }

    /// The smallest and largest raw value a scale can take, from its items' codes (or scores).
    public func rawRange(of scale: Scale) -> ClosedRange<Double>? {
        var low = 0
        var high = 0
        for id in scale.items {
            guard let item = item(id), let codes = optionSets[item.options]?.map(\.value), let min = codes.min(), let max = codes.max() else {
                return nil
            }
            low += min
            high += max
        }
        return Double(low)...Double(high)
    }

    /// The smallest and largest value a scale reports (after any conversion).
    public func valueRange(of scale: Scale) -> ClosedRange<Double>? {
        if let values = scale.conversion?.table.map(\.value), let min = values.min(), let max = values.max() { return min...max }
        return rawRange(of: scale)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

private func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
