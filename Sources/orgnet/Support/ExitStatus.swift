import ArgumentParser
import Foundation
import OrgNet
import OrgNetIO

/// The one place library errors become what the command line shows: a BSD sysexits status
/// (README "Exit status", docs/command-line.md) and a message that names the flag that would
/// help. The libraries throw semantic errors and know no flags (docs/design.md §1).
struct ExitStatus {
    /// The process exit status.
    let code: Int32
    /// The text printed after `orgnet: ` on standard error.
    let message: String

    /// The status and message for a library error.
    init(for error: OrgNetError) {
        code = Self.status(error.code)
        if error.remedy == .listOrganizations {
            var e = error
            e.hints.append("`orgnet orgs` lists every organization's id, name and kind")
            message = e.description
        } else {
            message = error.describe(remedyText: Self.remedyText(error))
        }
    }

    /// EX_USAGE: a bad argument.
    static let usage: Int32 = 64
    /// EX_DATAERR: input whose content is wrong or too large.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: an input that does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// EX_SOFTWARE: a bug or an internal failure.
    static let software: Int32 = 70
    /// EX_CANTCREAT: an output that cannot be written.
    static let cannotCreate: Int32 = 73

    /// The exit status of each kind of library error.
    static func status(_ code: OrgNetError.Code) -> Int32 {
        switch code {
        case .invalidArgument: return usage
        case .badData, .limitExceeded: return dataError
        case .missingInput: return noInput
        case .internalError: return software
        case .cannotWrite: return cannotCreate
        case .noResult: return 1
        }
    }

    /// The flag that raises an input limit.
    static func flag(_ kind: InputLimits.Kind) -> String {
        switch kind {
        case .fileBytes: return "--max-bytes"
        case .nodes: return "--max-nodes"
        case .ties: return "--max-ties"
        case .labelLength: return "--max-label"
        }
    }

    /// What to type to get past the error, when the library said what would help.
    static func remedyText(_ error: OrgNetError) -> String? {
        if case .limitExceeded(let kind, _, _) = error.code { return "\(flag(kind)) raises it" }
        switch error.remedy {
        case .raiseTimeout?: return "--timeout SECONDS raises the limit"
        case .chooseAnotherLayout?: return "--layout chooses another layout"
        case .readAsUndirected?: return "--undirected reads all as undirected"
        case .nameFormat?: return "give --from \(NetworkFormat.allCases.map(\.rawValue).joined(separator: "|"))"
        case .nameMonth?: return "pass --month YYYY-MM"
        case .listOrganizations?: return "`orgnet orgs` lists every organization's id, name and kind"
        case nil: return nil
        }
    }

    /// Prints the message on standard error, as every orgnet error is printed.
    func report() {
        FileHandle.standardError.write(Data("orgnet: \(message)\n".utf8))
    }

    /// The parser's exit code for this status.
    var exitCode: ExitCode { ExitCode(code) }
}
