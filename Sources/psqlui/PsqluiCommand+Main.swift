import ArgumentParser
import FoundationEssentials
import Glibc
import PsqluiCore

extension PsqluiCommand {
    /// Parses and runs like `ParsableCommand.main()`, except that a command line psql
    /// would reject exits 1 as psql does (ArgumentParser's own status is 64), with
    /// psql's hint line. Help and version requests still exit 0.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let text = "psqlui: error: \(message(for: error))\n"
                + "psqlui: hint: Try \"psqlui --help\" for more information.\n"
            StandardStreams.writeError(text)
            Glibc.exit(1)
        }
    }
}
