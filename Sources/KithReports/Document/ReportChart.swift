/// A chart of a report, as data: what to draw, not how. HTML draws it as inline SVG; the text
/// and Markdown renderers leave it out, because the table beside it gives the same figures.
public enum ReportChart: Sendable {
    /// Horizontal bars with interval whiskers and optional reference lines.
    case bars(BarChart)
    /// A funnel plot of providers' proportions against their denominators.
    case funnel(FunnelChart, title: String, axis: String)

    /// The chart's title, which is also the start of its text alternative.
    public var title: String {
        switch self {
        case .bars(let chart): chart.title
        case .funnel(_, let title, _): title
        }
    }

    /// A text alternative stating the chart's main figures, for screen readers and captions.
    public var summary: String {
        switch self {
        case .bars(let chart): chart.summary
        case .funnel(let chart, let title, _):
            "\(title). Overall \(ReportText.fixed(chart.centre * 100, 1))%; "
                + chart.points.map { "\($0.provider) \(ReportText.fixed($0.proportion * 100, 1))% of \($0.size)" }.joined(separator: "; ") + "."
        }
    }
}

/// Bars on a 0–100 percentage axis (or a score axis from `minimum` to `maximum`).
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        /// Nil when the figure is withheld: the bar is left out and says so.
        public var value: Double?
        public var lower: Double?
        public var upper: Double?

        package init(label: String, value: Double?, lower: Double? = nil, upper: Double? = nil) {
            self.label = label
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// A vertical line across the bars: a national benchmark, a target.
    public struct ReferenceLine: Sendable {
        public var label: String
        public var value: Double

        package init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var unit: ReportUnit
    public var minimum: Double
    public var maximum: Double
    public var bars: [Bar]
    public var references: [ReferenceLine]

    package init(
        title: String, unit: ReportUnit = .percentage, minimum: Double = 0, maximum: Double = 100, bars: [Bar],
        references: [ReferenceLine] = []
    ) {
        self.title = title
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.bars = bars
        self.references = references
    }

    /// "Title: A 38.2% (95% CI 32.4% to 44.3%); B withheld; national benchmark 6.0%."
    package var summary: String {
        let suffix = unit == .percentage ? "%" : ""
        let figure = { (value: Double) in ReportText.fixed(value, 1) + suffix }
        let parts =
            bars.map { bar -> String in
                guard let value = bar.value else { return "\(bar.label) withheld" }
                let interval = bar.lower.flatMap { l in bar.upper.map { "(95% CI \(figure(l)) to \(figure($0)))" } }
                return "\(bar.label) \(figure(value))" + (interval.map { " " + $0 } ?? "")
            } + references.map { "\($0.label) \(figure($0.value))" }
        return "\(title): " + parts.joined(separator: "; ") + "."
    }
}
