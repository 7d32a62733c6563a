import KithStore
import Testing

@Suite("HMAC-SHA256")
struct HMACTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: [UInt8]
        let data: [UInt8]
        let mac: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    /// RFC 4231 section 4, test cases 1-7 (HMAC-SHA-256 rows).
    static let vectors: [Case] = [
        Case(
            number: 1, key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Case(
            number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
            mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Case(
            number: 3, key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Case(
            number: 4, key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
            mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // Truncated to 128 bits in the RFC.
        Case(
            number: 5, key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
            mac: "a3b6167473100ee06e0c796c2955552b"),
        Case(
            number: 6, key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Case(
            number: 7, key: [UInt8](repeating: 0xaa, count: 131),
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    ]

    @Test(arguments: vectors)
    func rfc4231(_ testCase: Case) {
        let mac = HMACSHA256.authenticationCode(for: testCase.data, key: testCase.key)
        #expect(mac.count == 32)
        // Case 5 gives only the first 128 bits.
        #expect(hex(Array(mac.prefix(testCase.mac.count / 2))) == testCase.mac)
    }

    @Test("streaming split at every position equals one-shot", arguments: vectors)
    func streaming(_ testCase: Case) {
        let expected = HMACSHA256.authenticationCode(for: testCase.data, key: testCase.key)
        for split in 0...testCase.data.count {
            var mac = HMACSHA256(key: testCase.key)
            mac.update(testCase.data[..<split])
            mac.update(testCase.data[split...])
            #expect(mac.finalize() == expected, "split at \(split)")
        }
    }

    /// Expected MACs from:
    /// python3 -c 'import hashlib, hmac
    /// p = lambda n, m, a: bytes((i*m+a) % 256 for i in range(n))
    /// for k in [0,1,32,63,64,65,200]: print(k, hmac.new(p(k,17,3), p(100,31,7), hashlib.sha256).hexdigest())'
    @Test(
        "matches Python hmac for keys around the block size",
        arguments: [
            (0, "2bc6d2c066d3deec1e27ef71f4690e4ef28cac53b8844cf2fc2407bf232d0659"),
            (1, "a47895f3c2c80c5da60bdb8ccf6da1de08a3f850782af9ab8e5617f8bae5f44a"),
            (32, "b2de26eb1c16c9efd95aa6af22bf5662f559583688dd56185b158d22f853d6b0"),
            (63, "ecc8425718c3bee315c245f407d4a39ec1b8423393a81e06649385b06100df3f"),
            (64, "5172922542ef03ff37f788c08186f367ba0257692d1ed858b04491f39039dfb4"),
            (65, "65226dc6dcb9e24c130b0aa2c52a47d7c934848dc979ae9249123447ac8c43fc"),
            (200, "69fa011488b22995368bb957aacb2c6e03d853bbd095eb3f14358ee15ab49cd9")
        ])
    func pythonCrossCheck(keyLength: Int, mac: String) {
        let key = pattern(keyLength, multiplier: 17, addend: 3)
        #expect(hex(HMACSHA256.authenticationCode(for: pattern(100), key: key)) == mac)
    }
}
