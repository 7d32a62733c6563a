import Foundation

/// Methods for McNemar's test of paired binary data.
public enum McNemarMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Asymptotic chi-square (b − c)²/(b + c), 1 df. Recommended with mid-p by Fagerland et al. (2013).
    case chiSquare
    /// Chi-square with Edwards' continuity correction (|b − c| − 1)²/(b + c), floored at 0.
    case chiSquareCorrected
    /// Exact conditional binomial test: b ~ Binomial(b + c, ½).
    case exact
    /// Mid-p version of the exact test: the observed outcome counts half.
    case midP
}

/// McNemar's test for a paired 2×2 table
/// ```
///                  second: yes   second: no
///   first: yes          a             b
///   first: no           c             d
/// ```
/// using only the discordant counts b and c (the null is P(yes→no) = P(no→yes)).
///
/// ```
/// chiSquare            X² = (b − c)² / (b + c),               p = P(χ²₁ > X²)
/// chiSquareCorrected   X² = max(0, |b − c| − 1)² / (b + c)
/// exact                p = min(1, 2·P(B ≤ min(b, c))),           B ~ Binomial(b + c, ½)
/// midP                 p = min(1, 2·P(B ≤ min(b, c)) − P(B = min(b, c)))
/// ```
/// References: McNemar Q. (1947) *Psychometrika* 12:153–157; Edwards A.L.
/// (1948) *Psychometrika* 13:185–187 (correction); Fagerland M.W., Lydersen S.
/// & Laake P. (2013) "The McNemar test for binary matched-pairs data: mid-p and
/// asymptotic are better than exact conditional", *BMC Med Res Methodol* 13:91.
///
/// With b = c the corrected statistic is 0 (as R; statsmodels would give
/// 1/(b + c)). With b + c = 0 the chi-square methods are undefined
/// (`.degenerate`), while the exact and mid-p tests give p = 1. Negative
/// counts throw.
public struct McNemarTest: Sendable, Hashable, Codable {
    /// b: pairs "yes" at the first and "no" at the second measurement.
    public let firstOnly: Int
    /// c: pairs "no" at the first and "yes" at the second measurement.
    public let secondOnly: Int
    /// Method used.
    public let method: McNemarMethod
    /// The chi-square statistic; nil for the exact and mid-p methods.
    public let chiSquare: Double?
    /// Two-sided p-value.
    public let pValue: Double

    /// From the discordant counts b and c.
    public init(firstOnly b: Int, secondOnly c: Int, method: McNemarMethod = .chiSquare) throws {
        try Validate.count(b, name: "discordant count b")
        try Validate.count(c, name: "discordant count c")
        firstOnly = b
        secondOnly = c
        self.method = method
        let discordant = Double(b + c)
        switch method {
        case .chiSquare, .chiSquareCorrected:
            guard b + c > 0 else { throw StatisticsError.degenerate("there are no discordant pairs, so the McNemar chi-square is 0/0") }
            let diff = abs(Double(b - c)) - (method == .chiSquareCorrected ? 1 : 0)
            let x2 = max(0, diff) * max(0, diff) / discordant
            chiSquare = x2
            pValue = ChiSquared(uncheckedDegreesOfFreedom: 1).survival(x2)
        case .exact, .midP:
            chiSquare = nil
            let binomial = Binomial(uncheckedTrials: b + c, probability: 0.5)
            let k = min(b, c)
            var p = 2 * binomial.cdf(k)
            if method == .midP { p -= binomial.pmf(k) }
            pValue = min(1, p)
        }
    }

    /// From the full paired table [[a, b], [c, d]] (see the type's layout).
    public init(table: [[Int]], method: McNemarMethod = .chiSquare) throws {
        let t = try CountTable(table)
        guard t.rows == 2, t.columns == 2 else {
            throw StatisticsError.invalidParameter(name: "table", value: "\(t.rows)×\(t.columns)", requirement: "must be 2×2")
        }
        try self.init(firstOnly: table[0][1], secondOnly: table[1][0], method: method)
    }
}
