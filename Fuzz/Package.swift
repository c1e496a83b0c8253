// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets, one per parser. Scripts/fuzz.sh builds every module with AddressSanitizer and
// libFuzzer's coverage (-sanitize=address -sanitize-coverage=...) and runs the targets
// (docs/fuzzing.md). A package of its own, so that Tandem's Package.swift only adds the
// TandemParsers product these use.

// A package that depends on another by path names it by the folder's name (a clone may have any).
let tandem = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "Tandem"

let targets = [
    "frontmatter", "goal", "sla", "sql-definition", "pipeline", "questionnaire", "result-json", "result-csv", "template",
]

let package = Package(
    name: "TandemFuzz",
    platforms: [.macOS(.v15)],
    products: targets.map { .executable(name: "fuzz-\($0)", targets: ["fuzz-\($0)"]) },
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "TandemParsers", package: tandem)]),
    ]
        + targets.map {
            .executableTarget(
                name: "fuzz-\($0)",
                dependencies: ["FuzzSupport", .product(name: "TandemParsers", package: tandem)],
                // libFuzzer only here: the build tools of Tandem's plugins keep their own main.
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
            )
        }
)
