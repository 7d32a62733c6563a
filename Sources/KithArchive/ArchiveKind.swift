/// What a file is, judged by its first bytes, so a program given the wrong file can say what it
/// was given. The two commonest wrong files for a workbook reader are an OLE2 compound document
/// (a legacy .xls workbook, or any OOXML file saved with a password, which Office encrypts into
/// one) and an OpenDocument package, a ZIP archive whose first member is its MIME type.
package enum ArchiveKind: Sendable, Hashable, CustomStringConvertible {
    /// A ZIP archive (it starts with a local header, or is an empty archive's end record).
    case zip
    /// An OpenDocument package: a ZIP archive whose first member, `mimetype`, is stored
    /// uncompressed and holds the type (`application/vnd.oasis.opendocument.spreadsheet` for .ods).
    case openDocument(mimeType: String)
    /// An OLE2 compound document (starts D0 CF 11 E0 A1 B1 1A E1).
    case compoundDocument
    /// Neither: text, another format, or nothing.
    case other

    /// The MIME type of an OpenDocument spreadsheet (.ods).
    package static let openDocumentSpreadsheet = "application/vnd.oasis.opendocument.spreadsheet"

    private static let compoundDocumentMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Judges the start of a file; the first 512 bytes are enough for any file an office suite wrote.
    package static func sniff(_ bytes: [UInt8]) -> ArchiveKind {
        sniff(head: bytes[...])
    }

    static func sniff(head: ArraySlice<UInt8>) -> ArchiveKind {
        if head.starts(with: compoundDocumentMagic) { return .compoundDocument }
        if head.hasSignature(Signature.endOfCentralDirectory) { return .zip }
        guard head.hasSignature(Signature.localHeader) else { return .other }
        return openDocumentMimeType(head).map { .openDocument(mimeType: $0) } ?? .zip
    }

    /// The MIME type held by a first member named `mimetype`, stored, as the OpenDocument
    /// specification (part 3, 3.3) requires; nil for any other ZIP archive.
    private static func openDocumentMimeType(_ head: ArraySlice<UInt8>) -> String? {
        let method = head.le16(8)
        let size = Int(head.le32(18))
        let nameLength = Int(head.le16(26))
        let extraLength = Int(head.le16(28))
        let nameStart = head.startIndex + 30
        guard method == 0, nameLength == 8, size > 0, size <= 255, head.count >= 30 + 8 + extraLength + size,
            head[nameStart..<(nameStart + 8)].elementsEqual("mimetype".utf8)
        else { return nil }
        let valueStart = nameStart + 8 + extraLength
        let value = head[valueStart..<(valueStart + size)]
        guard value.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: value, as: UTF8.self)
    }

    package var description: String {
        switch self {
        case .zip: "a ZIP archive"
        case .openDocument(let mimeType) where mimeType == Self.openDocumentSpreadsheet: "an OpenDocument spreadsheet (.ods)"
        case .openDocument(let mimeType): "an OpenDocument file (\(mimeType))"
        case .compoundDocument: "an OLE2 compound document (a legacy Excel 97-2003 .xls workbook, or an Office file protected with a password)"
        case .other: "neither a ZIP archive nor an OLE2 compound document"
        }
    }
}
