import KithCore

/// Distinct byte strings with a value each, numbered in the order first seen.
///
/// Imports look up the same few texts (waves, providers) on every row: the last
/// one found is tried first, a handful are found by comparing bytes, and only
/// past `scanLimit` distinct texts is a dictionary kept (hashing `[UInt8]` goes
/// byte by byte, and makes an array per lookup). Texts are told apart by their
/// bytes, not by `String`'s `==` (which equates canonically equivalent spellings).
///
/// Inlinable, so that other modules' imports get it specialised.
package struct TextTable<Value> {
    @usableFromInline var storedKeys: [[UInt8]] = []
    @usableFromInline var storedValues: [Value] = []
    /// The texts, in the order first seen.
    @inlinable package var keys: [[UInt8]] { storedKeys }
    /// Their values.
    @inlinable package var values: [Value] { storedValues }
    @usableFromInline var numbers: [[UInt8]: Int] = [:]
    @usableFromInline var last = -1
    @usableFromInline static var scanLimit: Int { 16 }

    @inlinable package init() {}

    @inlinable package var count: Int { keys.count }

    /// The index of `bytes`, added with the value `make` gives when new.
    @inlinable
    package mutating func index(of bytes: UnsafeBufferPointer<UInt8>, make: (_ bytes: [UInt8]) -> Value) -> Int {
        if last >= 0, sameBytes(storedKeys[last], bytes) { return last }
        if keys.count <= Self.scanLimit {
            for index in keys.indices where sameBytes(storedKeys[index], bytes) {
                last = index
                return index
            }
        } else if let found = numbers[Array(bytes)] {
            last = found
            return found
        }
        let key = Array(bytes)
        storedKeys.append(key)
        storedValues.append(make(key))
        if keys.count > Self.scanLimit {
            if numbers.isEmpty { for (index, key) in keys.enumerated() { numbers[key] = index } } else { numbers[key] = keys.count - 1 }
        }
        last = keys.count - 1
        return last
    }

    /// The value of `bytes`, added when new.
    @inlinable
    package mutating func value(of bytes: UnsafeBufferPointer<UInt8>, make: (_ bytes: [UInt8]) -> Value) -> Value {
        storedValues[index(of: bytes, make: make)]
    }

    @inlinable
    package mutating func setValue(_ value: Value, at index: Int) { storedValues[index] = value }
}
