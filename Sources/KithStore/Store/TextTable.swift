/// Distinct byte strings with a value each, numbered in the order first seen.
///
/// Imports look up the same few texts (waves, providers) on every row: the last
/// one found is tried first, a handful are found by comparing bytes, and only
/// past `scanLimit` distinct texts is a dictionary kept (hashing `[UInt8]` goes
/// byte by byte, and makes an array per lookup). Texts are told apart by their
/// bytes, not by `String`'s `==` (which equates canonically equivalent spellings).
public struct TextTable<Value> {
    public private(set) var keys: [[UInt8]] = []
    public private(set) var values: [Value] = []
    private var numbers: [[UInt8]: Int] = [:]
    private var last = -1
    static var scanLimit: Int { 16 }

    public init() {}

    public var count: Int { keys.count }

    /// The index of `bytes`, added with the value `make` gives when new.
    public mutating func index(of bytes: some Collection<UInt8>, make: (_ bytes: [UInt8]) -> Value) -> Int {
        if last >= 0, keys[last].elementsEqual(bytes) { return last }
        if keys.count <= Self.scanLimit {
            if let found = keys.firstIndex(where: { $0.elementsEqual(bytes) }) {
                last = found
                return found
            }
        } else if let found = numbers[Array(bytes)] {
            last = found
            return found
        }
        let key = Array(bytes)
        keys.append(key)
        values.append(make(key))
        if keys.count > Self.scanLimit {
            if numbers.isEmpty { for (index, key) in keys.enumerated() { numbers[key] = index } } else { numbers[key] = keys.count - 1 }
        }
        last = keys.count - 1
        return last
    }

    public mutating func setValue(_ value: Value, at index: Int) { values[index] = value }

    /// The value of `bytes`, added when new.
    public mutating func value(of bytes: some Collection<UInt8>, make: (_ bytes: [UInt8]) -> Value) -> Value {
        values[index(of: bytes, make: make)]
    }
}
