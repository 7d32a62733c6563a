import Foundation
import KithCore
import KithStore

/// How each stored question is tabulated: its categories, and how a stored
/// answer becomes one (computed once, before the responses are read).
struct SummaryColumn {
    enum Reading { case item, single, multiJoined, multiChoices, number, text }
    var id: String
    var text: String
    var reading: Reading
    /// Category labels, in the order first met (display order is decided at the end).
    var labels: [String] = []
    /// Item answers: category of each option code.
    var codeCategory: [Int: Int32] = [:]
    /// Survey questions: category of each value id (-1: none).
    var valueCategory: [Int32] = []
    /// Multi-select: the choices in each value id, as a bit mask.
    var valueMask: [UInt64] = []
    /// Number questions: the number of each value id.
    var valueNumber: [Double?] = []
    /// The instrument whose item this is, when it is one.
    var instrument: String?

    var tabulated: Bool { reading != .text && reading != .number }
    var crossTabulated: Bool { reading == .item || reading == .single }
}

/// Every column of a survey to summarise, and where each stored position goes.
struct SummaryPlan {
    var columns: [SummaryColumn] = []
    /// Column of each stored question position (-1: not summarised).
    var columnOfPosition: [Int32] = []
    /// Multi-select choice columns: the choice bit of each position.
    var choiceOfPosition: [Int8] = []
    /// Multi-select choice columns: whether each value id of the position means "chosen".
    var chosenOfPosition: [[Bool]] = []

    init(questions: [StoredQuestion], catalog: Catalog) {
        let maxPosition = questions.map(\.position).max() ?? -1
        columnOfPosition = Array(repeating: -1, count: maxPosition + 1)
        choiceOfPosition = Array(repeating: -1, count: maxPosition + 1)
        chosenOfPosition = Array(repeating: [], count: maxPosition + 1)
        var choiceGroups: [String: Int] = [:]
        for question in questions {
            if let item = question.item {
                var column = SummaryColumn(id: item, text: question.text, reading: .item)
                if let (instrument, definition) = catalog.instruments.lazy.compactMap({ instrument in instrument.item(item).map { (instrument, $0) } }
                ).first {
                    column.text = Self.capitalised(definition.displayText)
                    column.instrument = instrument.id
                    for option in instrument.options(of: definition) {
                        column.codeCategory[option.code] = Int32(column.labels.count)
                        column.labels.append(option.label)
                    }
                }
                add(column, position: question.position)
                continue
            }
            // Columns that may identify people (free text, names kept with --keep-column) are counted, never tabulated.
            if question.identifying {
                add(SummaryColumn(id: question.key, text: question.text, reading: .text), position: question.position)
                continue
            }
            let maxValue = question.values.keys.max() ?? -1
            let texts = (0...max(maxValue, 0)).map { question.values[$0] }
            switch question.kind {
            case .multiSelect where question.details.question != nil:
                // One column per choice: gathered into one question.
                let name = question.details.question!
                let choice = question.details.choice ?? question.text
                let columnIndex: Int
                if let existing = choiceGroups[name] {
                    columnIndex = existing
                } else {
                    columnIndex = columns.count
                    choiceGroups[name] = columnIndex
                    columns.append(SummaryColumn(id: TextKey(name).value, text: name, reading: .multiChoices))
                }
                guard columns[columnIndex].labels.count < 64 else { continue }
                choiceOfPosition[question.position] = Int8(columns[columnIndex].labels.count)
                columns[columnIndex].labels.append(choice)
                columnOfPosition[question.position] = Int32(columnIndex)
                // A choice column counts as chosen unless it says it was not.
                let unchosen: Set<String> = ["0", "no", "false", "n", "not selected", "unchecked", "not chosen"]
                chosenOfPosition[question.position] = texts.map { text in
                    guard let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return false }
                    return !unchosen.contains(text)
                }
            case .multiSelect:
                var column = SummaryColumn(id: question.key, text: question.text, reading: .multiJoined)
                column.labels = Array(question.details.options.prefix(64))
                column.valueMask = texts.map { text in
                    guard let text else { return 0 }
                    var mask: UInt64 = 0
                    for choice in Self.split(text, separator: question.details.separator ?? ";", known: column.labels) {
                        var index = column.labels.firstIndex(of: choice)
                        if index == nil, column.labels.count < 64 {
                            index = column.labels.count
                            column.labels.append(choice)
                        }
                        if let index { mask |= 1 << UInt64(index) }
                    }
                    return mask
                }
                add(column, position: question.position)
            case .singleChoice:
                var column = SummaryColumn(id: question.key, text: question.text, reading: .single)
                column.labels = question.details.options
                column.valueCategory = texts.map { text in
                    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return -1 }
                    if let index = column.labels.firstIndex(of: text) { return Int32(index) }
                    column.labels.append(text)
                    return Int32(column.labels.count - 1)
                }
                add(column, position: question.position)
            case .number:
                var column = SummaryColumn(id: question.key, text: question.text, reading: .number)
                column.valueNumber = texts.map { $0.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
                add(column, position: question.position)
            default:
                add(SummaryColumn(id: question.key, text: question.text, reading: .text), position: question.position)
            }
        }
    }

    private mutating func add(_ column: SummaryColumn, position: Int) {
        columnOfPosition[position] = Int32(columns.count)
        columns.append(column)
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// The choices of a joined multi-select answer: pieces between separators, joined back
    /// where together they make a known option that contains the separator.
    static func split(_ cell: String, separator: String, known: [String]) -> [String] {
        let mark = separator.trimmingCharacters(in: .whitespaces).isEmpty ? separator : separator.trimmingCharacters(in: .whitespaces)
        let pieces = cell.components(separatedBy: mark).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return pieces }
        let knownSet = Set(known)
        var result: [String] = []
        var index = 0
        while index < pieces.count {
            var taken = 1
            var candidate = pieces[index]
            for end in (index + 1)..<max(index + 1, pieces.count) {
                candidate += separator + pieces[end]
                if knownSet.contains(candidate) { taken = end - index + 1 }
            }
            result.append(pieces[index..<(index + taken)].joined(separator: separator))
            index += taken
        }
        return result
    }
}
