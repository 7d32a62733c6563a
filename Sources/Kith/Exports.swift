// The `Kith` library product: one import for apps that embed Kith.
@_exported import KithArchive
@_exported import KithCore
@_exported import KithImport
@_exported import KithPipeline
@_exported import KithReports
@_exported import KithStatistics
@_exported import KithStore
