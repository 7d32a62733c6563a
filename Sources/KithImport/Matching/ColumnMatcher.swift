import KithCore

/// Recognises which columns of a file are which instrument items.
///
/// Matching is by normalised text (`TextKey`): the header, cleaned of question
/// numbers and hints, against each item's id, wording, aliases and theme.
/// A header that merely *contains* a theme phrase is accepted only when the
/// column's answers are the item's options and, for one-word themes, another
/// column of the same instrument was found — so "Did you find the service
/// useful?" is not taken for the WEMWBS item "useful". An item marked
/// `answersMustFit` (a 0-10 rating whose wording other scales share) needs that
/// evidence even for an exact header.
///
/// Nothing is guessed silently: a header that reads as two items of different
/// instruments is ambiguous unless only one of them is being scored.
package struct ColumnMatcher: Sendable {
    private let catalog: Catalog
    private let only: [String]?
    private let map: ImportMap?
    private var index: [String: [(item: Item, instrument: Instrument, method: MatchMethod)]] = [:]
    private var themes: [(key: TextKey, item: Item, instrument: Instrument)] = []
    private var vocabulary: [(words: Set<String>, item: Item, instrument: Instrument)] = []

    /// - Parameters:
    ///   - instruments: score only these (ids); nil detects them from the columns.
    ///   - map: the user's explicit column and label mapping.
    package init(catalog: Catalog, instruments: [String]? = nil, map: ImportMap? = nil) {
        self.catalog = catalog
        self.only = instruments
        self.map = map
        for instrument in catalog.instruments where instruments?.contains(instrument.id) ?? true {
            for item in instrument.items {
                add(item.id, item, instrument, .itemID)
                if let text = item.text { add(text, item, instrument, .wording) }
                for alias in item.aliases { add(alias, item, instrument, .alias(alias)) }
                add(item.theme, item, instrument, .theme)
                themes.append((TextKey(item.theme), item, instrument))
                let texts = [item.theme] + item.aliases + (item.text.map { [$0] } ?? [])
                vocabulary.append((Set(texts.flatMap { TextKey($0).value.split(separator: " ").map(String.init) }), item, instrument))
            }
        }
    }

    private mutating func add(_ text: String, _ item: Item, _ instrument: Instrument, _ method: MatchMethod) {
        let key = TextKey(text).value
        guard !key.isEmpty, !(index[key]?.contains { $0.item.id == item.id } ?? false) else { return }
        index[key, default: []].append((item, instrument, method))
    }

    /// Matches headers to items.
    ///
    /// - Parameter sample: the first data rows (cells by column), used as
    ///   evidence for theme-phrase matches.
    /// - Parameter names: the tool's own column names (export tags, field names), which a map may use.
    package func match(headers: [String], sample: [[String]], names: [String?] = []) throws -> ColumnMatching {
        var candidates: [Int: [(item: Item, instrument: Instrument, method: MatchMethod)]] = [:]
        var rejected: [(Int, String, String, String)] = []
        var mapped: Set<Int> = []

        for (column, header) in headers.enumerated() {
            let name = column < names.count ? names[column] : nil
            if let entry = map?.column(header: header, index: column) ?? name.flatMap({ map?.column(header: $0, index: column) }) {
                mapped.insert(column)
                guard let itemID = entry else { continue } // mapped to null: ignore the column
                guard let instrument = catalog.owner(ofItem: itemID), let item = instrument.item(itemID) else {
                    throw ImportError.map(path: map?.file ?? "map", "column '\(header)' is mapped to unknown item '\(itemID)'")
                }
                candidates[column] = [(item, instrument, .map)]
                continue
            }
            let values = sample.compactMap { column < $0.count ? $0[column] : nil }
            let exact = exactCandidates(header)
            // Items whose wording other scales share with another answer scale need the answers to fit even here.
            let found = exact.filter { entry in
                guard entry.item.answersMustFit == true, let reason = evidenceProblem(values, item: entry.item, instrument: entry.instrument) else {
                    return true
                }
                rejected.append((column, header, entry.item.id, "reads as its \(entry.method) but \(reason)"))
                return false
            }
            if found.isEmpty, !exact.isEmpty { continue }
            if !found.isEmpty {
                candidates[column] = found
                // Another instrument's item may fit the same short field name ("Left out" is an alias of the
                // children's item only): offer it too, so the instrument choice below can decide.
                let instruments = Set(found.map(\.instrument.id))
                for (item, instrument, words) in fieldNameCandidates(header) where !instruments.contains(instrument.id) {
                    if evidenceProblem(values, item: item, instrument: instrument) == nil {
                        candidates[column, default: []].append((item, instrument, .fieldName(words)))
                    }
                }
                continue
            }
            for (item, instrument, theme) in containedThemes(header) {
                if let reason = evidenceProblem(values, item: item, instrument: instrument) {
                    rejected.append((column, header, item.id, "contains theme '\(theme)' but \(reason)"))
                } else {
                    candidates[column, default: []].append((item, instrument, .themeInHeader(theme)))
                }
            }
            if candidates[column] == nil {
                for (item, instrument, words) in fieldNameCandidates(header) {
                    if let reason = evidenceProblem(values, item: item, instrument: instrument) {
                        rejected.append((column, header, item.id, "field name '\(words)' fits but \(reason)"))
                    } else {
                        candidates[column, default: []].append((item, instrument, .fieldName(words)))
                    }
                }
            }
        }

        // One-word themes found only by containment need a second column of the same instrument, and so does
        // a one-word header ("Happiness") of an item whose answers must fit.
        func oneWord(_ entry: (item: Item, instrument: Instrument, method: MatchMethod)) -> String? {
            let words: String
            switch entry.method {
            case .themeInHeader(let text), .fieldName(let text): words = text
            case .alias(let alias) where entry.item.answersMustFit == true: words = TextKey(alias).value
            case .theme where entry.item.answersMustFit == true: words = TextKey(entry.item.theme).value
            default: return nil
            }
            return words.contains(" ") ? nil : words
        }
        let exactInstruments = Set(candidates.values.flatMap { $0.filter { $0.method.isExact && oneWord($0) == nil }.map(\.instrument.id) })
        for (column, list) in candidates {
            let kept = list.filter { entry in
                guard let theme = oneWord(entry) else { return true }
                let others = candidates.filter { $0.key != column && $0.value.contains { $0.instrument.id == entry.instrument.id } }
                if exactInstruments.contains(entry.instrument.id) || !others.isEmpty { return true }
                rejected.append(
                    (
                        column, headers[column], entry.item.id,
                        "contains the one-word theme '\(theme)' but no other column of \(entry.instrument.id) was found"
                    ))
                return false
            }
            candidates[column] = kept.isEmpty ? nil : kept
        }

        let instruments = try chooseInstruments(candidates)
        var matches: [ColumnMatch] = []
        var ambiguous: [(Int, String, [String])] = []
        var notices: [String] = []
        for column in candidates.keys.sorted() {
            let list = candidates[column]!.filter { instruments.chosen.contains($0.instrument.id) }
            guard !list.isEmpty else { continue }
            let canonical = Set(list.map { catalog.canonicalItem($0.item.id) })
            if canonical.count > 1 {
                ambiguous.append((column, headers[column], list.map(\.item.id)))
                continue
            }
            let best = list[0]
            matches.append(
                ColumnMatch(
                    column: column, header: headers[column], item: catalog.canonicalItem(best.item.id),
                    instrument: best.instrument.id, method: best.method))
        }
        // Two columns read as the same item: neither is used, and the user is told.
        let byItem = Dictionary(grouping: matches, by: \.item)
        for (item, group) in byItem where group.count > 1 {
            matches.removeAll { $0.item == item }
            for match in group { ambiguous.append((match.column, match.header, [item])) }
            notices.append(
                "columns \(group.map { "\($0.column + 1) ('\($0.header)')" }.joined(separator: " and ")) "
                    + "all read as item \(item); only one can be: name it in a map file"
            )
        }
        notices += instruments.notices
        let used = Set(matches.map(\.column)).union(ambiguous.map(\.0))
        let unmatched = headers.indices.filter { index in
            let name = index < names.count ? names[index] : nil
            let entry = map?.column(header: headers[index], index: index) ?? name.flatMap { map?.column(header: $0, index: index) }
            return !used.contains(index) && !(mapped.contains(index) && entry == .some(nil))
        }
        return ColumnMatching(
            matches: matches.sorted { $0.column < $1.column }, instruments: instruments.chosen,
            ambiguous: ambiguous.sorted { $0.0 < $1.0 }.map { (column: $0.0, header: $0.1, items: $0.2) },
            rejected: rejected.sorted { $0.0 < $1.0 }.map { (column: $0.0, header: $0.1, item: $0.2, reason: $0.3) },
            unmatched: unmatched, notices: notices)
    }

    private func exactCandidates(_ header: String) -> [(item: Item, instrument: Instrument, method: MatchMethod)] {
        for text in [header] + HeaderText.candidates(header) {
            if let found = index[TextKey(text).value], !found.isEmpty { return found }
        }
        return []
    }

    private func containedThemes(_ header: String) -> [(Item, Instrument, String)] {
        let keys = HeaderText.candidates(header).map { TextKey($0) }
        var found: [(Item, Instrument, String)] = []
        for (key, item, instrument) in themes where keys.contains(where: { $0.contains(words: key) }) {
            found.append((item, instrument, key.value))
        }
        // Prefer the longest theme when one contains another ("interested in new things" over "interested").
        return found.filter { candidate in
            !found.contains { other in other.2.count > candidate.2.count && TextKey(other.2).contains(words: TextKey(candidate.2)) }
        }
    }

    private static let stopWords: Set<String> = [
        "the", "a", "an", "of", "to", "i", "my", "me", "you", "your", "feel", "feeling", "felt",
        "been", "have", "how", "often", "do", "did", "is", "are", "and", "or", "q", "question", "item"
    ]

    /// Items whose wording, theme and aliases hold every word of a short field name
    /// (at most four words; "lonely" and "loneliness" count as one word).
    private func fieldNameCandidates(_ header: String) -> [(Item, Instrument, String)] {
        guard let name = HeaderText.candidates(header).last else { return [] }
        let words = TextKey(name).value.split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= 4 else { return [] }
        let content = words.filter { !ColumnMatcher.stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
        guard !content.isEmpty else { return [] }
        func same(_ a: String, _ b: String) -> Bool {
            if a == b { return true }
            let common = zip(a, b).prefix { $0 == $1 }.count
            return common >= 5 && common >= min(a.count, b.count) - 3
        }
        return vocabulary.filter { entry in content.allSatisfy { word in entry.words.contains { same($0, word) } } }
            .map { ($0.item, $0.instrument, content.joined(separator: " ")) }
    }

    /// Why a column's answers do not look like an item's options, or nil when they do
    /// (at least 80% of the non-blank sampled answers are options or codes).
    private func evidenceProblem(_ values: [String], item: Item, instrument: Instrument) -> String? {
        let options = instrument.options(of: item)
        let conventional = (map?.conventionalMissingCodes ?? true) ? ConventionalMissing.codes(for: options) : []
        let resolver = OptionResolver(
            options: options, missingCodes: (map?.missingCodes ?? []).union(conventional).union([-99, -999]),
            missingLabels: map?.missingLabels ?? [], extraLabels: map?.extraLabels(for: item.id) ?? [:])
        let answered = values.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard !answered.isEmpty else { return nil }
        // A column holds a handful of distinct answers: resolve each once.
        var fits: [String: Bool] = [:]
        let fitting = answered.filter { value in
            if let known = fits[value] { return known }
            let fit: Bool
            if case .invalid = resolver.resolve(value) { fit = false } else { fit = true }
            fits[value] = fit
            return fit
        }.count
        return Double(fitting) >= 0.8 * Double(answered.count)
            ? nil
            : "only \(fitting) of \(answered.count) sampled answers are its options"
    }

    /// Picks the instruments to score from the columns found.
    ///
    /// An instrument is dropped when every column it matched is also matched by
    /// another instrument that the file covers completely while it does not:
    /// a SWEMWBS file does not also score WEMWBS, an adult ONS file does not
    /// also score the children's measure.
    private func chooseInstruments(_ candidates: [Int: [(item: Item, instrument: Instrument, method: MatchMethod)]]) throws -> (
        chosen: [String], notices: [String]
    ) {
        var columnsOf: [String: Set<Int>] = [:]
        var canonicalCovered: [String: Set<String>] = [:]
        for (column, list) in candidates {
            for entry in list {
                columnsOf[entry.instrument.id, default: []].insert(column)
                canonicalCovered[entry.instrument.id, default: []].insert(entry.item.id)
            }
        }
        func isComplete(_ id: String) -> Bool {
            guard let instrument = try? catalog.instrument(id) else { return false }
            return instrument.items.allSatisfy { canonicalCovered[id]?.contains($0.id) ?? false }
        }
        if let only { return (only, []) }
        var chosen: [String] = []
        var notices: [String] = []
        for id in columnsOf.keys.sorted() {
            let mine = columnsOf[id]!
            if let instrument = try? catalog.instrument(id), !instrument.detectOnlyWith.isEmpty,
                !instrument.detectOnlyWith.contains(where: { canonicalCovered[id]?.contains($0) ?? false })
            {
                notices.append(
                    "\(id) not scored: none of its distinctive items (\(instrument.detectOnlyWith.joined(separator: ", "))) "
                        + "is in the file (name it to score it anyway)."
                )
                continue
            }
            if let other = columnsOf.keys.sorted().first(where: { $0 != id && mine.isSubset(of: columnsOf[$0]!) && isComplete($0) && !isComplete(id) }
            ) {
                notices.append(
                    "\(id) not scored: its \(mine.count) column\(mine.count == 1 ? "" : "s") belong to \(other), "
                        + "which the file covers completely (name it to score it instead)."
                )
                continue
            }
            chosen.append(id)
        }
        return (chosen, notices)
    }
}
