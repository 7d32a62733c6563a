import Foundation
import Testing

@testable import KithArchive

@Suite("What a file is, by its first bytes")
struct SniffTests {
    @Test("an OLE2 compound document (a legacy .xls or a password-protected workbook)")
    func compoundDocument() {
        let header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3E, 0, 3, 0, 0xFE, 0xFF]
        #expect(ArchiveKind.sniff(header) == .compoundDocument)
        #expect(ArchiveKind.sniff(Array(header.prefix(7))) == .other)
    }

    @Test("an OpenDocument spreadsheet: a ZIP archive whose first member is its MIME type, stored")
    func openDocument() throws {
        let ods = try fixture("python-minimal.ods")
        #expect(ArchiveKind.sniff(ods) == .openDocument(mimeType: ArchiveKind.openDocumentSpreadsheet))
        #expect(ArchiveKind.sniff(Array(ods.prefix(512))) == .openDocument(mimeType: ArchiveKind.openDocumentSpreadsheet))
        #expect("\(ArchiveKind.sniff(ods))" == "an OpenDocument spreadsheet (.ods)")
        // It is still a ZIP archive, and readable as one.
        #expect(try ZipArchive(bytes: ods).entries.map(\.name) == ["mimetype", "content.xml", "META-INF/manifest.xml"])
    }

    @Test("ZIP archives: one with members, an empty one; a mimetype member that is deflated is not OpenDocument")
    func zip() throws {
        #expect(ArchiveKind.sniff(try fixture("python-mixed.zip")) == .zip)
        let empty = try writeArchive([])
        #expect(empty.count == 22)
        #expect(ArchiveKind.sniff(empty) == .zip)
        #expect(try ZipArchive(bytes: empty).entries.isEmpty)
        let deflated = try writeArchive([("mimetype", Array(ArchiveKind.openDocumentSpreadsheet.utf8), .deflated)])
        #expect(ArchiveKind.sniff(deflated) == .zip)
        let stored = try writeArchive([("mimetype", Array(ArchiveKind.openDocumentSpreadsheet.utf8), .stored)])
        #expect(ArchiveKind.sniff(stored) == .openDocument(mimeType: ArchiveKind.openDocumentSpreadsheet))
    }

    @Test("anything else: text, nothing, a lone signature")
    func other() {
        #expect(ArchiveKind.sniff(Array("name,age\n".utf8)) == .other)
        #expect(ArchiveKind.sniff([]) == .other)
        #expect(ArchiveKind.sniff([0x50, 0x4B, 0x03]) == .other)
        #expect(ArchiveKind.sniff([0x50, 0x4B, 0x03, 0x04]) == .zip)
    }
}
