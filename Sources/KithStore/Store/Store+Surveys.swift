import KithCore

/// A survey in the store.
public struct Survey: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var kind: SurveyKind
    /// How many people were sent the survey, when known.
    public var invited: Int?
    public var period: String?
    public var notes: String?
    public var createdAt: String
}

/// A survey with counts, for `kith surveys`.
public struct SurveyOverview: Sendable {
    public var survey: Survey
    public var responses: Int
    public var batches: Int
    public var waves: [String]
    public var lastImport: String?
}

extension Store {
    /// Every survey, by name, with counts.
    public func surveys() throws -> [SurveyOverview] {
        let surveys = try db.query("SELECT id, name, kind, invited, period, notes, created_at FROM survey ORDER BY name", row: Store.survey)
        return try surveys.map { survey in
            SurveyOverview(
                survey: survey,
                responses: try responseCount(survey: survey),
                batches: try db.scalar("SELECT count(*) FROM batch WHERE survey_id = ? AND undone_at IS NULL", survey.id, as: Int.self) ?? 0,
                // In byte order, as SQLite's ORDER BY sorted them.
                waves: try waves(survey: survey).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) },
                lastImport: try db.scalar("SELECT max(imported_at) FROM batch WHERE survey_id = ? AND undone_at IS NULL", survey.id, as: String.self))
        }
    }

    /// The survey called `name`.
    public func survey(named name: String) throws -> Survey {
        if let found = try db.query("SELECT id, name, kind, invited, period, notes, created_at FROM survey WHERE name = ?", name, row: Store.survey)
            .first
        {
            return found
        }
        throw StoreError.noSuchSurvey(name, known: try db.query("SELECT name FROM survey ORDER BY name") { $0.string(at: 0) ?? "" })
    }

    /// The survey called `name`, created with `kind` if it does not exist.
    /// `invited`, `period` and `notes`, when given, update an existing survey;
    /// a different `kind` is an error.
    func ensureSurvey(name: String, kind: SurveyKind?, invited: Int?, period: String?, notes: String?) throws -> (survey: Survey, created: Bool) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw StoreError.invalid("a survey needs a name") }
        if var existing = try? survey(named: name) {
            if let kind, kind != existing.kind {
                throw StoreError.surveyMismatch("survey '\(name)' is a \(existing.kind.rawValue), not a \(kind.rawValue)")
            }
            if let invited, invited != existing.invited {
                try db.execute("UPDATE survey SET invited = ? WHERE id = ?", invited, existing.id)
                existing.invited = invited
            }
            if let period {
                try db.execute("UPDATE survey SET period = ? WHERE id = ?", period, existing.id)
                existing.period = period
            }
            if let notes {
                try db.execute("UPDATE survey SET notes = ? WHERE id = ?", notes, existing.id)
                existing.notes = notes
            }
            return (existing, false)
        }
        let created = Store.now()
        try db.execute(
            "INSERT INTO survey (name, kind, invited, period, notes, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            name, (kind ?? .eSurvey).rawValue, invited, period, notes, created)
        return (
            Survey(
                id: Int(db.lastInsertRowID), name: name, kind: kind ?? .eSurvey, invited: invited, period: period, notes: notes, createdAt: created),
            true
        )
    }

    /// Sets how many people were invited to a survey.
    public func setInvited(_ invited: Int?, survey name: String) throws {
        let survey = try survey(named: name)
        try write { try db.execute("UPDATE survey SET invited = ? WHERE id = ?", invited, survey.id) }
    }

    static func survey(_ row: Row) throws -> Survey {
        guard let kind = row.string(at: 2).flatMap(SurveyKind.init) else { throw StoreError.corrupt("a survey has an unknown kind") }
        return Survey(
            id: row.int(at: 0) ?? 0, name: row.string(at: 1) ?? "", kind: kind, invited: row.int(at: 3),
            period: row.string(at: 4), notes: row.string(at: 5), createdAt: row.string(at: 6) ?? "")
    }
}
