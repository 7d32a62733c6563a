import Foundation
import KithCore
import Testing

/// The built-in catalog, loaded once per test process.
package let builtInCatalog: Catalog = {
    do { return try Catalog.builtIn() } catch { fatalError("built-in definitions do not load: \(error)") }
}()

/// Scores one respondent's answers (item id → cell text as it would appear in a file).
package func score(
    _ instrument: String, _ cells: [String: String], missing: MissingPolicy? = nil, classify: Set<String> = [],
    catalog: Catalog = builtInCatalog
) throws -> [String: ScaleScore] {
    let plan = try ScoringPlan(catalog: catalog, instruments: [instrument], missing: missing, classifications: classify)
    var answers = plan.emptyAnswers()
    for (itemID, cell) in cells {
        guard let slot = plan.slot(of: itemID), let owner = catalog.owner(ofItem: itemID), let item = owner.item(itemID) else {
            Issue.record("no item \(itemID) in \(instrument)")
            continue
        }
        answers[slot] = OptionResolver(options: owner.options(of: item)).resolve(cell)
    }
    return Dictionary(uniqueKeysWithValues: plan.score(answers).map { ($0.scale, $0) })
}

/// Expects a scale's status and value (to 1e-9) after scoring `cells`.
package func expectScore(
    _ scale: String, of cells: [String: String], is value: Double?, status: ScaleScore.Status,
    missing: MissingPolicy? = nil, catalog: Catalog = builtInCatalog, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let instrument = String(scale.prefix { $0 != "." })
    let result = try #require(try score(instrument, cells, missing: missing, catalog: catalog)[scale], sourceLocation: sourceLocation)
    #expect(result.status == status, "status of \(scale)", sourceLocation: sourceLocation)
    switch (result.value, value) {
    case (nil, nil): break
    case (let got?, let want?):
        #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(scale) = \(got), expected \(want)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(scale) value \(String(describing: result.value)), expected \(String(describing: value))", sourceLocation: sourceLocation)
    }
}

/// The same answer code for every item of an instrument.
package func uniform(_ instrument: String, _ cell: String, catalog: Catalog = builtInCatalog) throws -> [String: String] {
    let definition = try catalog.instrument(instrument)
    return Dictionary(uniqueKeysWithValues: definition.items.map { ($0.id, cell) })
}

/// The root of the package (for tests that read `Samples/`, `Instruments/` or the README).
package let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()
