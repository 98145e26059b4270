// swift-tools-version:6.0
import PackageDescription

// Layering (arrows point down only; the reason for each arrow: docs/design.md §1):
//   orgnet (CLI) -> OrgNetRender -> OrgNet -> GraphKit
//                              \-> Graphviz -> CGraphviz (the only importer of the C library)
//   orgnet (CLI) -> OrgNetBuiltIn -> OrgNet   (the datasets of Graphs/, compiled in at build time)
//   EmbedDatasets (plugin) runs orgnet-embed -> OrgNet's YAML loader; its output is compiled into
//   OrgNetBuiltIn, which therefore cannot be the loader's own module (docs/design.md §8)
let package = Package(
    name: "orgnet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgnet", targets: ["orgnet"]),
        .library(name: "OrgNet", targets: ["OrgNet"]),
        .library(name: "OrgNetBuiltIn", targets: ["OrgNetBuiltIn"]),
        .library(name: "OrgNetRender", targets: ["OrgNetRender"]),
        .library(name: "GraphKit", targets: ["GraphKit"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "Graphviz", dependencies: ["CGraphviz"]),
        .target(name: "GraphKit"),
        .target(name: "OrgNet", dependencies: ["GraphKit", "Graphviz", "Yams"]),
        .target(name: "OrgNetRender", dependencies: ["OrgNet", "GraphKit", "Graphviz"]),
        // Built-in datasets, compiled at build time (docs/design.md §8): the plugin declares the
        // YAML files of Graphs/ as inputs and runs orgnet-embed, which loads them with the
        // project's YAML loader (so it depends on TimelineLoader's module: OrgNet today, OrgNetIO
        // once the readers move there) and writes
        // Swift values into OrgNetBuiltIn. OrgNetBuiltIn needs only the model types, no YAML.
        .executableTarget(name: "orgnet-embed", dependencies: ["OrgNet"]),
        .plugin(name: "EmbedDatasets", capability: .buildTool(), dependencies: ["orgnet-embed"]),
        .target(name: "OrgNetBuiltIn", dependencies: ["OrgNet"], plugins: ["EmbedDatasets"]),
        .executableTarget(
            name: "orgnet",
            dependencies: [
                "OrgNet", "OrgNetBuiltIn", "OrgNetRender", "GraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
        .testTarget(name: "GraphKitTests", dependencies: ["GraphKit"], resources: [.copy("Golden")]),
        .testTarget(name: "OrgNetTests", dependencies: ["OrgNet", "OrgNetBuiltIn"]),
        .testTarget(name: "OrgNetRenderTests", dependencies: ["OrgNetRender", "OrgNetBuiltIn"]),
        .testTarget(name: "CompareTests", dependencies: ["OrgNetRender", "OrgNetBuiltIn"]),
        // Runs the built binary for the end-to-end suites (a plain target: test targets cannot share code).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["OrgNet", "TestSupport"]),
        .testTarget(name: "InterchangeTests", dependencies: ["OrgNet", "OrgNetBuiltIn", "OrgNetRender"]),
        .testTarget(name: "MeasuresTests", dependencies: ["OrgNet"]),
        .testTarget(name: "DocsTests", dependencies: ["OrgNet", "OrgNetBuiltIn", "OrgNetRender", "GraphKit"]),
        .testTarget(name: "HostileInputTests", dependencies: ["TestSupport"]),
        .testTarget(name: "PerfTests", dependencies: ["OrgNet", "OrgNetRender", "GraphKit", "Graphviz"]),
    ],
    swiftLanguageModes: [.v6]
)
