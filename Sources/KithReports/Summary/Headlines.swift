/// Headline sentences in the style of council reports ("97 people (37%, 95% CI
/// 32% to 43%) said they felt lonely often or always."), from figures already
/// computed and protected; a figure that is withheld gives no sentence.
enum Headlines {
    static func sentences(_ summary: SurveySummary) -> [String] {
        var sentences: [String] = []
        let response = summary.response
        let people = summary.kind == .citizensPanel ? "panel members" : "people"
        if let invited = response.invited, let rate = response.rate {
            sentences.append("Of the \(invited) \(people) sent the survey, \(response.complete.text) completed it (\(interval(rate))).")
        } else if let complete = response.complete.shown {
            sentences.append("\(response.complete.text) \(complete == 1 ? "person" : "people") completed the survey.")
        } else {
            sentences.append("The number of complete responses is withheld under the disclosure-control policy.")
        }
        if let partial = response.partial.shown, partial > 0 {
            sentences.append("A further \(response.partial.text) started it but did not finish; partial responses are not in the tables.")
        }
        // Single-item headlines (the ONS direct question) first, then means.
        for scale in summary.scales.filter({ $0.headline != nil }) + summary.scales.filter({ $0.headline == nil }) {
            if let headline = scale.headline, let share = headline.ofRespondents {
                var sentence = "\(headline.count.text) people (\(interval(share))) \(headline.statement)"
                if let question = summary.questions.first(where: { $0.id == scale.id.split(separator: ".").last.map(String.init) ?? "" }) ?? nil,
                    let at = question.options.firstIndex(where: { $0.label == headline.label }), at + 1 < question.options.count,
                    let next = question.options[at + 1].ofRespondents
                {
                    sentence += ", and \(question.options[at + 1].count.text) (\(interval(next))) \(question.options[at + 1].label.lowercased())"
                }
                sentences.append(sentence + ".")
                if let noAnswer = headline.respondents.shown.flatMap({ base in headline.answered.shown.map { base - $0 } }), noAnswer > 0,
                    let ofAnswered = headline.ofAnswered
                {
                    sentences.append(
                        "Not everyone answered every question: those percentages are of all \(headline.respondents.text) respondents; of the "
                            + "\(headline.answered.text) who answered this one, \(percent(ofAnswered.value)) (95% CI \(percent(ofAnswered.lower)) "
                            + "to \(percent(ofAnswered.upper))) \(headline.statement)."
                    )
                }
                if let benchmark = headline.benchmark {
                    sentences.append(
                        "The national figure is \(TextFormat.number(benchmark.value))% (\(benchmark.survey) \(benchmark.period), "
                            + "\(benchmark.area)\(benchmark.population.map { ", \($0)" } ?? ""))."
                    )
                }
            } else if let stats = scale.statistics, let lower = stats.lower, let upper = stats.upper {
                sentences.append(
                    "\(scale.title): mean \(TextFormat.fixed(stats.mean, 1)) (95% CI \(TextFormat.fixed(lower, 1)) to "
                        + "\(TextFormat.fixed(upper, 1))), from the \(scale.scored.text) people with a complete score."
                )
            }
        }
        for question in summary.questions where question.kind == .agreement {
            guard let top = question.topTwo, let share = top.ofRespondents else { continue }
            var sentence = "\(top.count.text) people (\(interval(share))) agreed that '\(question.text)'"
            if let view = top.ofAnswered { sentence += " (\(percent(view.value)) of those who gave a view)" }
            sentences.append(sentence + ".")
        }
        return sentences
    }

    /// "37%, 95% CI 32% to 43%".
    static func interval(_ value: Percentage) -> String {
        "\(percent(value.value)), 95% CI \(percent(value.lower)) to \(percent(value.upper))"
    }

    /// A percentage for people: whole numbers ("37%"), "<1%" for a small non-zero share.
    static func percent(_ value: Double) -> String {
        if value > 0, value < 0.5 { return "<1%" }
        return TextFormat.fixed(value, 0) + "%"
    }
}
