// KithStatistics: work in progress.
