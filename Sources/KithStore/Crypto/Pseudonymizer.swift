/// Turns identifiers (respondent ids, names, emails) into stable keys that
/// can't be reversed or recomputed without the store secret:
/// `hex(HMAC-SHA256(secret, namespace + "\u{0}" + identifier))`.
///
/// The namespace keeps kinds of identifier apart, so respondent "42" and
/// person "42" get unrelated keys. The identifier's UTF-8 bytes are used as
/// given: trim and normalize it (case, Unicode form) before calling, if two
/// spellings should be the same person.
package struct Pseudonymizer: Sendable {
    /// Keyed once; each `key` call copies it (no re-keying per identifier).
    fileprivate let mac: HMACSHA256

    /// `secret` is the store secret (``StoreSecret/loadOrCreate(besides:)``);
    /// at least 16 bytes.
    package init(secret: [UInt8]) {
        precondition(secret.count >= 16, "a pseudonymization secret needs at least 16 bytes, got \(secret.count)")
        mac = HMACSHA256(key: secret)
    }

    /// The 64-hex-digit key of `identifier` in `namespace` (e.g. "respondent",
    /// "person"). `namespace` must not contain NUL: it is the separator.
    package func key(_ identifier: String, namespace: String) -> String {
        Hex.encode(keyBytes(identifier.utf8, namespace: namespace))
    }
}

extension Pseudonymizer {
    /// The 32-byte key of `identifier` in `namespace` (what `key(_:namespace:)` writes as hex).
    package func keyBytes(_ identifier: some Collection<UInt8>, namespace: String) -> [UInt8] {
        var mac = keyer(namespace: namespace).mac
        mac.update(identifier)
        return mac.finalize()
    }

    /// Appends the first `length` bytes (at most 32) of the key of `identifier`
    /// in `namespace` to `bytes`, allocating nothing. With a `suffix`, the
    /// identifier is `identifier + NUL + suffix` (a response id within its wave).
    /// The same bytes as `keyBytes(_:namespace:)` of that identifier.
    package func appendKey(
        of identifier: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer? = nil, namespace: String,
        length: Int, to bytes: inout [UInt8]
    ) {
        keyer(namespace: namespace).appendKey(of: identifier, suffix: suffix, length: length, to: &bytes)
    }

    /// A keyer for one namespace: the MAC already keyed with `namespace + NUL`, so an import
    /// keying a million identifiers hashes the namespace once.
    package func keyer(namespace: String) -> Keyer {
        precondition(!namespace.utf8.contains(0), "a pseudonym namespace must not contain NUL")
        var mac = self.mac
        mac.update(namespace.utf8)
        mac.update(CollectionOfOne(0))
        return Keyer(mac: mac)
    }

    /// Keys identifiers in one namespace (``Pseudonymizer/keyer(namespace:)``).
    package struct Keyer: Sendable {
        fileprivate let mac: HMACSHA256

        /// As ``Pseudonymizer/appendKey(of:suffix:namespace:length:to:)`` in this keyer's namespace.
        package func appendKey(of identifier: UnsafeRawBufferPointer, suffix: UnsafeRawBufferPointer? = nil, length: Int, to bytes: inout [UInt8]) {
            var mac = self.mac
            mac.update(identifier)
            if let suffix {
                withUnsafeBytes(of: UInt8(0)) { mac.update($0) }
                mac.update(suffix)
            }
            var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &digest) { output in
                mac.finalize(into: output)
                // As typed bytes: a slice of a raw buffer took the generic, slower append.
                bytes.append(
                    contentsOf: UnsafeBufferPointer(
                        start: output.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        count: min(length, HMACSHA256.byteCount)))
            }
        }
    }
}
