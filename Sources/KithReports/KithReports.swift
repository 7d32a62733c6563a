// KithReports: work in progress.
