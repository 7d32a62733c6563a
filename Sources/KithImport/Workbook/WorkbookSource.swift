import KithArchive
import KithCore

/// An Excel workbook (`.xlsx`, `.xlsm`) read as a survey export: one sheet's rows, from its
/// header row on, handed to the same reader, dialects and matching as a CSV export. Row numbers
/// are kept: the reader's line N is the sheet's row N, so every message points at the row.
struct WorkbookSource {
    /// The sheet read, its position (1-based) among the workbook's sheets, and the header's row.
    var sheet: String
    var position: Int
    var headerRow: Int
    /// The sheet's rows from the header on, as CSV text (cells placed by column).
    var csv: [UInt8]
    /// What the reading did that a user should know (error cells, the sheet chosen).
    var notes: [String]

    /// Whether `bytes` (the file's start) are a ZIP package or an OLE2 compound document (a legacy
    /// or password-protected workbook): read as a workbook, or refused saying what it is.
    static func mayBeWorkbook(_ bytes: [UInt8]) -> Bool { ArchiveKind.sniff(bytes) != .other }

    /// Reads `path`'s sheet `sheet` (a name, else a number counted from 1), or else the first
    /// sheet whose header row names instrument items, or else the first sheet with rows.
    static func read(path: String, displayName: String, sheet: String?, catalog: Catalog) throws -> WorkbookSource {
        let archive: ZipArchive
        do { archive = try ZipArchive(contentsOfFile: path) } catch {
            if case .notAZipArchive(let kind) = error.kind {
                throw ImportError.malformed(
                    file: displayName, line: nil, column: nil, expected: "an .xlsx workbook or a CSV file; this is \(kind): save it as .xlsx or .csv")
            }
            throw ImportError.unreadable(file: displayName, reason: "\(error)")
        }
        if archive.entry(named: "mimetype") != nil, let kind = try? String(decoding: archive.contents(of: "mimetype"), as: UTF8.self),
            kind.hasPrefix("application/vnd.oasis.opendocument")
        {
            throw ImportError.malformed(
                file: displayName, line: nil, column: nil,
                expected: "an .xlsx workbook or a CSV file; this is an OpenDocument spreadsheet (.ods): save it as .xlsx or .csv")
        }
        let part = { (name: String) throws -> [UInt8] in
            do { return try archive.contents(of: name) } catch {
                throw ImportError.unreadable(file: displayName, reason: "not an Excel workbook (\(error))")
            }
        }
        let optional = { (name: String) throws -> [UInt8]? in archive.entry(named: name) == nil ? nil : try part(name) }
        func parsed<T>(_ what: String, _ body: () throws(XMLError) -> T) throws -> T {
            do throws(XMLError) { return try body() } catch {
                throw ImportError.malformed(file: "\(displayName) (\(what))", line: nil, column: nil, expected: describe(error))
            }
        }
        let workbook = try part("xl/workbook.xml")
        let relationships = try part("xl/_rels/workbook.xml.rels")
        let (sheets, date1904) = try parsed("xl/workbook.xml") { () throws(XMLError) in
            try WorkbookParts.sheets(workbook: workbook, relationships: relationships)
        }
        let strings =
            try optional("xl/sharedStrings.xml").map { bytes in
                try parsed("xl/sharedStrings.xml") { () throws(XMLError) in try WorkbookParts.sharedStrings(bytes) }
            } ?? []
        let styles =
            try optional("xl/styles.xml").map { bytes in
                try parsed("xl/styles.xml") { () throws(XMLError) in try WorkbookParts.dateStyles(bytes) }
            } ?? []
        let names = sheets.map(\.name)
        guard !sheets.isEmpty else { throw ImportError.unusable(file: displayName, reason: .sheet(nil, sheets: [])) }

        /// Hands `body` the sheet's rows as each chunk of its part completes them; `body` may
        /// throw `Enough` to stop early.
        func stream(_ index: Int, _ body: ([SheetRow]) throws -> Void) throws {
            guard let entry = archive.entry(named: sheets[index].path) else {
                throw ImportError.unreadable(file: displayName, reason: "sheet '\(sheets[index].name)' has no part \(sheets[index].path)")
            }
            var reader = SheetReader(sharedStrings: strings, dateStyles: styles, date1904: date1904)
            let place = "\(displayName), sheet '\(sheets[index].name)'"
            do {
                try archive.forEachChunk(of: entry, chunkSize: 1 << 18) { chunk in try body(try reader.feed(chunk)) }
                try body(try reader.finish())
            } catch is Enough {
            } catch let problem as SheetReader.Problem {
                throw problem.importError(file: place)
            } catch let error as ArchiveError {
                throw ImportError.unreadable(file: place, reason: "\(error)")
            }
        }
        func readSheet(_ index: Int, _ limit: Int) throws -> [SheetRow] {
            var rows: [SheetRow] = []
            try stream(index) { batch in
                rows += batch
                if rows.count >= limit { throw Enough() }
            }
            return Array(rows.prefix(limit))
        }

        let chosen: Int
        if let sheet {
            if let index = names.firstIndex(of: sheet) {
                chosen = index
            } else if let number = Int(sheet), names.indices.contains(number - 1) {
                chosen = number - 1
            } else {
                throw ImportError.unusable(file: displayName, reason: .sheet(sheet, sheets: names))
            }
        } else {
            let matcher = ColumnMatcher(catalog: catalog, instruments: nil, map: nil)
            var first: Int?
            var found: Int?
            for index in sheets.indices {
                let head = try readSheet(index, 30)
                guard let header = headerRow(head) else { continue }
                if first == nil { first = index }
                let texts = header.cells.map { cellText($0.value) }
                if !(try matcher.match(headers: texts, sample: [], names: texts.map { _ in nil }).matches.isEmpty) {
                    found = index
                    break
                }
            }
            guard let index = found ?? first else { throw ImportError.unusable(file: displayName, reason: .sheet(nil, sheets: names)) }
            chosen = index
        }

        guard let header = headerRow(try readSheet(chosen, 30)) else {
            throw ImportError.unusable(file: "\(displayName), sheet '\(names[chosen])'", reason: .noHeaderRow)
        }
        // The sheet's rows from the header on, written as CSV as they are inflated: one row at a
        // time in memory, never the sheet's cells.
        var csv: [UInt8] = []
        var errors = 0
        var next = header.number
        let write = { (row: SheetRow) in
            guard row.number >= header.number else { return }
            while next < row.number {
                csv.append(0x0A)
                next += 1
            }
            var column = 0
            for cell in row.cells {
                while column < cell.column {
                    csv.append(UInt8(ascii: ","))
                    column += 1
                }
                if case .error = cell.value { errors += 1 }
                appendField(cellText(cell.value), to: &csv)
            }
            csv.append(0x0A)
            next = row.number + 1
        }
        try stream(chosen) { rows in rows.forEach(write) }
        var notes = ["read sheet '\(names[chosen])' (\(chosen + 1) of \(names.count)), its header in row \(header.number)"]
        if errors > 0 { notes.append("\(errors) cell\(errors == 1 ? "" : "s") held an error value (#N/A, #DIV/0!…), read as no answer") }
        return WorkbookSource(sheet: names[chosen], position: chosen + 1, headerRow: header.number, csv: csv, notes: notes)
    }

