// swift-tools-version:6.0
import PackageDescription

// Layering (arrows point down only; the reason for each arrow: docs/design.md §1):
//   orgnet (CLI) -> OrgNetRender -> OrgNetIO -> OrgNet -> GraphKit
//                        |              |-> Yams (internal import)
//                        \--------------+-> Graphviz -> CGraphviz (the only importer of the C library)
//   orgnet (CLI) -> OrgNetBuiltIn -> OrgNet   (the datasets of Graphs/, compiled in at build time)
// OrgNet (model, timeline, measures, checker) needs neither Yams nor libgvc; OrgNetIO reads and
// writes files (YAML, DOT, interchange formats). The EmbedDatasets plugin runs orgnet-embed, which
// loads Graphs/ with OrgNetIO's YAML loader; its output is compiled into OrgNetBuiltIn, which
// therefore cannot be the loader's own module (docs/design.md §8).
let package = Package(
    name: "orgnet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgnet", targets: ["orgnet"]),
        .library(name: "OrgNet", targets: ["OrgNet"]),
        .library(name: "OrgNetIO", targets: ["OrgNetIO"]),
        .library(name: "OrgNetBuiltIn", targets: ["OrgNetBuiltIn"]),
        .library(name: "OrgNetRender", targets: ["OrgNetRender"]),
        .library(name: "GraphKit", targets: ["GraphKit"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Runs the layout child (timeouts, exit status or signal, stderr); docs/design.md §2.
        .package(url: "https://github.com/swiftlang/swift-subprocess", .upToNextMinor(from: "1.0.2")),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // GraphKit only for NumberText, the one number formatter (docs/design.md §1).
        .target(name: "Graphviz", dependencies: ["CGraphviz", "GraphKit"]),
        .target(name: "GraphKit"),
        .target(name: "OrgNet", dependencies: ["GraphKit"]),
        .target(name: "OrgNetIO", dependencies: ["OrgNet", "GraphKit", "Graphviz", "Yams"]),
        .target(
            name: "OrgNetRender",
            dependencies: [
                "OrgNet", "OrgNetIO", "GraphKit", "Graphviz", .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            // The layout worker's crash/hang hook exists only in debug builds (docs/design.md §2).
            swiftSettings: [.define("ORGNET_FAULT_INJECTION", .when(configuration: .debug))]
        ),
        // Built-in datasets, compiled at build time (docs/design.md §8): the plugin declares the
        // YAML files of Graphs/ as inputs and runs orgnet-embed, which loads them with the
        // project's YAML loader (OrgNetIO) and writes Swift values into OrgNetBuiltIn, which needs
        // only the model types, no YAML.
        .executableTarget(name: "orgnet-embed", dependencies: ["OrgNetIO"]),
        .plugin(name: "EmbedDatasets", capability: .buildTool(), dependencies: ["orgnet-embed"]),
        .target(name: "OrgNetBuiltIn", dependencies: ["OrgNet"], plugins: ["EmbedDatasets"]),
        .executableTarget(
            name: "orgnet",
            dependencies: [
                "OrgNet", "OrgNetIO", "OrgNetBuiltIn", "OrgNetRender", "GraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "GraphKit"]),
        .testTarget(name: "GraphKitTests", dependencies: ["GraphKit"], resources: [.copy("Golden")]),
        .testTarget(
            name: "OrgNetTests",
            dependencies: ["OrgNet", "OrgNetIO", "OrgNetBuiltIn", "Graphviz", "GraphKit", "TestSupport"]),
        .testTarget(
            name: "OrgNetRenderTests", dependencies: ["OrgNetRender", "OrgNetIO", "OrgNetBuiltIn", "TestSupport"]),
        .testTarget(name: "CompareTests", dependencies: ["OrgNetRender", "OrgNetIO", "OrgNetBuiltIn", "TestSupport"]),
        // Runs the built binary for the end-to-end suites (a plain target: test targets cannot share code).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["OrgNet", "OrgNetIO", "TestSupport"]),
        .testTarget(
            name: "InterchangeTests",
            dependencies: ["OrgNet", "OrgNetIO", "OrgNetBuiltIn", "OrgNetRender", "TestSupport"]),
        .testTarget(name: "MeasuresTests", dependencies: ["OrgNet", "OrgNetIO"]),
        .testTarget(
            name: "DocsTests",
            dependencies: ["OrgNet", "OrgNetIO", "OrgNetBuiltIn", "OrgNetRender", "GraphKit", "TestSupport"]),
        .testTarget(name: "HostileInputTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
