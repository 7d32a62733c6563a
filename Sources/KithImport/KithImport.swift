// KithImport: work in progress.
