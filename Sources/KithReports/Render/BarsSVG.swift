/// A `BarChart` as inline SVG: one horizontal bar per row with its interval as a whisker, the
/// figure beside it, reference lines across the bars, and a labelled axis.
enum BarsSVG {
    static func render(_ chart: BarChart, id: String) -> String {
        let labelWidth = 200.0
        let plot = 300.0
        let rowHeight = 22.0
        let top = chart.references.isEmpty ? 0.0 : 16.0
        let height = top + rowHeight * Double(chart.bars.count) + 24
        let span = max(chart.maximum - chart.minimum, .leastNonzeroMagnitude)
        let suffix = chart.unit == .percentage ? "%" : ""
        func x(_ v: Double) -> Double { labelWidth + plot * (min(max(v, chart.minimum), chart.maximum) - chart.minimum) / span }
        func figure(_ v: Double) -> String { ReportText.fixed(v, 1) + suffix }

        var svg = HTMLRenderer.svgOpening(.bars(chart), id: id, width: labelWidth + plot + 60, height: height)
        for (index, bar) in chart.bars.enumerated() {
            let y = top + Double(index) * rowHeight
            var label = bar.label
            if label.count > 32 { label = String(label.prefix(31)) + "…" }
            svg += "<text x=\"0\" y=\"\(f(y + 15))\">\(esc(label))</text>\n"
            guard let value = bar.value else {
                svg += "<text x=\"\(f(labelWidth))\" y=\"\(f(y + 15))\">withheld</text>\n"
                continue
            }
            svg += "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(x(value) - labelWidth))\" height=\"14\"/>\n"
            var end = x(value)
            if let lower = bar.lower, let upper = bar.upper {
                let (l, u) = (x(lower), x(upper))
                svg += "<line class=\"whisker\" x1=\"\(f(l))\" x2=\"\(f(u))\" y1=\"\(f(y + 11))\" y2=\"\(f(y + 11))\"/>"
                svg += "<line class=\"whisker\" x1=\"\(f(l))\" x2=\"\(f(l))\" y1=\"\(f(y + 6))\" y2=\"\(f(y + 16))\"/>"
                svg += "<line class=\"whisker\" x1=\"\(f(u))\" x2=\"\(f(u))\" y1=\"\(f(y + 6))\" y2=\"\(f(y + 16))\"/>\n"
                end = max(end, u)
            }
            svg += "<text x=\"\(f(end + 4))\" y=\"\(f(y + 15))\">\(esc(figure(value)))</text>\n"
        }
        let axisY = top + rowHeight * Double(chart.bars.count) + 4
        for reference in chart.references {
            let rx = x(reference.value)
            svg += "<line class=\"reference\" x1=\"\(f(rx))\" x2=\"\(f(rx))\" y1=\"\(f(top - 2))\" y2=\"\(f(axisY))\"/>\n"
            svg += "<text x=\"\(f(rx + 3))\" y=\"\(f(top - 5))\">\(esc("\(reference.label) \(figure(reference.value))"))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(f(labelWidth))\" x2=\"\(f(labelWidth + plot))\" y1=\"\(f(axisY))\" y2=\"\(f(axisY))\"/>\n"
        for step in 0...4 {
            let value = chart.minimum + span * Double(step) / 4
            let text = ReportText.fixed(value, value == value.rounded() ? 0 : 1) + suffix
            svg += "<text x=\"\(f(x(value) - 6))\" y=\"\(f(axisY + 14))\">\(esc(text))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private static func f(_ value: Double) -> String { ReportText.fixed(value, 1) }
    private static func esc(_ text: String) -> String { HTMLRenderer.escape(text) }
}
