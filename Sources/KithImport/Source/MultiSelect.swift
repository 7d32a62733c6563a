/// Splitting the cells of a multi-select question that joins its choices in one cell.
enum MultiSelect {
    /// The choices in `cell`. Options known to contain the separator stay whole; otherwise a
    /// piece starting with a lower-case letter continues the previous choice (options are
    /// capitalised: "Met friends, family or neighbours in person").
    static func split(_ cell: String, separator: String, known: [String]) -> [String] {
        let trimmedSeparator = separator.trimmingSpaces()
        let pieces = cell.components(separatedBy: trimmedSeparator.isEmpty ? separator : trimmedSeparator)
            .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard pieces.count > 1 else { return pieces }
        let joiner = trimmedSeparator.isEmpty ? separator : trimmedSeparator + (separator.hasSuffix(" ") ? " " : "")
        let knownSet = Set(known)
        var result: [String] = []
        var index = 0
        while index < pieces.count {
            // The longest run of pieces that is a known option.
            var taken = 0
            if !knownSet.isEmpty {
                var candidate = ""
                for end in index..<pieces.count {
                    candidate = end == index ? pieces[end] : candidate + joiner + pieces[end]
                    if knownSet.contains(candidate) { taken = end - index + 1 }
                }
            }
            if taken > 0 {
                result.append(pieces[index..<(index + taken)].joined(separator: joiner))
                index += taken
                continue
            }
            if let last = result.last, let first = pieces[index].first, first.isLowercase, !knownSet.contains(last) {
                result[result.count - 1] = last + joiner + pieces[index]
            } else {
                result.append(pieces[index])
            }
            index += 1
        }
        return result
    }
}
