/// Runs `body` and returns the error it throws, or nil when it throws none: for tests that look
/// at an error's code, message and hints (typed throws keep the error's type, e.g. `OrgNetError`).
public func error<E: Error>(_ body: () throws(E) -> Void) -> E? {
    do { try body() } catch { return error }
    return nil
}