    private struct Enough: Error {}

    /// The header row: past title and blank rows, the first row with at least half as many
    /// filled cells as the fullest of the first rows, all of them text.
    static func headerRow(_ rows: [SheetRow]) -> SheetRow? {
        let widest = rows.map(\.cells.count).max() ?? 0
        guard widest > 0 else { return nil }
        return rows.first { row in
            row.cells.count * 2 >= widest && row.cells.allSatisfy { if case .text = $0.value { true } else { false } }
        } ?? rows.first { $0.cells.count * 2 >= widest }
    }

    /// A cell as the CSV reader would see it in the tool's own CSV export.
    static func cellText(_ value: CellValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .error: ""
        case .date(let text): text
        }
    }

    /// Appends a CSV field, quoted when it holds a comma, quote or line break.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    static func describe(_ error: XMLError) -> String {
        switch error {
        case .incomplete(let at): "XML that ends inside a tag (byte \(at))"
        case .malformed(let what, let at): "well-formed XML; found \(what) (byte \(at))"
        case .tooDeep(let at): "XML nested at most \(XMLScanner.maximumDepth) deep (byte \(at))"
        }
    }
}

extension SheetReader.Problem {
    /// The problem as an import error naming the sheet, and the row and column where known.
    func importError(file: String) -> ImportError {
        switch self {
        case .xml(let error): .malformed(file: file, line: nil, column: nil, expected: WorkbookSource.describe(error))
        case .cell(let reference, let what):
            .malformed(
                file: "\(file), cell \(reference)", line: Int(reference.drop { $0.isLetter }),
                column: CellReference.column(of: reference).map { $0 + 1 }, expected: "a readable cell: \(what)")
        case .outOfRange(let what): .malformed(file: file, line: nil, column: nil, expected: "rows and columns within Excel's limits; found \(what)")
        }
    }
}
