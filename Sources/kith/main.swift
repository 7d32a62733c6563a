import KithCLI
