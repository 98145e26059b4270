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
        // Tests: one target per library, plus EndToEndTests for everything that drives the built
        // `orgnet` binary or checks the docs against it (docs/design.md §7). A test lives with the
        // library whose code it tests, unless it needs a higher module to state its input (then it
        // moves up: the checker tests write YAML, so they sit in OrgNetIOTests). Each target lists
        // what it imports; TestSupport (a plain target: test targets cannot share code) holds the
        // repository root, the runner of the built binary (on swift-subprocess, as the layout
        // worker is), the tags that group suites across targets and a hostile model fixture (hence
        // OrgNet, which needs only GraphKit).
        .target(
            name: "TestSupport",
            dependencies: ["OrgNet", .product(name: "Subprocess", package: "swift-subprocess")],
            path: "Tests/TestSupport"),
        .testTarget(name: "GraphKitTests", dependencies: ["GraphKit", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "GraphKit", "TestSupport"]),
        // The model, timeline, measures and checker; OrgNetBuiltIn (model values, no YAML) for the
        // questions asked of the built-in dataset.
        .testTarget(name: "OrgNetTests", dependencies: ["OrgNet", "OrgNetBuiltIn", "GraphKit", "TestSupport"]),
        // Readers, writers, interchange, the loader and the built-in embedding; Graphviz to
        // compare the fast DOT reader with Graphviz's own parser.
        .testTarget(
            name: "OrgNetIOTests",
            dependencies: ["OrgNet", "OrgNetIO", "OrgNetBuiltIn", "Graphviz", "GraphKit", "TestSupport"]),
        // Rendering, DOT export and the comparison views.
        .testTarget(
            name: "OrgNetRenderTests",
            dependencies: ["OrgNetRender", "OrgNet", "OrgNetIO", "OrgNetBuiltIn", "Graphviz", "TestSupport"]),
        // The built binary end to end (commands, hostile input, docs and examples); the docs tests
        // also compile the DocC article's code against the libraries.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "OrgNet", "OrgNetIO", "OrgNetBuiltIn", "OrgNetRender", "Graphviz", "GraphKit", "TestSupport",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
