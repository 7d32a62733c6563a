import Foundation

/// Analysis of covariance for `followUp ~ baseline + group`: each group's mean
/// follow-up adjusted to the overall mean baseline (R `emmeans`), each group's
/// deviation from the unweighted mean of the adjusted means, and the F test
/// for the group effect.
///
/// Model (treatment coding, first level = reference): with k groups,
/// ```
/// yᵢ = β₀ + β₁·xᵢ + Σ_{g=2..k} β_g·[groupᵢ = g] + εᵢ
/// adjusted mean of g:   μ̂_g = cᵀ_g β̂,  c_g = (1, x̄, e_g)       (e₁ = 0)
/// deviation of g:       μ̂_g − (1/k)Σ_h μ̂_h = (c_g − c̄)ᵀβ̂
/// each SE = √(cᵀ Cov(β̂) c),  t interval on the residual df n − k − 1
/// group F = ((RSS₀ − RSS₁)/(k − 1)) / (RSS₁/(n − k − 1)),  RSS₀ from y ~ x
/// ```
/// x̄ is the mean baseline over all included observations. References:
/// Searle S.R., Speed F.M. & Milliken G.A. (1980) "Population marginal means in
/// the linear model", *The American Statistician* 34:216–221 (adjusted /
/// least-squares means); Lenth R.V., R package `emmeans`.
///
/// Needs k ≥ 2 groups, each level present, and n > k + 1; unequal lengths,
/// non-finite values or a group level missing from `levels` throw. A baseline
/// collinear with group throws `.rankDeficient`.
package struct ANCOVA<Group: Hashable & Sendable>: Sendable {
    /// A group's raw and adjusted follow-up means.
    package struct AdjustedMean: Sendable {
        /// The group level.
        package let group: Group
        /// Observations in the group.
        package let count: Int
        /// Unadjusted mean follow-up.
        package let rawMean: Double
        /// Mean follow-up adjusted to the overall mean baseline.
        package let adjustedMean: Double
        /// Its standard error.
        package let standardError: Double
        /// Its t interval.
        package let interval: ConfidenceInterval
    }

    /// A group's adjusted mean minus the unweighted mean of all adjusted means.
    package struct Deviation: Sendable {
        /// The group level.
        package let group: Group
        /// The contrast with its SE, t, p and interval.
        package let contrast: LinearContrast
    }

    /// Group levels in model order (the first is the reference).
    package let levels: [Group]
    /// Overall mean baseline x̄ at which means are adjusted.
    package let baselineMean: Double
    /// Adjusted means, in `levels` order.
    package let adjustedMeans: [AdjustedMean]
    /// Deviations from the unweighted mean of adjusted means, in `levels` order.
    package let deviations: [Deviation]
    /// F test for the group effect (full vs baseline-only model).
    package let groupEffect: NestedFTest
    /// The fitted full model (names "(Intercept)", "baseline", "group[<level>]").
    package let model: LinearModel

    /// Fits the model. `levels` fixes the order (first = reference); by default
    /// levels appear in order of first occurrence.
    package init(followUp y: [Double], baseline x: [Double], group: [Group], levels: [Group]? = nil, level: Double = 0.95) throws {
        try Validate.sameLength(y.count, x.count, what: "Baseline scores")
        try Validate.sameLength(y.count, group.count, what: "Group labels")
        var order: [Group] = levels ?? []
        if levels == nil { for g in group where !order.contains(g) { order.append(g) } }
        guard Set(order).count == order.count else {
            throw StatisticsError.invalidParameter(name: "levels", value: "\(order)", requirement: "must not repeat a level")
        }
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for g in group where index[g] == nil {
            throw StatisticsError.invalidParameter(name: "group", value: "\(g)", requirement: "must be one of the given levels")
        }
        let k = order.count
        try Validate.atLeast(2, k, what: "An ANCOVA (groups)")
        let counts = order.map { g in group.filter { $0 == g }.count }
        if let empty = counts.firstIndex(of: 0) {
            throw StatisticsError.insufficientData(what: "ANCOVA group '\(order[empty])'", needed: 1, got: 0)
        }
        let dummies = (1..<k).map { j in group.map { index[$0] == j ? 1.0 : 0.0 } }
        let names = ["baseline"] + (1..<k).map { "group[\(order[$0])]" }
        let full = try LinearModel(response: y, predictors: [x] + dummies, names: names, level: level)
        let reduced = try LinearModel(response: y, predictors: [x], names: ["baseline"], level: level)
        let xbar = try Summary(x).mean
        let weights: [[Double]] = (0..<k).map { g in [1, xbar] + (1..<k).map { $0 == g ? 1 : 0 } }
        var adjusted: [AdjustedMean] = []
        for g in 0..<k {
            let c = try full.contrast(weights[g], level: level)
            let raw = try Summary(zip(y, group).filter { $0.1 == order[g] }.map(\.0)).mean
            adjusted.append(
                AdjustedMean(
                    group: order[g], count: counts[g], rawMean: raw, adjustedMean: c.estimate,
                    standardError: c.standardError, interval: c.interval))
        }
        let centre = (0..<weights[0].count).map { j in weights.reduce(0) { $0 + $1[j] } / Double(k) }
        var deviations: [Deviation] = []
        for g in 0..<k {
            let w = zip(weights[g], centre).map { $0 - $1 }
            deviations.append(Deviation(group: order[g], contrast: try full.contrast(w, level: level)))
        }
        self.levels = order
        baselineMean = xbar
        adjustedMeans = adjusted
        self.deviations = deviations
        groupEffect = try NestedFTest(full: full, reduced: reduced)
        model = full
    }
}
