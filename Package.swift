// swift-tools-version:6.0
import PackageDescription

/// Most of the test suite's CPU went to label placement, region contours, the rough pen and the
/// label audit run unoptimized: a debug `mlscape render` of 160 crowded tools took 9.2 s of CPU,
/// 0.7 s with these targets at -O (same bytes). So they are compiled optimized in debug builds
/// too, for `swift test` and the `mlscape` the CLI tests run; the test targets, the readers and
/// the server keep -Onone for the debugger. Release builds are unchanged.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "mlscape",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mlscape", targets: ["mlscape"]),
        .library(name: "ScapePipeline", targets: ["ScapePipeline"]),
        // The libFuzzer harness over every decoder; fuzz/run.sh builds it with -sanitize=fuzzer,address.
        .executable(name: "mlscape-fuzz", targets: ["FuzzDecoders"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "zlib1g-dev"])]
        ),
        .target(name: "ScapeGeometry", swiftSettings: optimizedInDebug),
        .target(
            name: "ScapeModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.embedInCode("Resources/mlops-landscape.yaml"), .embedInCode("Resources/lifecycle.yaml")]
        ),
        .target(name: "ScapeScene", dependencies: ["ScapeGeometry"], swiftSettings: optimizedInDebug),
        .target(name: "ScapeSketch", dependencies: ["ScapeGeometry", "ScapeScene"], swiftSettings: optimizedInDebug),
        .target(name: "ScapeLayout", dependencies: ["ScapeGeometry", "ScapeModel", "ScapeScene"], swiftSettings: optimizedInDebug),
        .target(
            name: "ScapeRender",
            dependencies: ["CCairo", "ScapeGeometry", "ScapeScene"],
            resources: [.embedInCode("Resources/scape-figure.js"), .embedInCode("Resources/scape-figure.css")],
            swiftSettings: optimizedInDebug
        ),
        /// Readers and writers of other tools' formats: Mermaid, CSV, Thoughtworks radar, Excalidraw.
        .target(
            name: "ScapeInterop",
            dependencies: ["ScapeGeometry", "ScapeModel", "ScapeScene", "ScapeRender", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "ScapePipeline",
            dependencies: ["CCairo", "ScapeModel", "ScapeInterop", "ScapeLayout", "ScapeScene", "ScapeSketch", "ScapeRender"],
            swiftSettings: optimizedInDebug
        ),
        .target(
            name: "ScapeServe",
            dependencies: ["ScapePipeline", "ScapeModel", "ScapeInterop", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        .executableTarget(
            name: "mlscape",
            dependencies: [
                "ScapePipeline",
                "ScapeServe",
                "ScapeSketch",
                "ScapeModel",
                "ScapeInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "CFuzzDriver", path: "fuzz/Sources/CFuzzDriver"),
        .executableTarget(name: "FuzzDecoders", dependencies: ["CFuzzDriver", "ScapePipeline"], path: "fuzz/Sources/FuzzDecoders",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(name: "ScapeGeometryTests", dependencies: ["ScapeGeometry"]),
        .testTarget(name: "ScapeModelTests", dependencies: ["ScapeModel", "ScapeGeometry", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "ScapeLayoutTests",
            dependencies: ["ScapeLayout", "ScapeModel", "ScapeInterop", "ScapeScene"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ScapeRenderTests",
            dependencies: ["CCairo", "ScapeRender", "ScapePipeline", "ScapeScene", "ScapeModel", "ScapeInterop", "ScapeGeometry", "ScapeLayout"],
            exclude: ["Goldens"]
        ),
        .testTarget(
            name: "ScapeSketchTests",
            dependencies: ["ScapeSketch", "ScapeScene", "ScapeGeometry", "ScapeLayout", "ScapeModel"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ScapeInteropTests",
            dependencies: ["ScapeInterop", "ScapeModel", "ScapeGeometry", "ScapeScene", "ScapeRender", "ScapePipeline"]
        ),
        .testTarget(name: "CLITests", dependencies: ["mlscape", "ScapePipeline", "ScapeGeometry"]),
        .testTarget(name: "ScapeServeTests", dependencies: ["ScapeServe", "ScapePipeline", "ScapeModel", "ScapeInterop",
                                                          .product(name: "NIOCore", package: "swift-nio"),
                                                          .product(name: "NIOEmbedded", package: "swift-nio")]),
    ]
)
