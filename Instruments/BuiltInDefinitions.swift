// The instrument definitions shipped with Kith, compiled into the binary.
//
// Each JSON file in this folder is an `.embedInCode` resource (see Package.swift),
// so the `kith` executable needs no files beside it. SwiftPM names each embedded
// file after its file name; list a new definition here. A meta-test
// (`InstrumentFolderTests`) fails when a file in this folder is missing here.

/// The bytes of every built-in instrument definition, keyed by file name.
public enum BuiltInDefinitions {
    /// `(file name, JSON bytes)` for each definition, in file-name order.
    public static let files: [(name: String, bytes: [UInt8])] = [
        ("djg6.json", PackageResources.djg6_json),
        ("lsns6.json", PackageResources.lsns6_json),
        ("ons-loneliness-child.json", PackageResources.ons_loneliness_child_json),
        ("ons-loneliness.json", PackageResources.ons_loneliness_json),
        ("ons4.json", PackageResources.ons4_json),
        ("swemwbs.json", PackageResources.swemwbs_json),
        ("wemwbs.json", PackageResources.wemwbs_json)
    ]
}
