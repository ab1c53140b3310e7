import ArgumentParser
import PsqluiCore

/// `-P NAME=VALUE` (psql's `\pset` from the command line), through the one settings model.
enum PsetOption {
    static func apply(name: String, value: String?, to settings: inout PrintSettings) throws {
        do {
            try settings.applyPset(name, value)
        } catch let error as PrintSettings.PsetError {
            throw ValidationError(error.description)
        }
    }
}
