/// A score computed from some of an instrument's items.
public struct Scale: Sendable, Hashable {
    /// How the items combine into a value.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Sum of the item codes (then converted through `conversion` when present).
        case sum
        /// A single item, reported as its code and label.
        case single
    }

    /// Which direction of change is an improvement.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case better, worse
    }

    public var id: String
    public var title: String
    /// Item ids, in the instrument's order.
    public var items: [String]
    public var method: Method
    /// What a higher value means: `.better` (WEMWBS) or `.worse` (UCLA-3).
    public var higherIs: Direction
    /// The missing-answer policy the definition prescribes.
    public var missing: MissingPolicy
    public var proration: ProrationRule
    public var conversion: ConversionTable?
    public var classifications: [Classification]
    package var meaningfulChange: MeaningfulChange?
    package var reliability: Reliability?
    package var standardErrorOfMeasurement: MeasurementError?
    package var headline: Headline?
    public var benchmarks: [Benchmark]
    public var defaultBenchmark: String?
    package var norms: [Norm]
    public var loinc: String?
    public var loincNote: String?

    package init(
        id: String, title: String, items: [String], method: Method, higherIs: Direction,
        missing: MissingPolicy = .complete, proration: ProrationRule = .init(allowed: true, reason: nil),
        conversion: ConversionTable? = nil, classifications: [Classification] = [],
        meaningfulChange: MeaningfulChange? = nil, reliability: Reliability? = nil,
        standardErrorOfMeasurement: MeasurementError? = nil, headline: Headline? = nil,
        benchmarks: [Benchmark] = [], defaultBenchmark: String? = nil, norms: [Norm] = [],
        loinc: String? = nil, loincNote: String? = nil
    ) {
        self.id = id
        self.title = title
        self.items = items
        self.method = method
        self.higherIs = higherIs
        self.missing = missing
        self.proration = proration
        self.conversion = conversion
        self.classifications = classifications
        self.meaningfulChange = meaningfulChange
        self.reliability = reliability
        self.standardErrorOfMeasurement = standardErrorOfMeasurement
        self.headline = headline
        self.benchmarks = benchmarks
        self.defaultBenchmark = defaultBenchmark
        self.norms = norms
        self.loinc = loinc
        self.loincNote = loincNote
    }

    public func classification(_ id: String) -> Classification? { classifications.first { $0.id == id } }

    /// The benchmark named by `defaultBenchmark`, else the first.
    public var primaryBenchmark: Benchmark? {
        benchmarks.first { $0.period == defaultBenchmark } ?? benchmarks.first
    }

    /// The benchmark of a kind named by `defaultBenchmark`, else the first of that kind.
    package func primaryBenchmark(_ statistic: Benchmark.Statistic) -> Benchmark? {
        let kind = benchmarks.filter { $0.measure == statistic }
        return kind.first { $0.period == defaultBenchmark } ?? kind.first
    }
}

/// Whether a definition lets a user prorate missing items, and why not if not.
public struct ProrationRule: Sendable, Hashable, Encodable {
    public var allowed: Bool
    public var reason: String?
    package init(allowed: Bool, reason: String?) {
        self.allowed = allowed
        self.reason = reason
    }
}

/// A raw-score → reported-value table (e.g. SWEMWBS raw 7–35 → Rasch metric).
public struct ConversionTable: Sendable, Hashable, Encodable {
    public struct Entry: Sendable, Hashable, Encodable {
        public var raw: Int
        public var value: Double
        package init(raw: Int, value: Double) {
            self.raw = raw
            self.value = value
        }
    }
    public var source: String
    /// Decimal places of the published values.
    public var decimals: Int
    public var table: [Entry]

    package init(source: String, decimals: Int, table: [Entry]) {
        self.source = source
        self.decimals = decimals
        self.table = table
    }

    public func value(forRaw raw: Int) -> Double? { table.first { $0.raw == raw }?.value }
}

/// Named bands over a scale's values, with their source and standing.
public struct Classification: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Published by the instrument's owner or the statistical authority.
        case official
        /// Common practice without an official source: always labelled as such.
        case convention
        /// A cut-off from a single study.
        case study
    }

    /// A band starts at `from` (inclusive) and ends where the next band starts.
    public struct Band: Sendable, Hashable, Encodable {
        public var label: String
        public var from: Double
        package init(label: String, from: Double) {
            self.label = label
            self.from = from
        }
    }

    public var id: String
    public var title: String
    public var status: Status
    public var source: String
    public var bands: [Band]

    package init(id: String, title: String, status: Status, source: String, bands: [Band]) {
        self.id = id
        self.title = title
        self.status = status
        self.source = source
        self.bands = bands
    }

    /// The band a value falls in: the last band whose `from` is at or below it.
    public func band(for value: Double) -> Band? { bands.last { $0.from <= value } }
}

/// The smallest change in a person's score that counts as meaningful.
package struct MeaningfulChange: Sendable, Hashable, Encodable {
    package var points: Double
    package var source: String
    package init(points: Double, source: String) {
        self.points = points
        self.source = source
    }
}

/// A published reliability coefficient (for the reliable change index).
package struct Reliability: Sendable, Hashable, Encodable {
    package var value: Double
    package var kind: String
    package var source: String
    package init(value: Double, kind: String, source: String) {
        self.value = value
        self.kind = kind
        self.source = source
    }
}

/// A published standard error of measurement.
package struct MeasurementError: Sendable, Hashable, Encodable {
    /// What Kith uses it for.
    package enum Use: String, Sendable, Hashable, CaseIterable {
        /// The reliable change index uses this SEM directly.
        case reliableChange = "reliable-change"
        /// Shown for reference only.
        case reference
    }
    package var value: Double
    package var source: String
    package var use: Use
    package init(value: Double, source: String, use: Use) {
        self.value = value
        self.source = source
        self.use = use
    }
}

/// The headline figure of a single-item scale, e.g. "% Often/always".
package struct Headline: Sendable, Hashable, Encodable {
    package var label: String
    /// Option codes counted in the headline.
    package var codes: [Int]
    /// Completes "N people (x%) …", e.g. "said they felt lonely often or always".
    package var statement: String
    package var source: String
    package init(label: String, codes: [Int], statement: String, source: String) {
        self.label = label
        self.codes = codes
        self.statement = statement
        self.source = source
    }
}

/// A published comparison figure: a percentage (of the headline answer) or a mean score.
public struct Benchmark: Sendable, Hashable, Encodable {
    /// What a benchmark's value is.
    package enum Statistic: String, Sendable, Hashable, CaseIterable, Encodable {
        /// A percentage, read beside a single-item scale's headline (e.g. % Often/always).
        case percent
        /// A mean score on the scale (e.g. an ONS4 national mean of 7.0 out of 10).
        case mean
    }

    public var value: Double
    public var period: String
    public var area: String
    public var survey: String
    public var population: String?
    public var source: String
    /// As the definition gives it (nil: a percentage; left out when the definition is written).
    package var statistic: Statistic?
    package init(
        value: Double, period: String, area: String, survey: String, population: String?, source: String, statistic: Statistic? = nil
    ) {
        self.value = value
        self.period = period
        self.area = area
        self.survey = survey
        self.population = population
        self.source = source
        self.statistic = statistic
    }

    /// What the value is: a percentage unless the definition says it is a mean.
    package var measure: Statistic { statistic ?? .percent }
}

/// A published population mean.
package struct Norm: Sendable, Hashable, Encodable {
    package var label: String
    package var mean: Double
    package var source: String
    package init(label: String, mean: Double, source: String) {
        self.label = label
        self.mean = mean
        self.source = source
    }
}
