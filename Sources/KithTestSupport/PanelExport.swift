import Foundation

/// Writes a generic export with `rows` responses into `folder` and returns its path: an id
/// column (`R<n>`), an e-mail column, a provider, the ONS items and a free-text comment.
/// Responses in `changedAnswers` have a different first answer (a conflict with an earlier import).
package func panelExport(rows: ClosedRange<Int>, changedAnswers: Set<Int> = [], in folder: URL, name: String = "export.csv") throws -> String {
    let labels = ["Hardly ever or never", "Some of the time", "Often"]
    let direct = ["Often/always", "Some of the time", "Occasionally", "Hardly ever", "Never"]
    var text =
        "Respondent ID,Email,Provider,How often do you feel that you lack companionship?,How often do you feel left out?,"
        + "How often do you feel isolated from others?,How often do you feel lonely?,Comments\n"
    for id in rows {
        let shift = changedAnswers.contains(id) ? 1 : 0
        text +=
            "R\(id),person\(id)@example.org,\(["North", "South"][id % 2]),\(labels[(id + shift) % 3]),\(labels[(id / 3) % 3]),"
            + "\(labels[(id / 9) % 3]),\(direct[id % 5]),comment \(id)\n"
    }
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
