import Foundation
import KithReports
import KithTestSupport
import Testing

/// Reads `kith summary --format json` back as a reader would, and tries to recover every
/// suppressed count of each cross-table (with its question's own table, which shares its
/// margins) with the exhaustive attacker of `DisclosureTests`. Every hidden count must keep at
/// least two possible values; percentages of hidden counts must not be published.
@Suite("Disclosure control of summaries")
struct SummaryDisclosureTests {
    static func cell(_ value: Any?, policy: DisclosurePolicy) -> ProtectedTable.Cell {
        if let number = value as? Int { return .shown(number) }
        let text = value as? String ?? ""
        // Under nhs "*" is both kinds: a reader knows only that the count is at least 1.
        if policy == .nhs { return .complementary }
        return text == policy.marker ? .primary : .complementary
    }

    static func count(_ object: [String: Any], _ key: String, policy: DisclosurePolicy) -> ProtectedTable.Cell {
        cell(object[key] is NSNull || object[key] == nil ? object["\(key)_suppressed"] : object[key], policy: policy)
    }

    @Test(
        "no suppressed count of a summary can be worked out from what it publishes",
        arguments: [
            ("Sex", DisclosurePolicy.min5), ("Sex", .min10), ("Sex", .nhs), ("Age band", .min5)
        ])
    func recovery(by: String, policy: DisclosurePolicy) throws {
        let run = kith("summary", "Samples/kent-esurvey.csv", "--by", by, "--format", "json", "--suppress", policy.rawValue)
        #expect(run.status == .ok, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect(object["suppression"] as? String == policy.rawValue)
        let questions = try #require(object["questions"] as? [[String: Any]])
        let tables = try #require((object["breakdowns"] as? [[String: Any]])?.first?["tables"] as? [[String: Any]])
        var hiddenSeen = 0
        for table in tables {
            let question = try #require(questions.first { $0["id"] as? String == table["question"] as? String })
            let rows = try #require(table["rows"] as? [[String: Any]])
            let r = rows.count
            let k = try #require(table["options"] as? [String]).count
            // Cells: inner r×k, row totals, option totals, answered (the grand total), no answer, base.
            var cells: [ProtectedTable.Cell] = []
            for row in rows { cells += (row["counts"] as? [Any] ?? []).map { Self.cell($0, policy: policy) } }
            cells += rows.map { Self.count($0, "total", policy: policy) }
            cells += (table["option_totals"] as? [Any] ?? []).map { Self.cell($0, policy: policy) }
            cells.append(Self.count(table, "total", policy: policy))
            cells.append(Self.count(question, "no_answer", policy: policy))
            cells.append(Self.count(question, "base", policy: policy))
            let grand = r * k + r + k
            var lines: [[Int]] = (0..<r).map { row in (0..<k).map { row * k + $0 } + [r * k + row] }
            lines += (0..<k).map { o in (0..<r).map { $0 * k + o } + [r * k + r + o] }
            lines.append((0..<r).map { r * k + $0 } + [grand])
            lines.append((0..<k).map { r * k + r + $0 } + [grand])
            lines.append([grand, grand + 1, grand + 2])
            // The question's own table shows the same option totals.
            let options = try #require(question["options"] as? [[String: Any]])
            for (o, option) in options.enumerated() where o < k {
                #expect(
                    Self.count(option, "count", policy: policy) == cells[r * k + r + o],
                    "\(table["text"] ?? ""): option totals as in the question's table")
                if option["count"] is NSNull { #expect(option["percent"] is NSNull && option["percent_answered"] is NSNull) }
            }
            for row in rows {
                for (value, percent) in zip(row["counts"] as? [Any] ?? [], row["percents"] as? [Any] ?? []) where value is String {
                    #expect(percent is NSNull, "no percentage of a hidden count")
                }
            }
            let hidden = cells.indices.filter { if case .shown = cells[$0] { false } else { true } }
            guard !hidden.isEmpty else { continue }
            if table["withheld"] is String {
                // Withheld whole: every count but the question's own margins is hidden (zeros too).
                #expect((0..<(r * k + r)).allSatisfy(hidden.contains))
                continue
            }
            hiddenSeen += hidden.count
            #expect(table["test"] is NSNull, "no test statistic for a table with hidden counts")
            let reader = Reader(cells: cells, lines: lines, policy: policy, limit: 270)
            #expect(reader.solve(reader.low, reader.high) != nil, "the published table is consistent")
            for index in hidden {
                #expect(reader.possibleValues(of: index) >= 2, "\(table["text"] ?? "") by \(by) (\(policy)): cell \(index) recovered")
            }
        }
        #expect(hiddenSeen > 0, "the test must meet suppressed counts to mean anything")
    }

