// swift-tools-version:6.0
import PackageDescription

// A package outside orgnet that uses its libraries as a Swift user would: only the products and
// the public API, written exactly as README.md ("Using orgnet from Swift") and docs/library.md show
// them. `.ci/run` builds and runs it:
//   swift run --package-path Tests/Downstream --scratch-path .build-downstream downstream
let package = Package(
    name: "orgnet-downstream",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "orgnet", path: "../..")],
    targets: [
        .executableTarget(
            name: "downstream",
            dependencies: [
                .product(name: "OrgNet", package: "orgnet"),
                .product(name: "OrgNetBuiltIn", package: "orgnet"),
                .product(name: "OrgNetRender", package: "orgnet"),
            ],
            path: "Sources/Downstream"
        )
    ],
    swiftLanguageModes: [.v6]
)
