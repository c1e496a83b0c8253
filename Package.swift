// swift-tools-version: 6.2
import PackageDescription

// Targets depend in one direction only (README.md, "Architecture"):
//   Core <- Formats <- Content, Scorecard (+ ScoringCore);  Core <- Mustache, Markdown (+ CCmark)
//   PipelineData <- Content (CRM exports, business time, the pipeline rules)
//   Render <- Content, Mustache;  Site <- Render, Scorecard, PipelineData, Markdown (+ Minify, CZlib)
//   TandemCLI <- Site (+ DefaultSite);  tandem <- TandemCLI
// Linux only: the file-system code calls Glibc directly, so no Apple platform is claimed.
let package = Package(
    name: "Tandem",
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "TandemParsers", targets: ["Core", "Formats", "Content", "Scorecard", "Mustache", "Render"]),  // for the fuzz targets in Fuzz/
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
        // Diagnostics and positions, suggestions, slugs, HTML escaping, JSON text, languages, files.
        .target(name: "Core"),
        // Reading text formats with positions: JSON, CSV, YAML (through Yams), decimals, dates.
        .target(name: "Formats", dependencies: ["Core", .product(name: "Yams", package: "Yams")]),
        // What an author writes: site.yml, front matter, the playbook blocks.
        .target(name: "Content", dependencies: ["Core", "Formats", .product(name: "Yams", package: "Yams")]),
        // The self-assessment: questionnaires and results, scored by ScoringCore.
        .target(
            name: "Scorecard",
            dependencies: ["Core", "Formats", "ScoringCore", .product(name: "Yams", package: "Yams")]
        ),
        // CRM exports held against the goal and the SLA: reading, business time, the pipeline rules.
        .target(name: "PipelineData", dependencies: ["Core", "Formats", "Content"]),
        // The Mustache template engine.
        .target(name: "Mustache", dependencies: ["Core"]),
        // CommonMark through the C library's one boundary file.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["Core", "CCmark"]),
        // Themes, the blocks' HTML, the charts' SVG.
        .target(
            name: "Render",
            dependencies: ["Core", "Formats", "Content", "Mustache"]
        ),
        // CSS and JavaScript made smaller for the browser (no dependencies).
        .target(name: "Minify"),
        // zlib: the scoring module ships deflated inside a script (Site/Deflate.swift).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The whole site: content scan, pages, results pages, links, the output folder.
        .target(
            name: "Site",
            dependencies: [
                "Core", "Formats", "Content", "Scorecard", "ScoringCore", "PipelineData", "Mustache", "Markdown", "Render",
                "Minify", "CZlib",
            ]
        ),
        .target(
            name: "TandemCLI",
            dependencies: [
                "Core", "Scorecard", "ScoringCore", "PipelineData", "Render", "Site", "DefaultSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
                "TestSupport", "ScoringCore",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // What the tests share: the repository's paths, temporary folders, snapshot record-or-compare.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["TestSupport", "Core"]),
        .testTarget(name: "FormatsTests", dependencies: ["TestSupport", "Formats", "Core"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ContentTests",
            dependencies: [
                "Content", "Formats", "Core", "ScoringCore", .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ScorecardTests", dependencies: ["TestSupport", "Scorecard", "Content", "Formats", "Core", "ScoringCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PipelineDataTests",
            dependencies: [
                "TestSupport", "PipelineData", "Content", "Formats", "Core",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "MustacheTests", dependencies: ["TestSupport", "Mustache", "Core"], exclude: ["Fixtures"]),
        .testTarget(name: "MarkdownTests", dependencies: ["TestSupport", "Markdown", "Core"]),
        .testTarget(
            name: "RenderTests", dependencies: ["TestSupport", "Render", "Mustache", "Content", "Scorecard", "Formats", "Core"],
            exclude: ["Snapshots"]),
        .testTarget(name: "MinifyTests", dependencies: ["TestSupport", "Minify"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SiteTests",
            dependencies: ["TestSupport", "Site", "Render", "Mustache", "Content", "Scorecard", "Formats", "Core", "CZlib"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "TandemCLITests",
            dependencies: [
                "TestSupport", "TandemCLI", "Site", "Scorecard", "Formats", "Core", "ScoringCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Snapshots"]
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
