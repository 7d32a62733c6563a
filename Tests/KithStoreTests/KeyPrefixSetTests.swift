@testable import KithStore
import Testing

@Suite("KeyPrefixSet")
struct KeyPrefixSetTests {
    @Test("answers like Set<UInt64> through many growths, with repeats, zero and colliding low bits")
    func matchesSet() {
        var set = KeyPrefixSet(), reference = Set<UInt64>()
        var state: UInt64 = 42
        for step in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let prefix: UInt64 = switch step % 10 {
            case 0: 0
            case 1: UInt64(step % 997) << 40  // the same low bits: long probe runs
            case 2: state % 5_000  // repeats
            default: state
            }
            #expect(set.insert(prefix) == reference.insert(prefix).inserted, "step \(step)")
        }
        #expect(set.count == reference.count)
    }
}
