/// The parts of a workbook read before its sheets: the sheets' names and where they are, the date
/// system, the shared strings and which cell styles show dates.
struct WorkbookParts {
    struct Sheet: Equatable {
        var name: String
        /// The part's path in the package (`xl/worksheets/sheet1.xml`).
        var path: String
    }

    /// `xl/workbook.xml` and its relationships: the sheets in workbook order, and whether dates
    /// count from 1904 (old Mac workbooks) rather than 1900.
    static func sheets(workbook: [UInt8], relationships: [UInt8]) throws(XMLError) -> (sheets: [Sheet], date1904: Bool) {
        var targets: [String: String] = [:]
        var scanner = XMLScanner(relationships)
        while let token = try scanner.next() {
            guard case .start(let name, let attributes, _) = token, scanner.name(name, is: "Relationship") else { continue }
            guard let id = scanner.attribute("Id", in: attributes), let target = scanner.attribute("Target", in: attributes) else { continue }
            targets[try XMLText.decode(relationships, id)] = try XMLText.decode(relationships, target)
        }
        var sheets: [Sheet] = []
        var date1904 = false
        scanner = XMLScanner(workbook)
        while let token = try scanner.next() {
            guard case .start(let name, let attributes, _) = token else { continue }
            if scanner.name(name, is: "workbookPr"), let value = scanner.attribute("date1904", in: attributes) {
                let text = try XMLText.decode(workbook, value)
                date1904 = text == "1" || text == "true"
            }
            guard scanner.name(name, is: "sheet"), let sheetName = scanner.attribute("name", in: attributes),
                let id = scanner.attribute("id", in: attributes), let target = targets[try XMLText.decode(workbook, id)]
            else { continue }
            sheets.append(Sheet(name: try XMLText.decode(workbook, sheetName), path: resolve(target)))
        }
        return (sheets, date1904)
    }

    /// A relationship target, relative to `xl/` unless it is absolute.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined, phonetic runs left out.
    static func sharedStrings(_ bytes: [UInt8]) throws(XMLError) -> [String] {
        var strings: [String] = []
        var scanner = XMLScanner(bytes)
        var current = ""
        var inText = false
        var phonetic = 0
        while let token = try scanner.next() {
            switch token {
            case .start(let name, _, let selfClosing):
                if scanner.name(name, is: "si") {
                    current = ""
                    if selfClosing { strings.append("") }
                } else if scanner.name(name, is: "rPh") {
                    if !selfClosing { phonetic += 1 }
                } else if scanner.name(name, is: "t") {
                    inText = !selfClosing
                }
            case .end(let name):
                if scanner.name(name, is: "si") {
                    strings.append(current)
                } else if scanner.name(name, is: "rPh") {
                    phonetic -= 1
                } else if scanner.name(name, is: "t") {
                    inText = false
                }
            case .text(let range):
                if inText, phonetic == 0 { current += try XMLText.decode(bytes, range) }
            case .cdata(let range):
                if inText, phonetic == 0 { current += String(decoding: bytes[range], as: UTF8.self) }
            }
        }
        return strings
    }

    /// `xl/styles.xml`: for each cell format (`<cellXfs><xf>`, by index), whether its number
    /// format shows a date or time.
    static func dateStyles(_ bytes: [UInt8]) throws(XMLError) -> [Bool] {
        var custom: [Int: Bool] = [:]
        var styles: [Bool] = []
        var scanner = XMLScanner(bytes)
        var inCellFormats = false
        while let token = try scanner.next() {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if scanner.name(name, is: "numFmt"), let id = scanner.attribute("numFmtId", in: attributes),
                    let code = scanner.attribute("formatCode", in: attributes), let number = Int(try XMLText.decode(bytes, id))
                {
                    custom[number] = NumberFormat.isDate(try XMLText.decode(bytes, code))
                } else if scanner.name(name, is: "cellXfs") {
                    inCellFormats = !selfClosing
                } else if inCellFormats, scanner.name(name, is: "xf") {
                    let id = scanner.attribute("numFmtId", in: attributes).flatMap { Int(String(decoding: bytes[$0], as: UTF8.self)) } ?? 0
                    styles.append(custom[id] ?? NumberFormat.isBuiltInDate(id))
                }
            case .end(let name):
                if scanner.name(name, is: "cellXfs") { inCellFormats = false }
            case .text, .cdata:
                continue
            }
        }
        return styles
    }
}

/// Which number formats show dates: the built-in ids ECMA-376 gives dates and times, and custom
/// format codes with date or time letters outside quoted text, escapes and `[…]` sections.
enum NumberFormat {
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    static func isDate(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case ";" where !inQuote && !inBracket: return false // the positive section decides
            case "d", "m", "y", "h", "s": if !inQuote && !inBracket { return true }
            default: continue
            }
        }
        return false
    }
}
