import KithReports
import Testing

/// The renderers' escaping, the one number formatter, and the HTML page's accessible structure,
/// tested with labels an export could carry (a respondent's free text, a hostile column header).
@Suite("Rendering")
struct RenderingTests {
    static let hostile = "=HYPERLINK(\"http://x.example\",\"click\") | <script>alert(1)</script> *_[]# &amp; ~~x~~"

    @Test(
        "Markdown escapes every active character and keeps the rest",
        arguments: [
            ("|a|b|", "\\|a\\|b\\|"),
            ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
            ("*bold* _it_ [link](x) #tag", "\\*bold\\* \\_it\\_ \\[link\\](x) #tag"),
            ("# Heading", "\\# Heading"),
            ("> quote", "\\> quote"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("1. item", "1\\. item"),
            ("12) item", "12\\) item"),
            ("-0.55 and 1.5 million", "-0.55 and 1.5 million"),
            ("<5 people", "<5 people"),
            ("Q&A ~~gone~~", "Q\\&A \\~\\~gone\\~\\~"),
            ("two\nlines\r\nthree", "two lines three"),
            ("back\\slash `code`", "back\\\\slash \\`code\\`"),
            ("snake_case_name", "snake\\_case\\_name")
        ])
    func markdownEscape(input: String, expected: String) {
        #expect(MarkdownRenderer.escape(input) == expected)
    }

    @Test("a hostile label cannot add a column to a Markdown table or open markup")
    func markdownTable() {
        var doc = ReportDocument(title: Self.hostile)
        doc.table(ReportTable(caption: "t", columns: ["Answer", "Count"], rows: [[.text(Self.hostile), .count(3)]]))
        let text = MarkdownRenderer.render(doc)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 3)
        for row in rows {
            // Unescaped pipes: the two borders and one between the two columns.
            var unescaped = 0
            var previous: Character = " "
            for ch in row {
                if ch == "|", previous != "\\" { unescaped += 1 }
                previous = ch
            }
            #expect(unescaped == 3, "\(row)")
        }
        #expect(text.contains("\\<script>alert(1)\\</script>"))
        #expect(text.hasPrefix("# \\=HYPERLINK"))
    }

    @Test("HTML escapes text in headings, cells, captions and chart labels")
    func htmlEscape() {
        var doc = ReportDocument(title: Self.hostile)
        doc.heading(Self.hostile)
        doc.table(ReportTable(caption: Self.hostile, columns: [Self.hostile, "Count"], rows: [[.text(Self.hostile), .count(3)]]))
        doc.chart(.bars(BarChart(title: Self.hostile, bars: [.init(label: "<b>\"x\"</b>", value: 40, lower: 30, upper: 50)])))
        let page = HTMLRenderer.render(doc)
        #expect(!page.contains("<script"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&amp;amp;"))
        #expect(page.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"))
    }

    @Test("the HTML page is accessible by construction: language, one h1, captions, header scopes, described charts")
    func htmlStructure() {
        var doc = ReportDocument(title: "Survey summary: kent")
        doc.heading("Questions")
        doc.heading("How often do you feel lonely?", level: 3)
        doc.chart(
            .bars(BarChart(title: "Lonely: % of those who answered", bars: [.init(label: "Often/always", value: 38.2, lower: 32.4, upper: 44.3)])))
        doc.table(
            ReportTable(
                caption: "How often do you feel lonely?", columns: ["Answer", "Count", "% of answered"],
                rows: [[.text("Often/always"), .count(97), .number(38.2, .percentage, places: 1)]]))
        let page = HTMLRenderer.render(doc)
        #expect(page.contains("<html lang=\"en-GB\">"))
        #expect(page.components(separatedBy: "<h1").count == 2)
        #expect(page.contains("<h2>Questions</h2>") && page.contains("<h3>How often do you feel lonely?</h3>"))
        #expect(page.contains("<caption>How often do you feel lonely?</caption>"))
        #expect(page.contains("<th scope=\"col\">Answer</th>") && page.contains("<th scope=\"row\">Often/always</th>"))
        #expect(page.contains("<td class=\"n\">38.2</td>"))
        #expect(page.contains("role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\""))
        #expect(page.contains("<title id=\"chart-1-title\">Lonely: % of those who answered</title>"))
        #expect(page.contains("<desc id=\"chart-1-desc\">Lonely: % of those who answered: Often/always 38.2% (95% CI 32.4% to 44.3%).</desc>"))
        #expect(page.components(separatedBy: "<section>").count == page.components(separatedBy: "</section>").count)
        #expect(page.components(separatedBy: "<div class=\"block\">").count == page.components(separatedBy: "</div>").count)
    }

    @Test(
        "CSV neutralises text a spreadsheet would run as a formula, and leaves numbers as numbers",
        arguments: [
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            ("+44 7700 900123", "'+44 7700 900123"),
            ("-not a number", "'-not a number"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "\"'\r=1+1\""),
            ("-0.55", "-0.55"),
            ("-1.96", "-1.96"),
            ("+3", "+3"),
            ("a,b", "\"a,b\""),
            ("line\r\nbreak", "\"line\r\nbreak\""),
            ("\"\u{301}quoted", "\"\"\"\u{301}quoted\""),
            ("plain", "plain")
        ])
    func csvCells(input: String, expected: String) {
        #expect(CSVTable.cell(input) == expected)
    }

    @Test("CSV rows are built from named cells; unnamed columns are empty")
    func csvNamedCells() {
        var table = CSVTable(columns: ["provider", "scale", "p"])
        table.append(["p": "0.5", "provider": "=cmd"])
        table.append(["scale": "ucla3"])
        #expect(table.text == "provider,scale,p\n'=cmd,,0.5\n,ucla3,\n")
    }

    @Test("one formatter: signs, true minus signs, intervals by unit, p-values")
    func reportText() {
        #expect(ReportText.number(ReportNumber(-0.55, .score, places: 2, signed: true)) == "−0.55")
        #expect(ReportText.number(ReportNumber(1.48, .score, places: 2, signed: true)) == "+1.48")
        #expect(ReportText.number(ReportNumber(0.001, .score, places: 2, signed: true)) == "0.00")
        #expect(ReportText.number(ReportNumber(2.5, .score, places: 0)) == "3", "half away from zero")
        #expect(ReportText.cell(.interval(31.5, 43.2, .percentage, places: 1)) == "31.5–43.2")
        #expect(ReportText.cell(.interval(-0.79, -0.31, .score, places: 2, signed: true)) == "−0.79 to −0.31")
        #expect(ReportText.cell(.estimate(1.48, 1.01, 1.95, .score, places: 2, signed: true)) == "+1.48 (+1.01 to +1.95)")
        #expect(ReportText.cell(.pValue(0.0004)) == "<0.001")
        #expect(ReportText.cell(.pValue(0.0123)) == "0.012")
        #expect(ReportText.cell(.countAndPercent(ShownCount(shown: nil, text: "<5"), percent: nil)) == "<5")
        #expect(ReportText.cell(.countAndPercent(.plain(97), percent: 37.164)) == "97 (37.2%)")
        #expect(ReportText.cell(.number(nil, .score, places: 2)) == "–")
    }
}
