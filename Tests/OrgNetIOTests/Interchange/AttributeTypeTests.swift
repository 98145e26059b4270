import Foundation
import OrgNet
import OrgNetIO
import Testing

/// Declared attribute types survive a YAML dataset: `import` writes numbers and booleans as plain
/// YAML, the loader reads them back as those types, and exports declare them again.
@Suite struct AttributeTypeTests {
    static let graphML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="m" for="node" attr.name="members" attr.type="int"/>
          <key id="s" for="node" attr.name="size" attr.type="double"/>
          <key id="f" for="node" attr.name="founded" attr.type="boolean"/>
          <key id="n" for="node" attr.name="code" attr.type="string"/>
          <key id="w" for="edge" attr.name="letters" attr.type="long"/>
          <graph edgedefault="directed">
            <node id="a"><data key="m">10</data><data key="s">3.5</data><data key="f">true</data><data key="n">12</data></node>
            <node id="b"><data key="m">7</data><data key="s">4</data><data key="f">false</data><data key="n">x</data></node>
            <edge source="a" target="b"><data key="w">3</data></edge>
          </graph>
        </graphml>
        """

    @Test func typesSurviveTheYAMLDatasetAndReExport() throws {
        let folder = tempFolder("typed")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = (folder as NSString).appendingPathComponent("typed.graphml")
        try Self.graphML.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try GraphML.read(path: file, month: Month("1900-01"))
        let expected = [
            "node:members": "long", "node:size": "double", "node:founded": "boolean", "edge:letters": "long",
        ]
        #expect(t.attributeTypes == expected)

        let out = (folder as NSString).appendingPathComponent("dataset")
        try TimelineWriter.write(t, to: out)
        let yaml = try String(
            contentsOfFile: (out as NSString).appendingPathComponent("organizations.yaml"), encoding: .utf8)
        // Plain YAML numbers and booleans; the whole double gets a float tag; text stays quoted.
        #expect(
            yaml.contains("\"members\": 10") && yaml.contains("\"size\": 3.5") && yaml.contains("\"founded\": true"))
        #expect(yaml.contains("\"size\": !!float \"4\""))
        #expect(yaml.contains("\"code\": \"12\""))

        let back = try TimelineLoader.load(path: out)
        #expect(back.attributeTypes == expected)
        expectSameNetwork(t, back)

        // Re-export declares the types again.
        let again = GraphML.write(try back.snapshot(at: #require(back.months.first)))
        #expect(again.contains("attr.name=\"attr.members\" attr.type=\"long\""))
        #expect(GEXF.write(back).contains("title=\"attr.size\" type=\"double\""))
    }

    @Test func handWrittenYAMLTypesFollowTheValues() throws {
        let folder = tempFolder("typed-yaml")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = (folder as NSString).appendingPathComponent("d.yaml")
        try """
        id: d
        months: [1900-01]
        kinds: [{id: other, name: Other, level: base}]
        organizations:
          - {id: a, name: A, kind: other, attributes: {n: 1, x: 1, q: "2", ok: true}, status: assumption, confidence: low}
          - {id: b, name: B, kind: other, attributes: {n: 2, x: 2.5, q: "3", ok: false}, status: assumption, confidence: low}
        ties: []
        observations: []
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try TimelineLoader.load(path: file)
        // Whole numbers: long; whole and fractional together: double; quoted: text.
        #expect(t.attributeTypes == ["node:n": "long", "node:x": "double", "node:ok": "boolean"])
        #expect(t.organization("b")?.attributes["x"] == "2.5")
    }
}
