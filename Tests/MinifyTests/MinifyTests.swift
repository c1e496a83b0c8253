import Foundation
import Testing

@testable import Minify

/// The repository's files, found from this file's path (`Tests/MinifyTests/MinifyTests.swift`).
enum Repository {
    static let root: String = {
        let parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return parts.dropLast(3).joined(separator: "/")
    }()

    /// The text of the file at `relative` (from the repository root).
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// The theme's scripts, which the site build minifies: every `site-templates/assets/*.js` but `*.min.js`.
    static let scripts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/site-templates/assets")) ?? [])
        .filter { $0.hasSuffix(".js") && !$0.hasSuffix(".min.js") }.sorted().map { "site-templates/assets/" + $0 }

    /// The theme's stylesheet.
    static let stylesheet = "site-templates/assets/style.css"
}

/// The significant tokens of `source` (no comments) as kind and text, to compare two scripts.
func significantTokens(_ source: String) -> [String] {
    let bytes = Array(source.utf8)
    return JSTokenizer.tokens(in: bytes).filter { $0.kind != .comment }.map {
        "\($0.kind) \(String(decoding: bytes[$0.range], as: UTF8.self))"
    }
}

@Suite struct RepositoryAssetTests {
    @Test(arguments: Repository.scripts)
    func minifiedScriptHasTheSameTokens(path: String) throws {
        let source = try Repository.text(path)
        let minified = Minify.javaScript(source)
        #expect(significantTokens(minified) == significantTokens(source))
        #expect(minified.utf8.count < source.utf8.count * 3 / 4)
    }

    @Test(arguments: Repository.scripts)
    func scriptMinificationIsIdempotent(path: String) throws {
        let once = Minify.javaScript(try Repository.text(path))
        #expect(Minify.javaScript(once) == once)
    }

    @Test func stylesheetMinificationIsIdempotent() throws {
        let source = try Repository.text(Repository.stylesheet)
        let once = Minify.css(source)
        #expect(Minify.css(once) == once)
        #expect(once.utf8.count < source.utf8.count * 3 / 4)
        #expect(!once.contains("/* "))
    }

    /// Writes the minified assets to `$MINIFY_DUMP_DIR` (for a manual `node --check`); off by default.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MINIFY_DUMP_DIR"] != nil))
    func dumpMinifiedAssets() throws {
        let folder = ProcessInfo.processInfo.environment["MINIFY_DUMP_DIR"]!
        for path in Repository.scripts + [Repository.stylesheet] {
            let source = try Repository.text(path)
            let minified = path.hasSuffix(".css") ? Minify.css(source) : Minify.javaScript(source)
            let name = String(path.split(separator: "/").last!)
            try minified.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            print("\(name): \(source.utf8.count) -> \(minified.utf8.count)")
        }
    }
}
