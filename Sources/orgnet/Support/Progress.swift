import Foundation

/// Progress for long work, on standard error, only when standard error is a terminal:
///
///     [12/13] rendering 1917-10
///
/// Each step rewrites the line (`\r`, then clears to the end of the line); ``finish()`` erases it,
/// so nothing of it is left among the command's own messages. When standard error is not a terminal
/// (piped, redirected, CI logs) every call does nothing. Commands with long loops (gallery, generate,
/// export --all -T dot, big inputs) make one, call ``step(_:)`` before each item, then ``finish()``.
///
///     let progress = Progress(total: months.count, verb: "rendering")
///     for m in months { progress.step(m.description); ... }
///     progress.finish()
final class Progress {
    let total: Int
    let verb: String
    let enabled: Bool
    private(set) var done = 0
    private var drawn = false

    /// `enabled` defaults to ``Terminal/progressEnabled(environment:isTerminal:)``.
    init(total: Int, verb: String, enabled: Bool = Terminal.progressEnabled()) {
        self.total = total
        self.verb = verb
        self.enabled = enabled
    }

    /// The line for step `index` (1-based) on `item`: `[12/13] rendering 1917-10`.
    static func line(_ index: Int, of total: Int, verb: String, item: String) -> String {
        "[\(index)/\(total)] \(verb) \(item)"
    }

    /// Announces the next item.
    func step(_ item: String) {
        done += 1
        guard enabled else { return }
        write("\r" + Self.line(done, of: total, verb: verb, item: item) + "\u{1B}[K")
        drawn = true
    }

    /// Erases the progress line (call before printing results or errors, and at the end).
    func finish() {
        guard enabled, drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
