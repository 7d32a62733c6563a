/// One cell's value as the workbook holds it.
enum CellValue: Equatable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// An error value (`#N/A`, `#DIV/0!`): no answer, and said.
    case error(String)
    /// A number shown as a date or time by its cell style, as ISO 8601 text.
    case date(String)
}

/// A row of a sheet: its number (1-based, as Excel shows it) and its cells that hold a value,
/// each placed by its column (0-based: A is 0). Cells a row leaves out are no answer.
struct SheetRow: Equatable {
    var number: Int
    var cells: [(column: Int, value: CellValue)]

    static func == (a: SheetRow, b: SheetRow) -> Bool {
        a.number == b.number && a.cells.count == b.cells.count && zip(a.cells, b.cells).allSatisfy { $0.column == $1.column && $0.value == $1.value }
    }
}

/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) as it is inflated, chunk by chunk, and
/// hands out its rows as they complete: memory holds one row, not the sheet.
struct SheetReader {
    enum Problem: Error, Equatable {
        case xml(XMLError)
        /// A cell that cannot be read: its reference (`B7`) and what is wrong.
        case cell(String, String)
        /// A row or column past Excel's limits (1,048,576 rows, 16,384 columns).
        case outOfRange(String)
    }

    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool
    private var pending: [UInt8] = []
    /// Element depth at the start of `pending` (the scanner counts from it).
    private var pendingDepth = 0
    /// How many bytes of the part came before `pending` (error offsets are in the part).
    private var consumed = 0
    private var lastRow = 0

    init(sharedStrings: [String], dateStyles: [Bool], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// Reads `chunk` and returns the rows it completes. A row cut by the chunk's end is read
    /// again, whole, with the next chunk.
    mutating func feed(_ chunk: some Collection<UInt8>) throws(Problem) -> [SheetRow] {
        pending.append(contentsOf: chunk)
        return try read(final: false)
    }

    /// The rows left when the part has ended; a part that ends inside a row or tag is an error.
    mutating func finish() throws(Problem) -> [SheetRow] { try read(final: true) }

    private mutating func read(final: Bool) throws(Problem) -> [SheetRow] {
        var rows: [SheetRow] = []
        var scanner = XMLScanner(pending, depth: pendingDepth)
        var resume = pending.count
        var resumeDepth = 0
        var row: SheetRow?
        var rowStart = 0
        var rowDepth = 0
        var cell: CellHeader?
        /// The last cell's column, valued or not: a cell without a reference follows it.
        var previousColumn: Int?
        var value: [UInt8]?
        var inValue = false
        var inlineText: String?
        var inText = false
        while true {
            let before = scanner.position
            let depthBefore = scanner.depth
            let token: XMLScanner.Token?
            do {
                token = try scanner.next()
            } catch {
                guard case .incomplete(let at) = error else { throw .xml(error.shifted(by: consumed)) }
                guard !final else { throw .xml(.malformed("the part ends inside a tag", at: consumed + at)) }
                resume = row == nil ? at : rowStart
                resumeDepth = row == nil ? depthBefore : rowDepth
                break
            }
            guard let token else {
                if row != nil {
                    guard !final else { throw .xml(.malformed("the part ends inside a row", at: consumed + rowStart)) }
                    resume = rowStart
                    resumeDepth = rowDepth
                } else {
                    resume = pending.count
                    resumeDepth = scanner.depth
                }
                break
            }
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if scanner.name(name, is: "row") {
                    let number = try rowNumber(scanner, attributes)
                    rowStart = before
                    rowDepth = depthBefore
                    row = SheetRow(number: number, cells: [])
                    previousColumn = nil
                    if selfClosing {
                        lastRow = number
                        rows.append(SheetRow(number: number, cells: []))
                        row = nil
                    }
                } else if row != nil, scanner.name(name, is: "c") {
                    cell = try cellHeader(scanner, attributes, row: row!.number, previous: previousColumn)
                    previousColumn = cell?.column
                    value = nil
                    inlineText = nil
                    if selfClosing { cell = nil }
                } else if cell != nil, scanner.name(name, is: "v") {
                    inValue = !selfClosing
                    value = []
                } else if cell != nil, scanner.name(name, is: "is") {
                    inlineText = ""
                } else if inlineText != nil, scanner.name(name, is: "t") {
                    inText = !selfClosing
                }
            case .end(let name):
                if scanner.name(name, is: "v") {
                    inValue = false
                } else if scanner.name(name, is: "t") {
                    inText = false
                } else if scanner.name(name, is: "c"), let header = cell {
                    if let parsed = try cellValue(header, value: value, inline: inlineText) { row!.cells.append((header.column, parsed)) }
                    cell = nil
                } else if scanner.name(name, is: "row"), let done = row {
                    lastRow = done.number
                    rows.append(done)
                    row = nil
                }
            case .text(let range):
                if inValue {
                    value!.append(contentsOf: pending[range])
                } else if inText {
                    do { inlineText! += try XMLText.decode(pending, range) } catch { throw .cell(cell?.reference ?? "?", "its text is not readable") }
                }
            case .cdata(let range):
                if inValue {
                    value!.append(contentsOf: pending[range])
                } else if inText {
                    inlineText! += String(decoding: pending[range], as: UTF8.self)
                }
            }
        }
        pending.removeFirst(resume)
        consumed += resume
        pendingDepth = resumeDepth
        return rows
    }

