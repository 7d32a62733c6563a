// KithStore: work in progress.
