import KithCore
import KithStatistics

extension ChangeReport {
    /// One JSON object; withheld counts and statistics are null. Documented in the README.
    public func json() -> String {
        var root = JSONObject()
        root.add("survey", survey)
        root.add("from", from)
        root.add("to", to)
        root.add("disclosure", object: .disclosure(policy))
        root.add(
            "groups",
            objects: groups.map { group in
                var g = JSONObject()
                g.add("provider", group.provider)
                var people = JSONObject()
                people.add("baseline", group.people.baseline)
                people.add("followup", group.people.followUp)
                people.add("both", group.people.both)
                people.add("lost", group.people.lost)
                people.add("lost_percent", group.people.lostPercent)
                people.add("followup_only", group.people.followUpOnly)
                g.add("people", object: people)
                g.add("scales", objects: group.scores.map(Self.json))
                g.add("categories", objects: group.categories.map(Self.json))
                return g
            })
        root.add("notes", strings: notes)
        root.add("licences", strings: licences)
        return root.text + "\n"
    }

    static func json(_ s: ScoreChange) -> JSONObject {
        var o = JSONObject()
        o.add("scale", s.scale.id)
        o.add("title", s.scale.scale.title)
        o.add("higher_is", s.scale.scale.higherIs.rawValue)
        o.add("baseline_n", s.baselineCount)
        o.add("paired", s.paired)
        o.add("withheld", s.withheld)
        o.add("baseline_mean", s.baselineMean)
        o.add("followup_mean", s.followUpMean)
        o.add("baseline_sd", s.baselineSD)
        o.add("followup_sd", s.followUpSD)
        let t = s.test
        o.add("mean_change", t?.meanDifference)
        o.add("ci", t?.interval)
        o.add("se", t?.standardError)
        o.add("t", t?.t)
        o.add("df", t?.degreesOfFreedom)
        o.add("p", t?.pValue)
        o.add("dz", t?.cohensDz)
        o.add("dav", t?.cohensDav)
        o.add("gav", t?.hedgesGav)
        let m = s.meaningful
        o.add("improved", m.improved)
        o.add("unchanged", m.unchanged)
        o.add("worse", m.worse)
        o.add("improved_percent", m.improvedPercent)
        o.add("unchanged_percent", m.unchangedPercent)
        o.add("worse_percent", m.worsePercent)
        var rule = JSONObject()
        rule.add("rule", m.rule)
        rule.add("threshold", m.threshold)
        rule.add("source", m.source)
        o.add("meaningful_change", object: rule)
        o.add("reliable_improvement", s.reliable.map { $0.improvement.shown } ?? nil)
        o.add("no_reliable_change", s.reliable.map { $0.noReliableChange.shown } ?? nil)
        o.add("reliable_deterioration", s.reliable.map { $0.deterioration.shown } ?? nil)
        o.add(
            "reliable_change",
            object: s.reliable.map { r in
                var f = JSONObject()
                f.add("basis", r.basis)
                f.add("source", r.source)
                f.add("sem", r.index.standardErrorOfMeasurement)
                f.add("se_difference", r.index.standardErrorOfDifference)
                f.add("critical_z", r.index.criticalZ)
                f.add("critical_difference", r.index.criticalDifference)
                return f
            })
        let l = s.lostToFollowUp
        var lost = JSONObject()
        lost.add("lost", l.lost)
        lost.add("lost_mean", l.lostMean)
        lost.add("paired_mean", l.pairedMean)
        lost.add("difference", l.welch?.meanDifference)
        lost.add("ci", l.welch?.interval)
        lost.add("t", l.welch?.t)
        lost.add("df", l.welch?.degreesOfFreedom)
        lost.add("p", l.welch?.pValue)
        lost.add("test", l.welch == nil ? nil : "Welch")
        lost.add("note", l.note)
        o.add("lost_to_followup", object: lost)
        return o
    }

    static func json(_ c: CategoryChange) -> JSONObject {
        var o = JSONObject()
        o.add("scale", c.scale.id)
        o.add("classification", c.classification?.id)
        o.add("classification_status", c.classification?.status.rawValue)
        o.add("labels", strings: c.labels)
        o.raw(
            "transitions",
            "[" + c.transitions.map { "[" + $0.map { TextFormat.json($0.shown) }.joined(separator: ",") + "]" }.joined(separator: ",") + "]")
        o.add("paired", c.paired)
        o.add("withheld", c.withheld)
        o.add("improved", c.improved)
        o.add("unchanged", c.unchanged)
        o.add("worse", c.worse)
        let h = c.headline
        var head = JSONObject()
        head.add("label", h.label)
        head.add("baseline", h.baseline)
        head.add("followup", h.followUp)
        head.add("baseline_percent", h.baselinePercent)
        head.add("followup_percent", h.followUpPercent)
        head.add("left", h.leftCategory)
        head.add("entered", h.enteredCategory)
        head.add("change", h.difference?.difference)
        head.add("ci", h.difference?.interval)
        head.add("ci_method", h.difference == nil ? nil : "Newcombe (1998) method 10")
        head.add("mcnemar_exact_p", h.mcnemarExact?.pValue)
        head.add("mcnemar_chi_square", h.mcnemarChiSquare?.chiSquare)
        head.add("mcnemar_chi_square_p", h.mcnemarChiSquare?.pValue)
        o.add("headline", object: head)
        return o
    }
}
