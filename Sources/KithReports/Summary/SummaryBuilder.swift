import KithCore
import KithStatistics
import KithStore

/// What to summarise and how.
public struct SummaryOptions: Sendable {
    public var wave: String?
    /// Columns to break down by: `provider`, `wave`, or a question (its text, key or item id).
    public var by: [String]
    /// How many people were sent the survey (overrides the stored figure).
    public var invited: Int?
    public var policy: DisclosurePolicy
    public var catalog: Catalog

    public init(wave: String? = nil, by: [String] = [], invited: Int? = nil, policy: DisclosurePolicy, catalog: Catalog) {
        self.wave = wave
        self.by = by
        self.invited = invited
        self.policy = policy
        self.catalog = catalog
    }
}

/// Why a summary cannot be made.
public enum SummaryError: Error, CustomStringConvertible, Equatable {
    /// A breakdown names no column; the columns that may be named.
    case unknownColumn(String, available: [String])
    /// A breakdown names a column whose answers are not categories.
    case notCategorical(String, kind: String)
    /// The survey (or wave) has no complete responses.
    case noResponses(survey: String, wave: String?)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            "'\(name)' is not a column of this survey to break down by; available: \(available.joined(separator: ", "))"
        case .notCategorical(let name, let kind):
            "'\(name)' is a \(kind) question; breakdowns need a single-choice question, provider or wave"
        case .noResponses(let survey, let wave):
            "survey '\(survey)'\(wave.map { " wave '\($0)'" } ?? "") has no complete responses to summarise"
        }
    }
}

/// Builds a `SurveySummary` from the store in one pass over the responses:
/// all computation and disclosure control happen here, none in the renderers.
public enum SummaryBuilder {
    public static func build(store: Store, survey: Survey, options: SummaryOptions) throws -> SurveySummary {
        let plan = SummaryPlan(questions: try store.questions(survey: survey), catalog: options.catalog)
        // Scales, in the order first met across the survey's scoring descriptions.
        var scaleIDs: [String] = []
        var scalesOfScoring: [Int: (indexes: [Int], hasRaw: [Bool])] = [:]
        for (id, scales) in try store.scorings().sorted(by: { $0.key < $1.key }) {
            var indexes: [Int] = []
            for scale in scales {
                if !scaleIDs.contains(scale.scale) { scaleIDs.append(scale.scale) }
                indexes.append(scaleIDs.firstIndex(of: scale.scale)!)
            }
            scalesOfScoring[id] = (indexes, scales.map(\.hasRaw))
        }
        let groupings = try options.by.map { try grouping($0, plan: plan) }
        let tally = try SummaryTally(
            store: store, survey: survey, wave: options.wave, plan: plan, groupings: groupings.map(\.source),
            scaleCount: scaleIDs.count, scalesOfScoring: scalesOfScoring)
        guard tally.complete > 0 else { throw SummaryError.noResponses(survey: survey.name, wave: options.wave) }
        var context = Context(policy: options.policy, tally: tally, plan: plan, catalog: options.catalog)
        let response = context.responseFigures(invited: options.invited ?? survey.invited)
        let questions = plan.columns.indices.map { context.questionTable($0) }
        let scales = scaleIDs.indices.map { context.scaleSummary(scaleIDs[$0], index: $0, questions: questions) }
        let breakdowns = groupings.indices.map {
            context.breakdown(groupings[$0].name, grouping: $0, source: groupings[$0].source, scaleIDs: scaleIDs)
        }
        var notes: [String] = []
        notes.append(
            "Percentages of respondents are of all \(response.complete.text) complete responses; percentages of those who answered leave out "
                + "people who skipped the question (not everyone answered every question). Intervals are 95% Wilson score intervals for "
                + "percentages and t intervals for means."
        )
        if options.policy != .none {
            notes.append(
                "Counts of people who did not answer a question, or whose scale could not be scored, are shown under every policy (rounded under "
                    + "nhs): not answering is not a characteristic of anyone. Every other count is under the policy."
            )
        }
        if let partial = response.partial.shown, partial > 0 {
            notes.append(
                "\(response.partial.text) partial response\(partial == 1 ? " is" : "s are") counted in the response figures but not in the tables.")
        }
        if !breakdowns.isEmpty {
            notes.append(
                "Breakdowns: chi-square tests of independence; where expected counts are small (some below 1, or more than 20% below 5; Cochran "
                    + "1954) Fisher's exact test is given instead. Group means are compared with Welch's ANOVA. Tests are not shown for tables "
                    + "with suppressed counts."
            )
        }
        var notices: [String] = []
        for id in scaleIDs {
            let instrument = id.split(separator: ".").first.map(String.init) ?? id
            if let definition = try? options.catalog.instrument(instrument), definition.licence.printWithResults,
                !notices.contains(definition.licence.notice)
            {
                notices.append(definition.licence.notice)
            }
        }
        var summary = SurveySummary(
            survey: survey.name, kind: survey.kind, wave: options.wave, policy: options.policy,
            response: response, headlines: [], questions: questions, scales: scales, breakdowns: breakdowns,
            notes: notes, notices: notices)
        summary.headlines = Headlines.sentences(summary)
        return summary
    }

