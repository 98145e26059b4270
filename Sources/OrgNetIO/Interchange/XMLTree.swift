import Foundation
import OrgNet

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element with the line it starts on, for importers that must name `file:line`.
struct XMLElementNode {
    var name: String
    var attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""
    var line: Int

    /// The children with this local name (namespace prefixes ignored).
    func children(_ local: String) -> [XMLElementNode] { children.filter { $0.localName == local } }
    /// The first child with this local name.
    func child(_ local: String) -> XMLElementNode? { children.first { $0.localName == local } }
    /// The name without a namespace prefix.
    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }
}

/// Parses XML with Foundation's `XMLParser` (external entities are not resolved) into a tree.
enum XMLTree {
    /// Parses XML already held to the input limits (``read(path:)`` reads with them).
    static func parse(_ data: Data, file: String) throws(OrgNetError) -> XMLElementNode {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil {
            let line = parser.lineNumber > 0 ? parser.lineNumber : nil
            let column = parser.columnNumber > 0 ? parser.columnNumber : nil
            let reason = builder.failure ?? parser.parserError.map { describe($0) } ?? "no root element"
            throw OrgNetError(.badData, "malformed XML: \(reason)", at: .init(file: file, line: line, column: column))
        }
        return builder.root!
    }

    private static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let reason = ns.userInfo[NSLocalizedDescriptionKey] as? String, !reason.isEmpty { return reason }
        return "parser error \(ns.code)"
    }

    /// Loads a file's bytes under `limits`' file size; a missing or unreadable file is a
    /// missing-input error.
    static func read(path: String, limits: InputLimits) throws(OrgNetError) -> Data {
        try InputFile.read(path, limit: limits.maxFileBytes, what: "an XML file")
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    weak var parser: XMLParser?
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var failure: String?
    let maximumDepth = 64

    init(parser: XMLParser) { self.parser = parser }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if stack.count >= maximumDepth {
            failure = "elements nested deeper than \(maximumDepth)"
            parser.abortParsing()
            return
        }
        stack.append(XMLElementNode(name: elementName, attributes: attributeDict, line: parser.lineNumber))
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard let done = stack.popLast() else { return }
        if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
