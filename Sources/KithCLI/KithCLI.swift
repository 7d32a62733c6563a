// KithCLI
