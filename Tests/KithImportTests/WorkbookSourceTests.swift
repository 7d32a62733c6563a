import Foundation
import KithCore
import KithTestSupport
import Testing

@testable import KithImport

/// Workbooks read as survey exports: the sheet chosen, the header found past title rows, and
/// every response read as the tool's CSV reads it.
@Suite("Workbook source")
struct WorkbookSourceTests {
    static let workbook = packageRoot.appendingPathComponent("Samples/kent-esurvey.xlsx").path
    static let csv = packageRoot.appendingPathComponent("Samples/kent-esurvey.csv").path

    @Test("the sample workbook: the responses sheet past the instructions, the header past the title")
    func chooses() throws {
        let source = try WorkbookSource.read(path: Self.workbook, displayName: "kent-esurvey.xlsx", sheet: nil, catalog: builtInCatalog)
        #expect(source.sheet == "Responses")
        #expect(source.position == 2)
        #expect(source.headerRow == 3)
        #expect(source.notes.first == "read sheet 'Responses' (2 of 2), its header in row 3")
    }
}
