import Foundation

/// Ordinary least squares fit of y on predictors, by Householder QR.
///
/// ```
/// X = [1 | x₁ … x_q] (n × p),   β̂ = argmin ‖y − Xβ‖² = R⁻¹Qᵀy
/// σ̂² = RSS/(n − p),   Cov(β̂) = σ̂²(XᵀX)⁻¹ = σ̂² R⁻¹R⁻ᵀ
/// tⱼ = β̂ⱼ/SEⱼ,  pⱼ = 2·P(T_{n−p} > |tⱼ|),  CIⱼ = β̂ⱼ ± t_{1−α/2, n−p}·SEⱼ
/// R² = 1 − RSS/TSS  (TSS about ȳ with an intercept, about 0 without, as R's `lm`)
/// adjusted R² = 1 − (1 − R²)(n − i)/(n − p),  i = 1 with an intercept else 0
/// ```
/// QR avoids squaring the condition number as the normal equations would
/// (Golub & Van Loan 2013, §5.3). Rank deficiency (a predictor that is a
/// linear combination of earlier columns, relative tolerance 1e-7 as R)
/// throws `.rankDeficient` naming the column. Needs n > p (`.insufficientData`),
/// equal lengths and finite values.
package struct LinearModel: Sendable, Hashable, Codable {
    /// Coefficient names; "(Intercept)" first when fitted.
    package let names: [String]
    /// β̂.
    package let coefficients: [Double]
    /// Standard errors √diag(Cov).
    package let standardErrors: [Double]
    /// t statistics.
    package let tStatistics: [Double]
    /// Two-sided p-values.
    package let pValues: [Double]
    /// Confidence intervals for each coefficient.
    package let intervals: [ConfidenceInterval]
    /// Cov(β̂), p × p.
    package let covariance: [[Double]]
    /// Residuals y − Xβ̂.
    package let residuals: [Double]
    /// Residual sum of squares.
    package let residualSumOfSquares: Double
    /// Residual df n − p.
    package let residualDegreesOfFreedom: Int
    /// σ̂ = √(RSS/(n − p)).
    package let residualStandardError: Double
    /// R².
    package let rSquared: Double
    /// Adjusted R².
    package let adjustedRSquared: Double
    /// Whether an intercept column was added.
    package let hasIntercept: Bool
    /// Number of observations n.
    package var count: Int { residuals.count }

    /// Fits `response` on `predictors` (one array per predictor, each of length n).
    package init(
        response y: [Double], predictors: [[Double]], names predictorNames: [String]? = nil,
        intercept: Bool = true, level: Double = 0.95
    ) throws {
        try Validate.level(level)
        try Validate.finite(y, what: "The response")
        let n = y.count
        let labels = predictorNames ?? predictors.indices.map { "x\($0 + 1)" }
        try Validate.sameLength(predictors.count, labels.count, what: "Predictor names")
        for (j, x) in predictors.enumerated() {
            try Validate.sameLength(n, x.count, what: "Predictor '\(labels[j])'")
            try Validate.finite(x, what: "Predictor '\(labels[j])'")
        }
        var columns = predictors
        var allNames = labels
        if intercept {
            columns.insert(Array(repeating: 1, count: n), at: 0)
            allNames.insert("(Intercept)", at: 0)
        }
        let p = columns.count
        try Validate.atLeast(1, p, what: "A linear model (columns)")
        try Validate.atLeast(p + 1, n, what: "A linear model with \(p) coefficients")
        let qr: HouseholderQR
        do {
            qr = try HouseholderQR(columns: columns, response: y)
        } catch let .rankDeficient(column) {
            throw StatisticsError.rankDeficient(column: column, name: allNames[column])
        }
        let beta = qr.coefficients()
        var residuals = y
        for (j, col) in columns.enumerated() {
            for i in 0..<n { residuals[i] -= beta[j] * col[i] }
        }
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let df = n - p
        let sigma2 = rss / Double(df)
        let unscaled = qr.unscaledCovariance()
        let cov = unscaled.map { $0.map { $0 * sigma2 } }
        let se = (0..<p).map { cov[$0][$0].squareRoot() }
        let tDist = StudentT(uncheckedDegreesOfFreedom: Double(df))
        let tcrit = tCritical(df: Double(df), level: level)
        let meanY = intercept ? (try Summary(y)).mean : 0
        let tss = y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        names = allNames
        coefficients = beta
        standardErrors = se
        tStatistics = zip(beta, se).map { $0 / $1 }
        pValues = tStatistics.map { tDist.twoSidedPValue($0) }
        intervals = zip(beta, se).map { .symmetric($0, critical: tcrit, se: $1, level: level) }
        covariance = cov
        self.residuals = residuals
        residualSumOfSquares = rss
        residualDegreesOfFreedom = df
        residualStandardError = sigma2.squareRoot()
        rSquared = tss > 0 ? 1 - rss / tss : .nan
        let i = intercept ? 1.0 : 0.0
        adjustedRSquared = 1 - (1 - rSquared) * (Double(n) - i) / Double(df)
        hasIntercept = intercept
    }

    /// The linear combination cᵀβ̂ with variance cᵀ·Cov·c and a t interval on
    /// the residual df. `weights` must have one entry per coefficient.
    package func contrast(_ weights: [Double], level: Double = 0.95) throws -> LinearContrast {
        try Validate.sameLength(coefficients.count, weights.count, what: "Contrast weights")
        try Validate.level(level)
        let estimate = zip(weights, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var variance = 0.0
        for i in weights.indices { for j in weights.indices { variance += weights[i] * covariance[i][j] * weights[j] } }
        let se = max(0, variance).squareRoot()
        let df = Double(residualDegreesOfFreedom)
        let t = estimate / se
        return LinearContrast(
            estimate: estimate, standardError: se, t: t,
            pValue: StudentT(uncheckedDegreesOfFreedom: df).twoSidedPValue(t),
            interval: .symmetric(estimate, critical: tCritical(df: df, level: level), se: se, level: level))
    }
}

/// A linear combination of coefficients cᵀβ̂ (see `LinearModel.contrast`).
public struct LinearContrast: Sendable, Hashable, Codable {
    /// cᵀβ̂.
    public let estimate: Double
    /// √(cᵀ·Cov·c).
    public let standardError: Double
    /// estimate / SE (H₀: cᵀβ = 0).
    public let t: Double
    /// Two-sided p-value on the residual df.
    public let pValue: Double
    /// t interval on the residual df.
    public let interval: ConfidenceInterval
}

/// F test comparing a full linear model with a nested reduced one.
///
/// ```
/// F = ((RSS₀ − RSS₁)/(df₀ − df₁)) / (RSS₁/df₁),   p = P(F_{df₀−df₁, df₁} > F)
/// ```
public struct NestedFTest: Sendable, Hashable, Codable {
    /// F statistic.
    public let f: Double
    /// df₀ − df₁ (extra parameters in the full model).
    public let numeratorDegreesOfFreedom: Int
    /// Residual df of the full model.
    public let denominatorDegreesOfFreedom: Int
    /// P(F > f).
    public let pValue: Double

    /// Compares `full` with `reduced`; the reduced model must have more residual df.
    package init(full: LinearModel, reduced: LinearModel) throws {
        let d = reduced.residualDegreesOfFreedom - full.residualDegreesOfFreedom
        guard d > 0 else {
            throw StatisticsError.invalidParameter(
                name: "reduced model", value: "\(reduced.residualDegreesOfFreedom) residual df",
                requirement: "must have more residual df than the full model (\(full.residualDegreesOfFreedom))")
        }
        let df1 = full.residualDegreesOfFreedom
        f = ((reduced.residualSumOfSquares - full.residualSumOfSquares) / Double(d)) / (full.residualSumOfSquares / Double(df1))
        numeratorDegreesOfFreedom = d
        denominatorDegreesOfFreedom = df1
        pValue = FDistribution(unchecked: Double(d), Double(df1)).survival(f)
    }
}
