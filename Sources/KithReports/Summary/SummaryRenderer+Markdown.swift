extension SummaryRenderer {
    static func markdown(_ summary: SurveySummary) -> String { table(summary) }
}
