import Foundation
import KithCore
import KithStore
import Testing

@Suite("Owner-only files")
struct FileSecurityTests {
    @Test("createOwnerOnlyFile makes a 0600 file and never overwrites one")
    func create() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/private"
            try FileSecurity.createOwnerOnlyFile(atPath: path, contents: Array("first".utf8))
            #expect(try posixPermissions(path) == 0o600)
            #expect(try FileSecurity.permissions(of: path) == .ownerReadWrite)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")

            let error = try #require(throws: SystemCallError.self) {
                try FileSecurity.createOwnerOnlyFile(atPath: path, contents: Array("second".utf8))
            }
            #expect(error.isFileExists)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        }
    }

    @Test("permissions(of:) reads the mode; ensureOwnerOnly strips group and other bits")
    func repair() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/data"
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
            for (mode, repaired) in [(0o644, 0o600), (0o666, 0o600), (0o755, 0o700), (0o640, 0o600), (0o400, 0o400)] {
                try setPosixPermissions(mode, path)
                let before = try FileSecurity.permissions(of: path)
                #expect(before.rawValue == UInt32(mode))
                #expect(before.isOwnerOnly == (mode & 0o077 == 0))
                #expect(try FileSecurity.ensureOwnerOnly(path: path) == (mode != repaired))
                #expect(try posixPermissions(path) == repaired)
                #expect(try FileSecurity.ensureOwnerOnly(path: path) == false)
            }
            #expect(FilePermissions(rawValue: 0o644).description == "0644")
            #expect(FilePermissions(rawValue: 0o100600).description == "0600") // type bits dropped
            #expect(throws: SystemCallError.self) { try FileSecurity.permissions(of: directory + "/missing") }
        }
    }
}

@Suite("Store secret and pseudonyms")
struct StoreSecretTests {
    @Test("a new secret is 32 random bytes in a 0600 hex file beside the store, and stays the same")
    func createAndReload() throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/kith.sqlite"
            let secret = try StoreSecret.loadOrCreate(besides: store)
            let path = StoreSecret.path(besides: store)
            #expect(path == directory + "/kith.sqlite.secret")
            #expect(secret.count == 32)
            #expect(Set(secret).count > 8) // not all one byte
            #expect(try posixPermissions(path) == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == Hex.encode(secret) + "\n")
            #expect(try StoreSecret.loadOrCreate(besides: store) == secret)
            #expect(try StoreSecret.loadOrCreate(besides: directory + "/other.sqlite") != secret)
            // No temporary files left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["kith.sqlite.secret", "other.sqlite.secret"])
        }
    }

    @Test("a secret file readable or writable by group or others is refused, not repaired", arguments: [0o644, 0o604, 0o640, 0o620, 0o666])
    func refusesInsecureSecret(mode: Int) throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/kith.sqlite"
            let path = StoreSecret.path(besides: store)
            let secret = try StoreSecret.loadOrCreate(besides: store)
            try setPosixPermissions(mode, path)

            let error = try #require(throws: StoreSecretError.self) { try StoreSecret.loadOrCreate(besides: store) }
            guard case .insecurePermissions(let reportedPath, let permissions) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reportedPath == path)
            #expect(permissions.rawValue == UInt32(mode))
            #expect(error.description.contains("chmod 600"))
            #expect(!error.description.contains(Hex.encode(secret)))
            // Left exactly as it was.
            #expect(try posixPermissions(path) == mode)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == Hex.encode(secret) + "\n")

            try setPosixPermissions(0o600, path)
            #expect(try StoreSecret.loadOrCreate(besides: store) == secret)
        }
    }

    @Test("a damaged secret file or a directory in its place is refused, not replaced")
    func refusesMalformedSecret() throws {
        try withTemporaryDirectory { directory in
            let store = directory + "/kith.sqlite"
            let path = StoreSecret.path(besides: store)
            for contents in ["", "not hex\n", String(repeating: "ab", count: 31) + "\n", String(repeating: "ab", count: 33)] {
                try? FileManager.default.removeItem(atPath: path)
                try FileSecurity.createOwnerOnlyFile(atPath: path, contents: Array(contents.utf8))
                let error = try #require(throws: StoreSecretError.self) { try StoreSecret.loadOrCreate(besides: store) }
                guard case .malformed = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(try String(contentsOfFile: path, encoding: .utf8) == contents)
            }

            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            let error = try #require(throws: StoreSecretError.self) { try StoreSecret.loadOrCreate(besides: store) }
            guard case .notARegularFile = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    /// Expected keys from:
    /// python3 -c 'import hashlib, hmac
    /// for ns, i in [("respondent", "R-00042"), ("person", "Siân Ó Dálaigh")]:
    ///     print(hmac.new(bytes(range(32)), (ns + "\0" + i).encode(), hashlib.sha256).hexdigest())'
    @Test("pseudonym = hex HMAC-SHA256(secret, namespace NUL identifier)")
    func pseudonyms() {
        let pseudonymizer = Pseudonymizer(secret: Array(0..<32))
        let respondent = pseudonymizer.key("R-00042", namespace: "respondent")
        #expect(respondent == "9e13c15c83fe06c1233a57f11ef5624a28397b008410904f2a73bdc9ac34f0ec")
        #expect(pseudonymizer.key("Siân Ó Dálaigh", namespace: "person") == "5f39186840185ba7f5b73c207998f133d43b48902943466e05d089669a84b2b7")
        #expect(pseudonymizer.key("R-00042", namespace: "respondent") == respondent)
        #expect(pseudonymizer.key("R-00042", namespace: "person") != respondent)
        #expect(Pseudonymizer(secret: Array(1...32)).key("R-00042", namespace: "respondent") != respondent)
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(pseudonymizer.key("c", namespace: "ab") != pseudonymizer.key("bc", namespace: "a"))
    }

    /// What imports store: the first 16 bytes, written in place. Expected keys from the
    /// command above, and for the id within its wave:
    /// python3 -c 'import hashlib, hmac; print(hmac.new(bytes(range(32)), b"respondent\0R-00042\0baseline", hashlib.sha256).hexdigest())'
    @Test("appendKey writes the first bytes of the same keys, with a wave after NUL")
    func appendedKeys() {
        let pseudonymizer = Pseudonymizer(secret: Array(0..<32))
        var bytes: [UInt8] = [0xAA]
        Array("R-00042".utf8).withUnsafeBytes { pseudonymizer.appendKey(of: $0, namespace: "respondent", length: 16, to: &bytes) }
        #expect(bytes == [0xAA] + Hex.decode("9e13c15c83fe06c1233a57f11ef5624a")!)
        bytes = []
        Array("R-00042".utf8).withUnsafeBytes { id in
            Array("baseline".utf8).withUnsafeBytes { wave in
                pseudonymizer.appendKey(of: id, suffix: wave, namespace: "respondent", length: 32, to: &bytes)
            }
        }
        #expect(Hex.encode(bytes) == "c00056d9a87b68a64b6c4a02407480873a8d3090b4bc7dc62de0fc8ee4582e6e")
        #expect(bytes == pseudonymizer.keyBytes(Array("R-00042\u{0}baseline".utf8), namespace: "respondent"))
    }
}
