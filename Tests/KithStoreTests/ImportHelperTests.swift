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

@Suite("TextPool")
struct TextPoolTests {
    @Test("keeps each spelling's own bytes, canonically equivalent ones too; full at capacity")
    func spellings() {
        let pool = TextPool(slots: 2)
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        #expect(composed == decomposed, "Swift's == equates them")
        for text in [composed, decomposed, composed, "West Kent", decomposed] {
            #expect(pool.bytes(of: text, slot: 1).map(Array.init) == Array(text.utf8), "\(Array(text.utf8))")
        }
        let full = TextPool(slots: 1)
        for index in 0..<TextPool.capacity { #expect(full.bytes(of: "p\(index)", slot: 0) != nil) }
        #expect(full.bytes(of: "one more", slot: 0) == nil)
        #expect(full.bytes(of: "p7", slot: 0).map(Array.init) == Array("p7".utf8))
    }
}
