// swift-tools-version: 6.2
import PackageDescription

// Targets depend in one direction only (see README.md, "Architecture"):
// ScoringCore -> Model -> Markdown(CCmark) -> Render -> Site -> CLI -> tandem; Minify -> Site
let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "TandemParsers", targets: ["Model", "Render"]),  // for the fuzz targets in Fuzz/
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // tandem serve: the HTTP server, its lifecycle (graceful shutdown on Ctrl-C) and the bound port.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure Swift, no Foundation: also compiled with Embedded Swift to WebAssembly.
        .target(name: "ScoringCore"),
        .target(
            name: "Model",
            dependencies: ["ScoringCore", .product(name: "Yams", package: "Yams")]
        ),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["Model", "CCmark"]),
        // zlib: the scoring module ships deflated inside a script (Site/Deflate.swift).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Render", dependencies: ["Markdown", "Model"]),
        // CSS and JavaScript made smaller for the browser (no dependencies).
        .target(name: "Minify"),
        .target(name: "Site", dependencies: ["Render", "Markdown", "Model", "ScoringCore", "Minify", "CZlib"]),
        .target(
            name: "TandemCLI",
            dependencies: [
                "Site", "DefaultSite", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "tandem", dependencies: ["TandemCLI"]),

        // The default theme and example site inside the binary, generated at build time.
        .target(name: "DefaultSite", plugins: ["EmbedDefaultSite"]),
        .executableTarget(name: "embed-default-site"),
        .plugin(name: "EmbedDefaultSite", capability: .buildTool(), dependencies: ["embed-default-site"]),

        .testTarget(
            name: "ScoringCoreTests",
            dependencies: [
                "ScoringCore",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ModelTests", dependencies: ["Model", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "RenderTests", dependencies: ["Render"], exclude: ["Snapshots"]),
        .testTarget(name: "MinifyTests", dependencies: ["Minify"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "CZlib"], exclude: ["Fixtures"]),
        .testTarget(
            name: "TandemCLITests",
            dependencies: ["TandemCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
    ]
)

// Strict settings for every target, in one place.
for target in package.targets where target.type != .system && target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
