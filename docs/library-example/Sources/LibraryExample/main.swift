import Kith

// 1. Score one person's answers, keyed by item id (an item not named is missing, never zero).
let catalog = try Catalog.builtIn()
let plan = try ScoringPlan(catalog: catalog, instruments: ["ons-loneliness"])
for score in try plan.score(codes: ["ucla3_1": 2, "ucla3_2": 3, "ucla3_3": 2, "direct": 3]) {
    print(score.scale, score.label ?? score.value.map { "\($0)" } ?? "not scored", "(\(score.status))")
}

// 2. Read a survey tool's export, and import it into a store. A TemporaryStore is deleted
//    afterwards; Store.open(path: "kith.sqlite", create: true) keeps one.
let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Samples/kent-esurvey.csv"
let file = try FileImport(path: path, catalog: catalog)
let temporary = try TemporaryStore()
let store = temporary.store
let report = try file.store(into: store, target: ImportTarget(survey: "kent", kind: .eSurvey))
print("imported", report.added, "responses from", path)

// 3. Answers an app collected are scored and stored the same way, as one batch.
let visit = CollectedResponse(id: "visit-1", person: "client-1", wave: "baseline",
                              answers: ["ucla3_1": .code(3), "ucla3_2": .code(2), "ucla3_3": .code(3)])
let visits = try store.store([visit], plan: plan, target: ImportTarget(survey: "visits", kind: .serviceOutcomes))
print("stored", visits.added, "collected response")

// 4. Summarise a survey in the store, under a disclosure-control policy.
let summary = try SummaryBuilder.build(store: store, survey: try store.survey(named: "kent"),
                                       options: SummaryOptions(policy: .min5, catalog: catalog))
for headline in summary.headlines { print("-", headline) }
for notice in summary.notices { print(notice) }  // WEMWBS/SWEMWBS results must carry their licence notice
