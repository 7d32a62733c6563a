/// What a number in a report measures; renderers choose its form from it (a percentage is
/// written "37.2" in a column headed "%", "37.2%" in running text; a workbook stores it as a number).
public enum ReportUnit: Sendable {
    /// People, responses, answers.
    case count
    /// A percentage on 0–100.
    case percentage
    /// A proportion on 0–1.
    case proportion
    /// A score on an instrument's scale, or a difference of scores.
    case score
    /// A test statistic, an effect size or degrees of freedom.
    case statistic
}

/// A number with its unit and the decimals it is shown to. `signed` marks a change, written
/// with its sign (+1.20, −0.55) wherever people read it.
public struct ReportNumber: Sendable {
    public var value: Double
    public var unit: ReportUnit
    public var places: Int
    public var signed: Bool

    package init(_ value: Double, _ unit: ReportUnit, places: Int, signed: Bool = false) {
        self.value = value
        self.unit = unit
        self.places = places
        self.signed = signed
    }
}

/// One cell of a report table, typed so each renderer can write it as its format expects.
/// A value never holds a pre-formatted number: renderers format through `ReportText`.
public enum ReportValue: Sendable {
    /// Words: a label, a group, an explanation.
    case text(String)
    /// A count, or the disclosure policy's marker ("<5") when it is withheld.
    case count(ShownCount)
    /// A count and the percentage it is of its row or base: "97 (37.2%)".
    case countAndPercent(ShownCount, percent: Double?)
    case number(ReportNumber)
    /// A 95% interval: "31.5–43.2" for percentages, "−0.30 to +2.10" for others.
    case interval(lower: ReportNumber, upper: ReportNumber)
    /// An estimate with its interval: "+1.20 (−0.30 to +2.10)".
    case estimate(ReportNumber, lower: ReportNumber?, upper: ReportNumber?)
    /// A p-value: three decimals, "<0.001" below 0.001.
    case pValue(Double)
    /// Not computed or withheld: "–".
    case missing
    /// An empty cell.
    case blank

    /// A count of people or responses that is never withheld.
    package static func count(_ value: Int) -> ReportValue { .count(.plain(value)) }

    /// A number, or `missing` when there is none.
    package static func number(_ value: Double?, _ unit: ReportUnit, places: Int, signed: Bool = false) -> ReportValue {
        value.map { .number(ReportNumber($0, unit, places: places, signed: signed)) } ?? .missing
    }

    /// An interval, or `missing` when there is none.
    package static func interval(_ lower: Double?, _ upper: Double?, _ unit: ReportUnit, places: Int, signed: Bool = false)
        -> ReportValue
    {
        guard let lower, let upper else { return .missing }
        return .interval(
            lower: ReportNumber(lower, unit, places: places, signed: signed), upper: ReportNumber(upper, unit, places: places, signed: signed))
    }

    /// An estimate with its interval, or `missing` when there is no estimate.
    package static func estimate(
        _ value: Double?, _ lower: Double?, _ upper: Double?, _ unit: ReportUnit, places: Int, signed: Bool = false
    ) -> ReportValue {
        guard let value else { return .missing }
        let bound = { (v: Double?) in v.map { ReportNumber($0, unit, places: places, signed: signed) } }
        return .estimate(ReportNumber(value, unit, places: places, signed: signed), lower: bound(lower), upper: bound(upper))
    }

    /// A p-value, or `missing`.
    package static func pValue(_ value: Double?) -> ReportValue { value.map { .pValue($0) } ?? .missing }

    /// The value as a table cell shows it ("37.2", "31.5–43.2", "<0.001", "–"), formatted as
    /// every renderer formats it.
    public var formatted: String { ReportText.cell(self) }

    /// Whether the value is a figure (right-aligned in tables) rather than words.
    package var isFigure: Bool {
        switch self {
        case .text, .blank: false
        default: true
        }
    }
}
