import KithStatistics

/// An inline SVG funnel plot: percentage against denominator, the centre line,
/// 95% (dashed) and 99.8% (dotted) control limits, one labelled point per provider.
/// Black and grey only, so it prints.
enum FunnelSVG {
    static func render(_ chart: FunnelChart, title: String, axis: String, id: String) -> String {
        let width = 680.0
        let height = 420.0
        let left = 64.0
        let right = 24.0
        let top = 28.0
        let bottom = 56.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let maxN = Double(chart.curve.count)
        // Vertical range: every limit beyond n = 5 and every point, in whole tens of percent.
        var values = chart.points.map { $0.proportion * 100 } + [chart.centre * 100]
        for limits in chart.curve.dropFirst(4) { for l in limits { values += [l.lower * 100, l.upper * 100] } }
        let low = max(0, ((values.min() ?? 0) / 10).rounded(.down) * 10)
        let high = min(100, ((values.max() ?? 100) / 10).rounded(.up) * 10)
        let span = max(high - low, 10)
        func x(_ n: Double) -> Double { left + n / maxN * plotW }
        func y(_ percent: Double) -> Double { top + (1 - (min(max(percent, low - 5), low + span + 5) - low) / span) * plotH }
        func f(_ v: Double) -> String { ReportText.fixed(v, 1) }

        var svg = HTMLRenderer.svgOpening(.funnel(chart, title: title, axis: axis), id: id, width: width, height: height)
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fff\"/>\n"
        // Axes, grid and ticks.
        let yStep = span > 50 ? 20.0 : 10.0
        var tick = low
        while tick <= low + span + 0.001 {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" font-size=\"12\" text-anchor=\"end\">\(Int(tick))%</text>\n"
            tick += yStep
        }
        let xStep = niceStep(maxN)
        var n = 0.0
        while n <= maxN + 0.001 {
            svg += "<line x1=\"\(f(x(n)))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x(n)))\" y2=\"\(f(top + plotH + 5))\" stroke=\"#000\"/>\n"
            svg += "<text x=\"\(f(x(n)))\" y=\"\(f(top + plotH + 19))\" font-size=\"12\" text-anchor=\"middle\">\(Int(n))</text>\n"
            n += xStep
        }
        svg +=
            "<polyline points=\"\(f(left)),\(f(top)) \(f(left)),\(f(top + plotH)) \(f(left + plotW)),\(f(top + plotH))\" fill=\"none\" "
            + "stroke=\"#000\"/>\n"
        svg +=
            "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 12))\" font-size=\"13\" text-anchor=\"middle\">\(HTMLRenderer.escape(axis))</text>\n"
        svg +=
            "<text x=\"16\" y=\"\(f(top + plotH / 2))\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 16 "
            + "\(f(top + plotH / 2)))\">\(HTMLRenderer.escape(title.components(separatedBy: " against ").first ?? title))</text>\n"
        // Limits and centre, clipped to the plotting area (limits at very small n leave the range shown).
        svg += "<defs><clipPath id=\"\(id)-plot\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\"/>"
        svg += "</clipPath></defs>\n<g clip-path=\"url(#\(id)-plot)\">\n"
        let styles = ["stroke-dasharray=\"6 4\"", "stroke-dasharray=\"2 3\""]
        for (index, _) in chart.levels.enumerated() {
            for upper in [false, true] {
                let points = chart.curve.enumerated().map { i, limits in
                    "\(f(x(Double(i + 1)))),\(f(y((upper ? limits[index].upper : limits[index].lower) * 100)))"
                }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.3\" \(styles[min(index, 1)])/>\n"
            }
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(y(chart.centre * 100)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(chart.centre * 100)))\" "
            + "stroke=\"#000\" stroke-width=\"1.5\"/>\n</g>\n"
        // Points, labelled.
        for point in chart.points {
            let px = x(Double(point.size))
            let py = y(point.proportion * 100)
            svg +=
                "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"5\" fill=\"#000\"><title>\(HTMLRenderer.escape(point.provider)): "
                + "\(f(point.proportion * 100))% of \(point.size)</title></circle>\n"
            let anchor = px > left + plotW * 0.7 ? "end" : "start"
            svg +=
                "<text x=\"\(f(px + (anchor == "end" ? -8 : 8)))\" y=\"\(f(py - 7))\" font-size=\"12\" "
                + "text-anchor=\"\(anchor)\">\(HTMLRenderer.escape(point.provider))</text>\n"
        }
        // Legend.
        let legend = [("centre: overall \(f(chart.centre * 100))%", ""), ("95% limits", styles[0]), ("99.8% limits", styles[1])]
        for (i, item) in legend.enumerated() {
            let ly = top + 6 + Double(i) * 16
            svg +=
                "<line x1=\"\(f(left + plotW - 190))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW - 160))\" y2=\"\(f(ly))\" stroke=\"#000\" "
                + "stroke-width=\"1.5\" \(item.1)/>\n"
            svg += "<text x=\"\(f(left + plotW - 154))\" y=\"\(f(ly + 4))\" font-size=\"12\">\(HTMLRenderer.escape(item.0))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func niceStep(_ range: Double) -> Double {
        for step in [5.0, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where range / step <= 10 { return step }
        return (range / 10).rounded(.up)
    }
}
