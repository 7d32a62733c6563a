import KithCore

/// A file with one header row: spreadsheets, typed-up paper forms, and any
/// export Kith has no specific dialect for. Standard columns are recognised by
/// their headers (`StandardHeaders`).
package struct GenericDialect: Dialect {
    package static let name = "generic"
    package static let title = "Generic CSV (one header row)"
    package static func recognise(_ head: [[String]]) -> Int? { 0 }

    package let headerRows: Int
    package let columns: [SourceColumn]
    private let statusColumn: Int?

    package init(head: [[String]], file: String) throws {
        // The header is the first record that is not blank (some files start with blank lines).
        guard let headerIndex = head.firstIndex(where: { $0.contains { !$0.trimmingSpaces().isEmpty } }) else {
            throw ImportError.unusable(file: file, reason: .noHeaderRow)
        }
        headerRows = headerIndex + 1
        columns = StandardHeaders.columns(head[headerIndex])
        statusColumn = columns.first { $0.role == .status }?.index
    }

    /// A status column ("Response status", "Status") saying Complete / Partial / Test.
    package func status(of record: borrowing CSVRecord) -> ResponseStatus {
        guard let statusColumn, statusColumn < record.count else { return .complete }
        return StandardHeaders.status(String(decoding: record[statusColumn].trimmedSpaces(), as: UTF8.self))
    }
}

/// Header texts that name standard columns in many tools' exports.
package enum StandardHeaders {
    /// Columns for one header row, each with its role.
    package static func columns(_ headers: [String]) -> [SourceColumn] {
        var taken: Set<String> = []
        return headers.enumerated().map { index, header in
            var role = self.role(of: header)
            switch role {
            case .question, .metadata, .identifier: break
            default:
                // Only the first column of a kind takes the role; later ones stay questions.
                if !taken.insert(role.description).inserted { role = .question }
            }
            return SourceColumn(index: index, header: header.trimmingSpaces(), role: role)
        }
    }

    /// The role a header names, or `.question`.
    package static func role(of header: String) -> ColumnRole {
        let key = TextKey(header).value
        if let role = exact[key] { return role }
        if key.hasPrefix("email") || key.hasSuffix(" email") || key.hasSuffix(" email address") { return .identifier(.email) }
        if key.hasSuffix("phone number") || key.hasPrefix("telephone") || key.hasPrefix("mobile number") { return .identifier(.phone) }
        if key == "postcode" || key == "post code" || key == "full postcode" || key == "zip code" { return .identifier(.postcode) }
        return .question
    }

    /// A status cell in words.
    package static func status(_ text: String) -> ResponseStatus {
        switch TextKey(text).value {
        case "partial", "incomplete", "in progress", "not finished", "not completed", "started", "partially completed":
            .partial("marked \(TextKey(text).value)")
        case "test", "survey test", "preview", "survey preview", "spam", "deleted", "excluded", "disqualified", "screened out":
            .excluded("marked \(TextKey(text).value)")
        default: .complete
        }
    }

    private static let exact: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        func add(_ role: ColumnRole, _ headers: String...) { for header in headers { table[TextKey(header).value] = role } }
        add(
            .sourceID, "Respondent ID", "Response ID", "ResponseId", "ID", "Response", "Submission ID", "_id", "#", "Record ID",
            "UserNo", "Unique ID", "Token", "uuid", "_uuid", "Participant", "Respondent", "Respondent number", "Case ID")
        add(
            .person, "Client ID", "Participant ID", "Person ID", "Client", "Client number", "Service user ID",
            "NHS number", "Member ID", "Panel ID", "record_id", "Pupil ref", "Pupil ID", "Student ID")
        add(.wave, "Wave", "Time point", "Timepoint", "Stage", "Occasion", "Visit", "Survey wave", "redcap_event_name")
        add(.startTime, "Start Date", "Start time", "StartDate", "Started", "start", "Start Date (UTC)", "startdate")
        add(
            .submitTime, "End Date", "Completion time", "EndDate", "Submit Date", "Submitted", "Timestamp", "end", "Ended",
            "Submit Date (UTC)", "submitdate", "_submission_time", "Date submitted", "Completed", "Date completed", "Completion date", "Date")
        add(.status, "Response status", "Status", "Completion status", "Response type")
        add(.identifier(.email), "Email", "Email Address", "E-mail", "RecipientEmail")
        add(
            .identifier(.name), "Name", "Full name", "First Name", "Last Name", "Surname", "Forename", "RecipientFirstName",
            "RecipientLastName", "Respondent name")
        add(.identifier(.ipAddress), "IP Address", "IPAddress", "IP", "ipaddr")
        add(.identifier(.phone), "Phone", "Telephone", "Mobile", "Phone number")
        add(.identifier(.location), "LocationLatitude", "LocationLongitude", "Latitude", "Longitude")
        add(.metadata, "Collector ID", "Custom Data 1", "Last modified time", "Network ID", "seed", "startlanguage", "lastpage")
        return table
    }()
}

extension String {
    /// The string without surrounding white space (ASCII fast path: no Character walk).
    func trimmingSpaces() -> String {
        var start = utf8.startIndex
        var end = utf8.endIndex
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while start < end, isASCIISpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isASCIISpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == utf8.startIndex, end == utf8.endIndex {
            // Non-ASCII white space (e.g. a no-break space) at either end: trim it the slow way.
            if let first = first, let last = last, !first.isWhitespace, !last.isWhitespace { return self }
            return String(self[...].trimmed())
        }
        return String(self[start..<end]).trimmingSpaces()
    }
}
