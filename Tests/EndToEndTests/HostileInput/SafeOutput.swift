import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks an output file (SVG, XHTML, or HTML) for active content: `script` (and `iframe`,
/// `object`, `embed`, `foreignObject`) elements, `on*` event-handler attributes, and
/// `javascript:`/`data:`/`vbscript:` URLs in any link attribute (`href`, `xlink:href`, `src`,
/// `action`, `formaction`, `style` `url(...)`). Works on any file a command writes, so render,
/// export, and later compare, gallery and report outputs are all checked the same way.
enum SafeOutput {
    struct Finding: CustomStringConvertible, Equatable {
        var what: String
        var description: String { what }
    }

    static let forbiddenElements: Set<String> = [
        "script", "iframe", "object", "embed", "foreignobject", "handler", "listener",
    ]
    static let linkAttributes: Set<String> = [
        "href", "xlink:href", "src", "action", "formaction", "data", "srcdoc", "poster", "background",
    ]

    /// The findings in the file at `url`; an XML parse failure is itself a finding for `.svg`
    /// and `.xml`/`.xhtml`; other HTML falls back to a tag scanner.
    static func check(fileAt url: URL) throws -> [Finding] {
        let data = try Data(contentsOf: url)
        let ext = url.pathExtension.lowercased()
        if ext == "json" {
            // Data for programs, never a page: it only has to be valid JSON.
            return (try? JSONSerialization.jsonObject(with: data)) == nil ? [Finding(what: "not valid JSON")] : []
        }
        return check(data, strictXML: ["svg", "xml", "xhtml", "graphml", "gexf"].contains(ext))
    }

    /// XML (SVG, GraphML, GEXF, XHTML) goes through `XMLParser`, and must be well-formed; other
    /// HTML through a tag scanner. Both also look for stylesheet processing instructions.
    static func check(_ data: Data, strictXML: Bool) -> [Finding] {
        let text = String(decoding: data, as: UTF8.self)
        var findings: [Finding] = []
        if text.range(of: "<?xml-stylesheet", options: .caseInsensitive) != nil {
            findings.append(Finding(what: "<?xml-stylesheet?> instruction"))
        }
        guard strictXML else { return findings + scanHTML(text) }
        let delegate = Walker()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        findings += delegate.findings
        if !ok || delegate.error != nil {
            findings.append(
                Finding(
                    what:
                        "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? delegate.error ?? "?") at line \(parser.lineNumber)"
                ))
        }
        return findings
    }

    static func isScriptURL(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return squeezed.hasPrefix("javascript:") || squeezed.hasPrefix("data:") || squeezed.hasPrefix("vbscript:")
    }

    static func checkElement(_ name: String, _ attributes: [String: String]) -> [Finding] {
        var out: [Finding] = []
        let lower = name.lowercased()
        let local = lower.split(separator: ":").last.map(String.init) ?? lower
        if forbiddenElements.contains(local) { out.append(Finding(what: "<\(name)> element")) }
        for (k, v) in attributes {
            let key = k.lowercased()
            let localKey = key.split(separator: ":").last.map(String.init) ?? key
            if localKey.hasPrefix("on") { out.append(Finding(what: "\(k)= handler on <\(name)>")) }
            if (linkAttributes.contains(key) || linkAttributes.contains(localKey)) && isScriptURL(v) {
                out.append(Finding(what: "\(k)=\"\(v.prefix(40))\" on <\(name)>"))
            }
            if key == "style", v.lowercased().contains("javascript:") || v.lowercased().contains("expression(") {
                out.append(Finding(what: "script in style on <\(name)>"))
            }
        }
        return out
    }

    final class Walker: NSObject, XMLParserDelegate {
        var findings: [Finding] = []
        var error: String?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = "\(parseError)" }
        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            findings += SafeOutput.checkElement(qName ?? elementName, attributeDict)
        }
    }

    /// For HTML that is not XML: every `<tag attr=...>` start tag, parsed loosely.
    static func scanHTML(_ text: String) -> [Finding] {
        var out: [Finding] = []
        let tag = try! NSRegularExpression(pattern: #"<\s*([A-Za-z][A-Za-z0-9:-]*)([^>]*)>"#)
        let attr = try! NSRegularExpression(pattern: #"([^\s"'=/<>]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?"#)
        let ns = text as NSString
        for m in tag.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 1))
            let rest = ns.substring(with: m.range(at: 2)) as NSString
            var attrs: [String: String] = [:]
            for a in attr.matches(in: rest as String, range: NSRange(location: 0, length: rest.length)) {
                let k = rest.substring(with: a.range(at: 1))
                var v = a.range(at: 2).location == NSNotFound ? "" : rest.substring(with: a.range(at: 2))
                if v.hasPrefix("\"") || v.hasPrefix("'") { v = String(v.dropFirst().dropLast()) }
                attrs[k] = v.replacingOccurrences(of: "&#58;", with: ":").replacingOccurrences(of: "&colon;", with: ":")
            }
            out += checkElement(name, attrs)
        }
        return out
    }
}
