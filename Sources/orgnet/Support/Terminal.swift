import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the standard streams are connected to, and whether to decorate output for a person.
///
/// Colour goes to standard output only when it is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`. Progress goes to standard error only when it
/// is a terminal (and `TERM` is not `dumb`). Piped or redirected output is never decorated.
///
/// For tests only: `ORGNET_FORCE_COLOR=1` treats standard output as a terminal for colour
/// (`NO_COLOR` still wins), and `ORGNET_FORCE_PROGRESS=1` treats standard error as a terminal
/// for progress.
enum Terminal {
    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Whether tables on standard output may use colour and bold.
    static func colorEnabled(
        environment env: [String: String] = ProcessInfo.processInfo.environment,
        isTerminal: Bool = Terminal.isTerminal(STDOUT_FILENO)
    ) -> Bool {
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["ORGNET_FORCE_COLOR"] == "1" { return true }
        if env["TERM"] == "dumb" { return false }
        return isTerminal
    }

    /// Whether progress lines may be drawn on standard error.
    static func progressEnabled(
        environment env: [String: String] = ProcessInfo.processInfo.environment,
        isTerminal: Bool = Terminal.isTerminal(STDERR_FILENO)
    ) -> Bool {
        if env["ORGNET_FORCE_PROGRESS"] == "1" { return true }
        if env["TERM"] == "dumb" { return false }
        return isTerminal
    }

    /// SGR sequences used by tables.
    enum Style: String {
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
        static let reset = "\u{1B}[0m"
    }

    /// `text` wrapped in `style` when `enabled`, else `text` unchanged.
    static func styled(_ text: String, _ style: Style, enabled: Bool) -> String {
        enabled && !text.isEmpty ? style.rawValue + text + Style.reset : text
    }
}