    @Test("a small partial count is protected by hiding the total, not the base every table shows")
    func responseFigures() throws {
        // REDCap sample: 23 complete, 1 partial. Every question shows its base and how many answered
        // and did not, so hiding the complete count would hide nothing (answered + no answer = base).
        let run = kith("summary", "Samples/redcap.csv", "--format", "json", "--suppress", "min5")
        #expect(run.status == .ok, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let responses = try #require(object["responses"] as? [String: Any])
        #expect(responses["complete"] as? Int == 23)
        #expect(responses["partial_suppressed"] as? String == "<5")
        #expect(responses["total"] is NSNull && responses["total_suppressed"] as? String == "c")
        let questions = try #require(object["questions"] as? [[String: Any]])
        for question in questions where question["base"] != nil {
            #expect(question["base"] as? Int == 23, "every base is the complete count, shown")
        }
        let cells: [ProtectedTable.Cell] = [.shown(23), .primary, .complementary]
        let reader = Reader(cells: cells, lines: [[0, 1, 2]], policy: .min5, limit: 60)
        #expect(reader.possibleValues(of: 1) >= 2, "the partial count cannot be worked out")
    }

    @Test("the builder's tables under a policy: counts 1-4 never shown, statistics withheld for few people")
    func smallCountsNeverShown() throws {
        let run = kith("summary", "Samples/kent-esurvey.csv", "--by", "Sex", "--format", "json", "--suppress", "min5")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        var counts: [Int] = []
        func collect(_ value: Any) {
            if let dictionary = value as? [String: Any] {
                for (key, inner) in dictionary {
                    if ["count", "base", "answered", "no_answer", "total", "n"].contains(key), let number = inner as? Int { counts.append(number) }
                    if key == "counts" || key == "option_totals", let list = inner as? [Any] { counts += list.compactMap { $0 as? Int } }
                    collect(inner)
                }
            } else if let list = value as? [Any] {
                for inner in list { collect(inner) }
            }
        }
        collect(object)
        #expect(!counts.isEmpty)
        #expect(counts.allSatisfy { !(1...4).contains($0) }, "a count of 1 to 4 was published under min5")
        let means = try #require((object["breakdowns"] as? [[String: Any]])?.first?["means"] as? [[String: Any]])
        for group in means.flatMap({ $0["groups"] as? [[String: Any]] ?? [] }) where !(group["n"] is Int) {
            #expect(group["mean"] is NSNull, "no mean for a group whose size is withheld")
        }
    }

