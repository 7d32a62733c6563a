// KithCore: work in progress.
