extension SummaryRenderer {
    static func html(_ summary: SurveySummary) -> String { table(summary) }
}