    @Test("the reader does recover a count protected by primary suppression alone")
    func readerCanWin() {
        // 97, 81, "<5", 40 of 222: the hidden count is 222 - 218 = 4.
        let reader = Reader(cells: [.shown(97), .shown(81), .primary, .shown(40), .shown(222)], lines: [[0, 1, 2, 3, 4]], policy: .min5, limit: 300)
        #expect(reader.possibleValues(of: 2) == 1)
        let protected = ProtectedTable.oneWay([97, 81, 4, 40], total: 222, policy: .min5)
        let safe = Reader(cells: protected.cells, lines: protected.lines, policy: .min5, limit: 300)
        for index in protected.values.indices where protected.isHidden(index) { #expect(safe.possibleValues(of: index) == 2) }
    }

    @Test("a cross-table keeps the states of margins published elsewhere")
    func fixedMargins() {
        let fixed: [Int: ProtectedTable.Cell] = [4: .shown(30), 5: .shown(12)]
        // 2×2: cells 0-3, row totals 4-5, column totals 6-7, grand 8.
        let table = ProtectedTable.crossTableForTesting([[28, 2], [10, 2]], policy: .min5, fixed: fixed)
        #expect(table.cells[4] == .shown(30) && table.cells[5] == .shown(12))
        #expect(table.isHidden(1) && table.isHidden(3))
        let found = attack(table)
        for index in table.values.indices where table.isHidden(index) { #expect((found[index]?.count ?? 0) >= 2) }
    }
}

extension ProtectedTable {
    static func crossTableForTesting(_ counts: [[Int]], policy: DisclosurePolicy, fixed: [Int: Cell]) -> ProtectedTable {
        let plain = crossTable(counts, policy: .none)
        return ProtectedTable(values: plain.values, lines: plain.lines, policy: policy, fixed: fixed)
    }
}

/// A reader of a published table, independent of `ProtectedTable`: each count lies in an
/// interval (a shown count exactly, or within ±2 when rounded to 5; a "<5" between 1 and 4; a
/// withheld count at or above the threshold, or at least 1 under nhs), and every line sums to its
/// total. Depth-first search with interval propagation finds tables consistent with all of it.
struct Reader {
    let lines: [[Int]]
    var low: [Int] = []
    var high: [Int] = []

    init(cells: [ProtectedTable.Cell], lines: [[Int]], policy: DisclosurePolicy, limit: Int) {
        self.lines = lines
        let slack = policy.rounding > 1 ? (policy.rounding - 1) / 2 : 0
        for cell in cells {
            switch cell {
            case .shown(let value):
                low.append(max(0, value - slack))
                high.append(value + slack)
            case .primary:
                low.append(policy.hidesZero ? 0 : 1)
                high.append(policy.threshold - 1)
            case .complementary:
                low.append(policy == .nhs ? 1 : policy.threshold)
                high.append(limit)
            }
        }
    }

    /// Narrows every interval by the line sums; false when some interval empties.
    func propagate(_ low: inout [Int], _ high: inout [Int]) -> Bool {
        var changed = true
        while changed {
            changed = false
            for line in lines {
                let total = line.last!
                let parts = line.dropLast()
                let sumLow = parts.reduce(0) { $0 + low[$1] }
                let sumHigh = parts.reduce(0) { $0 + high[$1] }
                if sumLow > low[total] {
                    low[total] = sumLow
                    changed = true
                }
                if sumHigh < high[total] {
                    high[total] = sumHigh
                    changed = true
                }
                for part in parts {
                    let othersLow = sumLow - low[part]
                    let othersHigh = sumHigh - high[part]
                    if high[total] - othersLow < high[part] {
                        high[part] = high[total] - othersLow
                        changed = true
                    }
                    if low[total] - othersHigh > low[part] {
                        low[part] = low[total] - othersHigh
                        changed = true
                    }
                }
                for cell in line where low[cell] > high[cell] { return false }
            }
        }
        return true
    }

    /// A consistent table within the given intervals, if there is one.
    func solve(_ low: [Int], _ high: [Int], budget: Int = 200_000) -> [Int]? {
        var steps = 0
        func search(_ low: [Int], _ high: [Int]) -> [Int]? {
            steps += 1
            if steps > budget { return nil }
            var low = low
            var high = high
            guard propagate(&low, &high) else { return nil }
            guard let cell = low.indices.filter({ low[$0] < high[$0] }).min(by: { high[$0] - low[$0] < high[$1] - low[$1] }) else { return low }
            let middle = (low[cell] + high[cell]) / 2
            var left = high
            left[cell] = middle
            if let found = search(low, left) { return found }
            var right = low
            right[cell] = middle + 1
            return search(right, high)
        }
        return search(low, high)
    }

    /// 1 when the cell has a single possible value, 2 when it has at least two (0: none).
    func possibleValues(of cell: Int) -> Int {
        guard let first = solve(low, high) else { return 0 }
        var above = low
        var below = high
        above[cell] = first[cell] + 1
        below[cell] = first[cell] - 1
        if above[cell] <= high[cell], solve(above, high) != nil { return 2 }
        if below[cell] >= low[cell], solve(low, below) != nil { return 2 }
        return 1
    }
}
