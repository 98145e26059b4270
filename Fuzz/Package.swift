// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for orgnet (and RenderLoop, a sanitizer harness), kept out of the main package so its build is untouched.
// Build and run them with scripts/fuzz.sh (which passes -sanitize=fuzzer,address and
// -parse-as-library); each target defines LLVMFuzzerTestOneInput and links libFuzzer's main.
let package = Package(
    name: "orgnet-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "orgnet", path: "..")],
    targets: [
        // libFuzzer's driver, shared by the fuzz targets.
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzYAML",
            dependencies: [
                "FuzzDriver", .product(name: "OrgNet", package: "orgnet"),
                .product(name: "OrgNetIO", package: "orgnet"),
            ]),
        .executableTarget(
            name: "FuzzDOTImport",
            dependencies: [
                "FuzzDriver", .product(name: "OrgNet", package: "orgnet"),
                .product(name: "OrgNetIO", package: "orgnet"), .product(name: "Graphviz", package: "orgnet"),
            ]),
        .executableTarget(
            name: "FuzzRenderSpec",
            dependencies: [
                "FuzzDriver", .product(name: "OrgNet", package: "orgnet"),
                .product(name: "OrgNetIO", package: "orgnet"), .product(name: "OrgNetRender", package: "orgnet"),
                .product(name: "Graphviz", package: "orgnet"),
            ]),
        .executableTarget(
            name: "FuzzSelectors",
            dependencies: [
                "FuzzDriver", .product(name: "OrgNet", package: "orgnet"),
                .product(name: "OrgNetIO", package: "orgnet"),
            ]),
        // Not a fuzz target: 1,000 renders in one process for LeakSanitizer (scripts/sanitizers.sh).
        .executableTarget(
            name: "RenderLoop",
            dependencies: [
                .product(name: "OrgNet", package: "orgnet"), .product(name: "OrgNetIO", package: "orgnet"),
                .product(name: "OrgNetRender", package: "orgnet"),
                .product(name: "Graphviz", package: "orgnet"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