    private mutating func rowNumber(_ scanner: XMLScanner, _ attributes: Range<Int>) throws(Problem) -> Int {
        guard let range = scanner.attribute("r", in: attributes) else { return lastRow + 1 }
        guard let number = Int(String(decoding: pending[range], as: UTF8.self)), number >= 1 else {
            throw .outOfRange("row '\(String(decoding: pending[range], as: UTF8.self))'")
        }
        guard number <= Self.maximumRows else { throw .outOfRange("row \(number)") }
        return number
    }

    /// A cell's start tag: its column, its row (for messages), its type (the `t` attribute's
    /// first byte, `n` when absent; `inlineStr` and `str` told apart by their length) and style.
    struct CellHeader {
        var column: Int
        var row: Int
        var type: UInt8
        var typeLength: Int
        var style: Int
        var reference: String { CellReference.name(column: column, row: row) }
    }

    private func cellHeader(_ scanner: XMLScanner, _ attributes: Range<Int>, row: Int, previous: Int?) throws(Problem) -> CellHeader {
        let (reference, styleRange, typeRange) = scanner.letterAttributes(
            UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"), in: attributes)
        var type = UInt8(ascii: "n")
        var typeLength = 1
        if let range = typeRange, !range.isEmpty {
            type = pending[range.lowerBound]
            typeLength = range.count
        }
        let style = styleRange.flatMap { Self.integer(pending, $0) } ?? 0
        guard let range = reference else {
            return CellHeader(column: (previous ?? -1) + 1, row: row, type: type, typeLength: typeLength, style: style)
        }
        guard let column = CellReference.column(of: pending, range) else {
            throw .cell(String(decoding: pending[range], as: UTF8.self), "not a cell reference")
        }
        guard column < Self.maximumColumns else { throw .outOfRange("column of cell \(String(decoding: pending[range], as: UTF8.self))") }
        return CellHeader(column: column, row: row, type: type, typeLength: typeLength, style: style)
    }

    /// A non-negative decimal integer written in `range`; nil for anything else.
    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for i in range {
            let digit = bytes[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private func cellValue(_ cell: CellHeader, value: [UInt8]?, inline: String?) throws(Problem) -> CellValue? {
        if cell.type == UInt8(ascii: "i") { return inline.map(CellValue.text) }
        guard let value, !value.isEmpty else { return nil }
        if cell.type == UInt8(ascii: "s"), cell.typeLength == 1 {
            guard let index = Self.integer(value, 0..<value.count), sharedStrings.indices.contains(index) else {
                let text = String(decoding: value.prefix(20), as: UTF8.self)
                throw .cell(cell.reference, "it refers to shared string \(text), and the workbook has \(sharedStrings.count)")
            }
            return .text(sharedStrings[index])
        }
        let text: String
        do { text = try XMLText.decode(value, 0..<value.count) } catch {
            throw .cell(cell.reference, "its value is not readable text (an unknown entity, or not UTF-8)")
        }
        switch cell.type {
        case UInt8(ascii: "s") where cell.typeLength == 3: return .text(text) // str: a formula's text
        case UInt8(ascii: "b"): return .boolean(text == "1" || text == "true")
        case UInt8(ascii: "e"): return .error(text)
        case UInt8(ascii: "d"): return .date(text)
        default:
            guard let number = Double(text), number.isFinite else { throw .cell(cell.reference, "'\(text)' is not a number") }
            if cell.style < dateStyles.count, dateStyles[cell.style], let date = ExcelDate.text(number, date1904: date1904) { return .date(date) }
            return .number(number)
        }
    }
}

/// A1-style cell references.
enum CellReference {
    /// The column of the reference written in `range` of `bytes`.
    static func column(of bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var column = 0
        var letters = 0
        for i in range {
            let upper = bytes[i] & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// The 0-based column of `B7` (1), `AA10` (26); nil when the reference has no column letters.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & 0xDF
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    /// `B7` for column 1, row 7.
    static func name(column: Int, row: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }
}
