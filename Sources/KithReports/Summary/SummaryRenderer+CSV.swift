extension SummaryRenderer {
    static func csv(_ summary: SurveySummary) -> String { table(summary) }
}
