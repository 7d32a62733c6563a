import Foundation

/// Interval methods for the difference of two paired proportions.
public enum PairedDifferenceInterval: String, Sendable, Hashable, CaseIterable, Codable {
    /// Newcombe's hybrid score ("square-and-add") interval, method 10 of Newcombe (1998). The default.
    case newcombe
    /// Wald interval D ± z·√((b + c) − (b − c)²/n)/n. Poor coverage for small n; for legacy figures only.
    case wald
}

/// Difference between two paired proportions, p₁ − p₂, from the paired table
/// ```
///                  second: yes   second: no
///   first: yes          a             b
///   first: no           c             d
/// ```
/// with p₁ = (a + b)/n (yes at the first measurement), p₂ = (a + c)/n and
/// D = p₁ − p₂ = (b − c)/n.
///
/// Newcombe's method 10: with Wilson 95% limits (l₁, u₁) for p₁ and (l₂, u₂)
/// for p₂ (no continuity correction) and the correlation estimate φ,
/// ```
/// L = D − √((p₁ − l₁)² − 2φ(p₁ − l₁)(u₂ − p₂) + (u₂ − p₂)²)
/// U = D + √((p₂ − l₂)² − 2φ(p₂ − l₂)(u₁ − p₁) + (u₁ − p₁)²)
/// A = ad − bc;  φ = (A − n/2)/√((a+b)(c+d)(a+c)(b+d)) if A > n/2,  0 if 0 ≤ A ≤ n/2,
///               A/√(…) if A < 0;  φ = 0 if any margin is 0
/// ```
/// References: Newcombe R.G. (1998) "Improved confidence intervals for the
/// difference between binomial proportions based on paired data", *Stat Med*
/// 17:2635–2650 (method 10); the φ rule as given by Fagerland M.W., Lydersen S.
/// & Laake P. (2014) *Stat Med* 33:2850–2875 and their 2017 book *Statistical
/// Analysis of Contingency Tables* (Chapman & Hall), §8.5.
///
/// n = 0 throws `.insufficientData`; negative counts throw. The interval
/// always lies within [−1, 1].
public struct PairedProportionDifference: Sendable, Hashable, Codable {
    /// Cell counts a, b, c, d (see the layout above).
    public let a: Int, b: Int, c: Int, d: Int
    /// n = a + b + c + d.
    public var count: Int { a + b + c + d }
    /// p₁ = (a + b)/n.
    public let firstProportion: Double
    /// p₂ = (a + c)/n.
    public let secondProportion: Double
    /// D = p₁ − p₂.
    public let difference: Double
    /// Confidence interval for D.
    public let interval: ConfidenceInterval
    /// Method used.
    public let method: PairedDifferenceInterval

    /// From the paired table [[a, b], [c, d]].
    public init(table: [[Int]], level: Double = 0.95, method: PairedDifferenceInterval = .newcombe) throws {
        let t = try CountTable(table)
        guard t.rows == 2, t.columns == 2 else {
            throw StatisticsError.invalidParameter(name: "table", value: "\(t.rows)×\(t.columns)", requirement: "must be 2×2")
        }
        try self.init(a: table[0][0], b: table[0][1], c: table[1][0], d: table[1][1], level: level, method: method)
    }

    /// From the four cell counts.
    public init(a: Int, b: Int, c: Int, d: Int, level: Double = 0.95, method: PairedDifferenceInterval = .newcombe) throws {
        for (name, v) in [("a", a), ("b", b), ("c", c), ("d", d)] { try Validate.count(v, name: "count \(name)") }
        let n = a + b + c + d
        try Validate.atLeast(1, n, what: "A paired difference of proportions")
        try Validate.level(level)
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.method = method
        let nn = Double(n)
        let p1 = Double(a + b) / nn
        let p2 = Double(a + c) / nn
        firstProportion = p1
        secondProportion = p2
        difference = p1 - p2
        let lower: Double
        let upper: Double
        switch method {
        case .wald:
            let z = Normal.twoSidedCritical(level: level)
            let se = (Double(b + c) - pow(Double(b - c), 2) / nn).squareRoot() / nn
            lower = difference - z * se
            upper = difference + z * se
        case .newcombe:
            let (l1, u1) = ProportionEstimate.limits(x: a + b, n: n, level: level, method: .wilson)
            let (l2, u2) = ProportionEstimate.limits(x: a + c, n: n, level: level, method: .wilson)
            let product = Double(a + b) * Double(c + d) * Double(a + c) * Double(b + d)
            var phi = 0.0
            if product > 0 {
                let cross = Double(a) * Double(d) - Double(b) * Double(c)
                if cross > nn / 2 { phi = (cross - nn / 2) / product.squareRoot() } else if cross < 0 { phi = cross / product.squareRoot() }
            }
            let dl1 = p1 - l1
            let du1 = u1 - p1
            let dl2 = p2 - l2
            let du2 = u2 - p2
            lower = difference - max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2).squareRoot()
            upper = difference + max(0, dl2 * dl2 - 2 * phi * dl2 * du1 + du1 * du1).squareRoot()
        }
        interval = ConfidenceInterval(lower: max(-1, lower), upper: min(1, upper), level: level)
    }
}
