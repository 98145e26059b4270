import Foundation
import OrgNetIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process-wide signal set-up, the tool's and not the libraries' (docs/design.md §1):
/// installed once at start-up by ``OrgNetCommand/main()``.
enum Signals {
    /// Ignores SIGPIPE, so a write to a closed pipe is reported (exit 73) rather than silently
    /// ending the process, and makes SIGINT, SIGTERM and SIGHUP remove the temporary files of
    /// writes in flight (``InterruptCleanup``) before ending the process as the signal would: an
    /// interrupted gallery or export leaves only complete files.
    static func install() {
        signal(SIGPIPE, SIG_IGN)
        InterruptCleanup.prepare()
        // A parent may have started us with these signals blocked or ignored (test runners do);
        // a tool that cleans up on interrupt must also receive the interrupt.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, handler)
            sigaddset(&set, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Removes the pending temporary files, then lets the signal end the process.
    private static let handler: @convention(c) (Int32) -> Void = { sig in
        InterruptCleanup.removePendingFiles()
        signal(sig, SIG_DFL)
        // The signal is blocked while its handler runs: unblock it so raising it ends the process now.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
    }
}