    /// Finds the column `--by NAME` refers to.
    static func grouping(_ name: String, plan: SummaryPlan) throws -> (name: String, source: GroupSource) {
        let key = TextKey(name).value
        if key == "provider" { return ("provider", .provider) }
        if key == "wave" { return ("wave", .wave) }
        let found = plan.columns.indices.first {
            plan.columns[$0].id == name || TextKey(plan.columns[$0].id).value == key || TextKey(plan.columns[$0].text).value == key
        }
        // The provider column's own header ("Service") groups by provider, as `provider` does,
        // even where its answers were too varied to be read as a single-choice question.
        if let column = found, !plan.columns[column].crossTabulated, ProviderColumn.isHeader(plan.columns[column].text) {
            return (plan.columns[column].text, .provider)
        }
        guard let column = found else {
            let available = ["provider", "wave"] + plan.columns.filter(\.crossTabulated).map { "'\($0.text)'" }
            throw SummaryError.unknownColumn(name, available: available)
        }
        guard plan.columns[column].crossTabulated else {
            throw SummaryError.notCategorical(name, kind: "\(plan.columns[column].reading)")
        }
        return (plan.columns[column].text, .column(column))
    }
}

/// Shared state while the summary's parts are computed.
struct Context {
    let policy: DisclosurePolicy
    let tally: SummaryTally
    let plan: SummaryPlan
    let catalog: Catalog
    /// The state of the base (complete responses), fixed in every table that shows it.
    var baseCell: ProtectedTable.Cell = .shown(0)
    /// Per column: the published option counts and the answered count (cross-tables are linked to them).
    var published: [Int: (options: [ProtectedTable.Cell], answered: ProtectedTable.Cell)] = [:]
    /// Per scale: the published number scored.
    var scoredCells: [Int: ProtectedTable.Cell] = [:]

    init(policy: DisclosurePolicy, tally: SummaryTally, plan: SummaryPlan, catalog: Catalog) {
        self.policy = policy
        self.tally = tally
        self.plan = plan
        self.catalog = catalog
    }

    static func count(_ table: ProtectedTable, _ index: Int) -> ShownCount {
        ShownCount(shown: table.shown(index), text: table.text(index))
    }

    /// count/base as a percentage with a Wilson interval, when both are shown.
    static func percentage(_ count: ShownCount, of base: ShownCount) -> Percentage? {
        guard let x = count.shown, let n = base.shown, n > 0, x <= n,
            let estimate = try? ProportionEstimate(successes: x, trials: n, level: 0.95, method: .wilson)
        else { return nil }
        return Percentage(value: estimate.estimate * 100, lower: estimate.interval.lower * 100, upper: estimate.interval.upper * 100)
    }

    /// Whether statistics (means, medians) of `n` people may be shown.
    func statisticsAllowed(_ n: ShownCount) -> Bool {
        guard let value = n.shown else { return false }
        return value >= max(1, policy.minimumForStatistics)
    }

    var withheldReason: String {
        "fewer than \(policy.minimumForStatistics) people, or a count withheld (disclosure control: \(policy.rawValue))"
    }

    mutating func responseFigures(invited: Int?) -> ResponseFigures {
        let complete = tally.complete
        let partial = tally.partial
        var values = [complete, partial, complete + partial]
        var lines = [[0, 1, 2]]
        var fixed: [Int: ProtectedTable.Cell] = [:]
        // The complete count is the base of every table, and every table shows how many answered and
        // how many did not: hiding it would hide nothing. It stays shown, and a small partial count is
        // protected by hiding the total instead.
        if !policy.hides(complete) { fixed[0] = .shown(policy.shown(complete)) }
        if let invited, invited >= complete + partial {
            values += [invited - complete - partial, invited]
            lines.append([2, 3, 4])
            fixed[4] = .shown(invited) // the user's own figure
        }
        let table = ProtectedTable(values: values, lines: lines, policy: policy, fixed: fixed)
        baseCell = table.cells[0]
        let completeCount = Self.count(table, 0)
        var rate: Percentage?
        if let invited, invited > 0 { rate = Self.percentage(completeCount, of: .plain(invited)) }
        return ResponseFigures(invited: invited, complete: completeCount, partial: Self.count(table, 1), responses: Self.count(table, 2), rate: rate)
    }
}
