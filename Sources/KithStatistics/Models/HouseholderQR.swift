import Foundation

/// Householder QR decomposition of an n×p matrix (n ≥ p) stored by columns,
/// used for least squares (Golub G.H. & Van Loan C.F. (2013) *Matrix
/// Computations*, 4th ed., Algorithm 5.2.1). No pivoting: a column whose
/// component orthogonal to the earlier columns is below `tolerance` times
/// its own norm is reported as rank deficient (R's `lm` uses the same 1e-7).
struct HouseholderQR {
    /// Upper-triangular R (p×p), row-major.
    let r: [[Double]]
    /// Qᵀy for the response given at construction.
    let qty: [Double]

    enum Failure: Error { case rankDeficient(column: Int) }

    init(columns: [[Double]], response: [Double], tolerance: Double = 1e-7) throws(Failure) {
        var a = columns
        var y = response
        let n = response.count
        let p = columns.count
        var r = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for k in 0..<p {
            let originalNorm = columns[k].reduce(0) { $0 + $1 * $1 }.squareRoot()
            let norm = a[k][k...].reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard originalNorm > 0, norm > tolerance * originalNorm else { throw .rankDeficient(column: k) }
            let alpha = a[k][k] > 0 ? -norm : norm
            var v = Array(a[k][k..<n])
            v[0] -= alpha
            let vv = v.reduce(0) { $0 + $1 * $1 }
            func reflect(_ x: inout [Double]) {
                var dot = 0.0
                for i in 0..<v.count { dot += v[i] * x[k + i] }
                let f = 2 * dot / vv
                for i in 0..<v.count { x[k + i] -= f * v[i] }
            }
            for j in k..<p { reflect(&a[j]) }
            reflect(&y)
            for j in k..<p { r[k][j] = a[j][k] }
        }
        self.r = r
        qty = y
    }

    /// Solves R·β = (Qᵀy)[0..<p].
    func coefficients() -> [Double] {
        let p = r.count
        var beta = Array(repeating: 0.0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = qty[i]
            for j in (i + 1)..<max(i + 1, p) { s -= r[i][j] * beta[j] }
            beta[i] = s / r[i][i]
        }
        return beta
    }

    /// (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
    func unscaledCovariance() -> [[Double]] {
        let p = r.count
        var inv = Array(repeating: Array(repeating: 0.0, count: p), count: p) // R⁻¹, upper triangular
        for j in 0..<p {
            inv[j][j] = 1 / r[j][j]
            for i in stride(from: j - 1, through: 0, by: -1) {
                var s = 0.0
                for k in (i + 1)...j { s += r[i][k] * inv[k][j] }
                inv[i][j] = -s / r[i][i]
            }
        }
        var out = Array(repeating: Array(repeating: 0.0, count: p), count: p)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for k in j..<p { s += inv[i][k] * inv[j][k] }
                out[i][j] = s
                out[j][i] = s
            }
        }
        return out
    }
}
