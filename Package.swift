// swift-tools-version:6.0
import PackageDescription

// Layering (arrows point down only; the reason for each arrow: docs/design.md §1):
//   orgnet (CLI) -> OrgNetRender -> OrgNetIO -> OrgNet -> GraphKit
//                        |              |-> Yams (internal import)
//                        \--------------+-> Graphviz -> CGraphviz (the only importer of the C library)
// OrgNet (model, timeline, measures, checker) needs neither Yams nor libgvc; OrgNetIO reads and
// writes files (YAML, DOT, interchange formats, the built-in datasets).
let package = Package(
    name: "orgnet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "orgnet", targets: ["orgnet"]),
        .library(name: "OrgNet", targets: ["OrgNet"]),
        .library(name: "OrgNetIO", targets: ["OrgNetIO"]),
        .library(name: "OrgNetRender", targets: ["OrgNetRender"]),
        .library(name: "GraphKit", targets: ["GraphKit"]),
        .library(name: "Graphviz", targets: ["Graphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Runs the layout child and, in the tests, the built binary (timeouts, exit codes, stderr).
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
            dependencies: ["OrgNet", "OrgNetIO", "GraphKit", "Graphviz", .product(name: "Subprocess", package: "swift-subprocess")],
            // The layout worker's crash/hang hook exists only in debug builds (docs/design.md §2).
            swiftSettings: [.define("ORGNET_FAULT_INJECTION", .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "orgnet",
            dependencies: [
                "OrgNet", "OrgNetIO", "OrgNetRender", "GraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "GraphKit"]),
        .testTarget(name: "GraphKitTests", dependencies: ["GraphKit"], resources: [.copy("Golden")]),
        .testTarget(name: "OrgNetTests", dependencies: ["OrgNet", "OrgNetIO", "Graphviz", "GraphKit", "TestSupport"]),
        .testTarget(name: "OrgNetRenderTests", dependencies: ["OrgNetRender", "OrgNetIO", "TestSupport"]),
        .testTarget(name: "CompareTests", dependencies: ["OrgNetRender", "OrgNetIO", "TestSupport"]),
        // Runs the built binary for the end-to-end suites (a plain target: test targets cannot share code).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["OrgNet", "OrgNetIO", "TestSupport"]),
        .testTarget(name: "InterchangeTests", dependencies: ["OrgNet", "OrgNetIO", "OrgNetRender", "TestSupport"]),
        .testTarget(name: "MeasuresTests", dependencies: ["OrgNet", "OrgNetIO"]),
        .testTarget(name: "DocsTests", dependencies: ["OrgNet", "OrgNetIO", "OrgNetRender", "GraphKit", "TestSupport"]),
        .testTarget(name: "HostileInputTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
