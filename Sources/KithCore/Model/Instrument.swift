/// A questionnaire instrument: its items, response options and scales, as
/// defined by one JSON file in `Instruments/` (or a user's own folder).
///
/// Definitions are data: the scoring engine knows nothing about any particular
/// instrument. See `docs/instrument-format.md` for the file format.
public struct Instrument: Sendable, Hashable, Encodable {
    /// Lower-case identifier, e.g. `ons-loneliness`.
    public var id: String
    /// Version of this definition (not of the questionnaire), recorded with every score.
    public var version: String
    public var title: String
    public var population: String?
    /// Items of which at least one must be present for the instrument to be
    /// picked from a file's columns without `--instrument` (the children's
    /// measures share wordings with the adult ones). Empty: any item will do.
    public var detectOnlyWith: [String] = []
    public var citation: String
    /// Where the facts in this definition come from.
    public var source: String
    public var licence: Licence
    /// Suggested introduction to read before the items, when the licence allows it.
    public var introduction: String?
    /// Named response-option sets that items refer to.
    public var optionSets: [String: [ResponseOption]]
    public var items: [Item]
    public var scales: [Scale]

    package init(
        id: String, version: String, title: String, population: String? = nil, citation: String,
        source: String, licence: Licence, introduction: String? = nil,
        optionSets: [String: [ResponseOption]], items: [Item], scales: [Scale]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.population = population
        self.citation = citation
        self.source = source
        self.licence = licence
        self.introduction = introduction
        self.optionSets = optionSets
        self.items = items
        self.scales = scales
    }

    /// The item with this id, if the instrument has one.
    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    /// The scale with this (unqualified) id, if the instrument has one.
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }

    /// The response options of an item.
    public func options(of item: Item) -> [ResponseOption] { optionSets[item.options] ?? [] }
}

/// Terms under which an instrument is used, and the notice to print with its results.
public struct Licence: Sendable, Hashable, Encodable {
    /// How much of the questionnaire's wording a definition may carry.
    public enum Wording: String, Sendable, Hashable, CaseIterable {
        /// The wording is open (e.g. Open Government Licence) and is shipped verbatim.
        case verbatim
        /// The wording is licensed: only short theme phrases are shipped.
        case themesOnly = "themes-only"
        /// A licensee's own definition carrying the licensed wording; never shipped with Kith.
        case licensed
    }

    public var name: String
    public var notice: String
    public var wording: Wording
    /// Whether `notice` must accompany every result of this instrument.
    public var printWithResults: Bool
    public var terms: String?

    package init(name: String, notice: String, wording: Wording, printWithResults: Bool, terms: String? = nil) {
        self.name = name
        self.notice = notice
        self.wording = wording
        self.printWithResults = printWithResults
        self.terms = terms
    }
}

/// One question of an instrument.
public struct Item: Sendable, Hashable, Encodable {
    /// Identifier unique across every loaded instrument, e.g. `ucla3_1`.
    public var id: String
    /// Question wording, only where the licence allows it to be shipped.
    public var text: String?
    /// A short theme phrase, e.g. "lack companionship"; used to recognise column headers.
    public var theme: String
    /// Other wordings met in real exports, used to recognise column headers.
    public var aliases: [String]
    /// Name of the option set in `Instrument.optionSets`.
    public var options: String
    /// An item of another instrument that this one is the same question as
    /// (SWEMWBS items are WEMWBS items): one answer serves both.
    public var sameAs: String?
    public var loinc: String?
    public var note: String?
    /// Whether even an exact header match (wording, alias, theme, id) needs the column's
    /// answers to be this item's options: for wordings that other scales share with a
    /// different answer scale (a 0-10 rating beside a 1-5 or agree/disagree one). Nil when the
    /// definition does not say (the same as false, and left out when the definition is written).
    package var answersMustFit: Bool?

    package init(
        id: String, text: String? = nil, theme: String, aliases: [String] = [], options: String,
        sameAs: String? = nil, loinc: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.text = text
        self.theme = theme
        self.aliases = aliases
        self.options = options
        self.sameAs = sameAs
        self.loinc = loinc
        self.note = note
    }

    /// The wording if shipped, otherwise the theme phrase.
    public var displayText: String { text ?? theme }

}

/// One response option of an item: the label respondents see and the code it scores as.
public struct ResponseOption: Sendable, Hashable, Encodable {
    public var code: Int
    public var label: String
    /// Other labels for the same option met in real exports ("Often / always", "Hardly ever").
    public var aliases: [String]
    /// What the option counts for in a sum, when that is not its code (a dichotomised
    /// item: "yes" and "more or less" count 1, "no" 0). Every option of a set has one, or none does.
    package var score: Int?

    package init(code: Int, label: String, aliases: [String] = [], score: Int? = nil) {
        self.code = code
        self.label = label
        self.aliases = aliases
        self.score = score
    }

    /// What the option adds to a sum: its score, else its code.
    package var value: Int { score ?? code }
}
