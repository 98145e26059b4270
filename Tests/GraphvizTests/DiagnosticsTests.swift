import Foundation
import Testing

@testable import Graphviz

@Suite(.serialized) struct DiagnosticsTests {
    /// Runs `body` with fd 2 redirected to a temporary file and returns what was written.
    func capturingStderr(_ body: () throws -> Void) rethrows -> String {
        let path = NSTemporaryDirectory() + "orgnet-stderr-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = dup(2)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        dup2(fd, 2)
        close(fd)
        defer {
            dup2(saved, 2)
            close(saved)
        }
        try body()
        fflush(nil)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func warningsAreCapturedNotPrinted() throws {
        var result: RenderResult?
        let spec = GraphSpec(
            nodes: [.init(id: "a", attributes: ["shape": "nosuchshape"]), .init(id: "b")],
            edges: [.init(tail: "a", head: "b")])
        let printed = try capturingStderr {
            result = try GraphvizEngine.shared.renderResult(spec)
            _ = try? GraphvizEngine.shared.parse(dot: "digraph {\n a -> ;\n}")
            _ = try? GraphvizEngine.shared.parse(dot: "digraph { a } digraph { b }")
        }
        // Swift Testing itself may write progress of other suites to fd 2 meanwhile, so
        // look for Graphviz's words rather than demanding silence.
        for word in ["nosuchshape", "syntax error", "Warning:", "Error:"] {
            #expect(!printed.contains(word), "printed: \(printed)")
        }
        let warning = try #require(result?.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("nosuchshape"))
    }

    @Test func multiPieceMessagesAreAssembled() {
        let text =
            "Error" + ": " + "syntax error in line 3 near ';'\n" + "Warning" + ": "
            + "cell size too small for content\n" + "in label of node a\n"
        let diagnostics = Diagnostic.parse(text)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0] == Diagnostic(severity: .error, message: "syntax error in line 3 near ';'"))
        #expect(diagnostics[0].line == 3)
        #expect(diagnostics[1].message == "cell size too small for content\nin label of node a")
    }

    @Test func errorDescriptionAndCodes() {
        let e = GraphvizError(code: .syntax, message: "syntax error in line 3 near ';'", line: 3)
        #expect(e.description == "syntax: syntax error in line 3 near ';' (line 3)")
        #expect(GraphvizError.Code(rawValue: "custom") != .syntax)
    }
}
