import Foundation
import KithCore
import KithTestSupport
import Testing

/// A small user-defined instrument: the Campaign to End Loneliness style,
/// three agree/disagree statements scored 0-4, total 0-12.
let userDefinition = #"""
    {
      "id": "cel-tool",
      "version": "0.1.0",
      "title": "Example user instrument",
      "citation": "Example, for tests",
      "source": "https://example.org",
      "licence": {"name": "Test", "notice": "Test instrument.", "wording": "verbatim", "printWithResults": false},
      "optionSets": {
        "agree": [
          {"code": 4, "label": "Strongly disagree"},
          {"code": 3, "label": "Disagree"},
          {"code": 2, "label": "Neither agree nor disagree", "aliases": ["Neutral"]},
          {"code": 1, "label": "Agree"},
          {"code": 0, "label": "Strongly agree", "aliases": ["Don’t know what to say"]}
        ]
      },
      "items": [
        {"id": "cel_1", "text": "I am content with my friendships and relationships", "theme": "content with my friendships", "options": "agree"},
        {"id": "cel_2", "text": "I have enough people I feel comfortable asking for help at any time", "theme": "enough people", "options": "agree"},
        {"id": "cel_3", "text": "My relationships are as satisfying as I would want them to be", "theme": \#
    "relationships satisfying", "options": "agree"}
      ],
      "scales": [
        {"id": "total", "title": "Total", "items": ["cel_1", "cel_2", "cel_3"], "method": "sum", "higherIs": "worse",
         "classifications": [{"id": "high", "title": "High", "status": "convention", "source": "test", \#
    "bands": [{"label": "Low", "from": 0}, {"label": "High", "from": 8}]}]}
      ]
    }
    """#

/// Writes definitions into a new temporary folder.
func definitionFolder(_ files: [String: String]) throws -> String {
    let folder = try temporaryFolder("kith-defs")
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder.path
}

/// Loads `text` (a mutation of `userDefinition`) and returns the problems found.
func problems(_ text: String) -> [InstrumentError] {
    do {
        _ = try Catalog.from([(file: "mine.json", bytes: Array(text.utf8))])
        return []
    } catch let error as CatalogError {
        return error.problems
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

@Suite("User-defined instruments")
struct UserDefinitionTests {
    @Test("a user definition loads from a folder and scores like a built-in one")
    func loadsAndScores() throws {
        let folder = try definitionFolder(["cel.json": userDefinition])
        let catalog = try Catalog.load(directories: [folder])
        #expect(catalog.instruments.map(\.id) == ["cel-tool", "djg6", "lsns6", "ons-loneliness", "ons-loneliness-child", "ons4", "swemwbs", "wemwbs"])
        try expectScore(
            "cel-tool.total", of: ["cel_1": "Strongly disagree", "cel_2": "neutral", "cel_3": "0"], is: 6, status: .complete, catalog: catalog)
        try expectScore(
            "cel-tool.total", of: ["cel_1": "Don't know what to say", "cel_2": "Agree", "cel_3": ""], is: nil, status: .incomplete, catalog: catalog)
        let scores = try score("cel-tool", ["cel_1": "4", "cel_2": "4", "cel_3": "0"], classify: ["high"], catalog: catalog)
        #expect(scores["cel-tool.total"]?.bands.first?.label == "High")
    }

    @Test("a user definition may replace a built-in one, and the catalog says so")
    func replacesBuiltIn() throws {
        let replacement = userDefinition.replacingOccurrences(of: "\"cel-tool\"", with: "\"swemwbs\"")
            .replacingOccurrences(of: "cel_", with: "mine_")
        let catalog = try Catalog.from([(file: "licensed/swemwbs.json", bytes: Array(replacement.utf8))])
        #expect(catalog.notices == ["licensed/swemwbs.json replaces the built-in definition of 'swemwbs' (version 1.0.0)."])
    }

    @Test("a missing folder is an error naming it")
    func missingFolder() {
        #expect { try Catalog.load(directories: ["/no/such/folder"]) } throws: { "\($0)".contains("/no/such/folder: no such folder") }
    }
}

@Suite("Bad definitions get precise errors")
struct BadDefinitionTests {
    @Test("the intact example has no problems")
    func intact() { #expect(problems(userDefinition).isEmpty) }

    @Test("not JSON: the file is named")
    func notJSON() {
        let found = problems("{\"id\": ")
        #expect(found.count == 1)
        #expect(found.first?.file == "mine.json")
        #expect(found.first?.message.hasPrefix("not valid JSON") == true)
    }

    @Test(
        "each kind of bad definition names the file, the JSON path and what is wrong",
        arguments: [
            // unknown item in a scale
            (
                #""items": ["cel_1", "cel_2", "cel_3"]"#, #""items": ["cel_1", "cel_2", "cel_4"]"#,
                "scales[0].items[2]", "unknown item 'cel_4'; this definition's items are: cel_1, cel_2, cel_3"
            ),
            // duplicate codes
            (
                #"{"code": 3, "label": "Disagree"}"#, #"{"code": 4, "label": "Disagree"}"#,
                "optionSets.agree[1].code", "duplicate code 4 (also used by optionSets.agree[0])"
            ),
            // duplicate labels
            (
                #""aliases": ["Neutral"]"#, #""aliases": ["disagree"]"#,
                "optionSets.agree[2].aliases[0]", "'disagree' is ambiguous: it reads the same as a label of optionSets.agree[1]"
            ),
            // unknown option set
            (
                #""theme": "enough people", "options": "agree""#, #""theme": "enough people", "options": "agreement""#,
                "items[1].options", "unknown option set 'agreement'; this definition has: agree"
            ),
            // a typo in a key
            (
                #""classifications": ["#, #""clasifications": ["#,
                "scales[0].clasifications", "unknown key 'clasifications'"
            ),
            // a missing required key
            (
                #""version": "0.1.0","#, "",
                "version", "missing required key 'version'"
            ),
            // wrong type
            (
                #""printWithResults": false"#, #""printWithResults": "no""#,
                "licence.printWithResults", "expected true or false, found a string"
            ),
            // an unknown enum value
            (
                #""method": "sum""#, #""method": "mean""#,
                "scales[0].method", "'mean' is not one of: sum, single"
            ),
            // bands that do not start at the minimum
            (
                #"{"label": "Low", "from": 0}"#, #"{"label": "Low", "from": 1}"#,
                "scales[0].classifications[0].bands[0].from", "the first band must start at the scale's minimum 0, found 1"
            ),
            // bands above the maximum
            (
                #"{"label": "High", "from": 8}"#, #"{"label": "High", "from": 13}"#,
                "scales[0].classifications[0].bands[1].from", "13 is above the scale's maximum 12"
            ),
            // duplicate item ids
            (
                #"{"id": "cel_2","#, #"{"id": "cel_1","#,
                "items[1].id", "duplicate item id 'cel_1' (also items[0])"
            ),
            // an impossible proration policy
            (
                #""higherIs": "worse","#, #""higherIs": "worse", "missing": "prorate:3","#,
                "scales[0].missing", "prorate:3 would score a scale of 3 items with none answered"
            ),
            // licensed wording shipped
            (
                #""wording": "verbatim""#, #""wording": "themes-only""#,
                "items[0].text", "the licence allows theme phrases only ('wording': 'themes-only'); remove the item wording"
            ),
            // a single-item scale with three items
            (
                #""method": "sum""#, #""method": "single""#,
                "scales[0].items", "a 'single' scale has exactly one item, found 3"
            )
        ])
    func badDefinition(original: String, replacement: String, path: String, message: String) {
        #expect(userDefinition.contains(original), "the mutation must apply")
        let found = problems(userDefinition.replacingOccurrences(of: original, with: replacement))
        let match = found.first { $0.path == path }
        #expect(match != nil, "expected a problem at \(path); got \(found.map(\.description))")
        #expect(match?.file == "mine.json")
        #expect(match?.message.hasPrefix(message) == true, "got \(match?.message ?? "nothing")")
    }

    @Test("a conversion table that does not cover the raw range")
    func conversionGap() {
        let table = (0...12).filter { $0 != 5 }.map { #"{"raw": \#($0), "value": \#(Double($0) * 1.5)}"# }.joined(separator: ",")
        let text = userDefinition.replacingOccurrences(
            of: #""method": "sum","#, with: #""method": "sum", "conversion": {"source": "t", "table": [\#(table)]},"#)
        let found = problems(text)
        #expect(
            found.contains { $0.path == "scales[0].conversion.table" && $0.message == "the table does not cover the raw range 0-12: no value for 5" })
    }

    @Test("a conversion table with raw scores outside the range")
    func conversionOutside() {
        let table = (0...13).map { #"{"raw": \#($0), "value": \#($0)}"# }.joined(separator: ",")
        let text = userDefinition.replacingOccurrences(
            of: #""method": "sum","#, with: #""method": "sum", "conversion": {"source": "t", "table": [\#(table)]},"#)
        #expect(
            problems(text).contains {
                $0.path == "scales[0].conversion.table[13].raw" && $0.message.hasPrefix("raw score 13 is outside the scale's raw range 0-12")
            })
    }

    @Test("an item id already used by a built-in instrument")
    func itemClash() {
        let found = problems(userDefinition.replacingOccurrences(of: "cel_1", with: "ucla3_1"))
        #expect(found.contains { $0.kind == .conflict && $0.message.hasPrefix("item id 'ucla3_1' is also used by") })
    }

    @Test("sameAs must point at an item with the same codes")
    func sameAsCodes() {
        let found = problems(
            userDefinition.replacingOccurrences(of: #""theme": "enough people","#, with: #""theme": "enough people", "sameAs": "wemwbs_2","#))
        #expect(found.contains { $0.path == "items[1].sameAs" && $0.message.contains("different option codes") })
    }

    @Test("two user files with the same instrument id conflict")
    func duplicateInstrument() {
        #expect(throws: CatalogError.self) {
            try Catalog.from([(file: "a.json", bytes: Array(userDefinition.utf8)), (file: "b.json", bytes: Array(userDefinition.utf8))])
        }
    }

    @Test("unknown instruments get a suggestion")
    func suggestion() {
        #expect { try builtInCatalog.instrument("wembws") } throws: { "\($0)".contains("Did you mean 'wemwbs'?") }
    }
}
