// KithTestSupport: work in progress.
