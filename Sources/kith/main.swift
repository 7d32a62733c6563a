import Foundation
import KithCLI

exit(KithCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()).rawValue)
