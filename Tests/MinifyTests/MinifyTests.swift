import Foundation
import TestSupport
import Testing

@testable import Minify

/// The theme's files that the site build minifies.
enum ThemeAssets {
    /// The theme's scripts: every `site-templates/assets/*.js` but `*.min.js`.
    static let scripts: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: Repository.defaultTheme + "/assets")) ?? [])
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
    @Test(arguments: ThemeAssets.scripts)
    func minifiedScriptHasTheSameTokens(path: String) throws {
        let source = try Repository.text(path)
        let minified = Minify.javaScript(source)
        #expect(significantTokens(minified) == significantTokens(source))
        #expect(minified.utf8.count < source.utf8.count * 3 / 4)
    }

    @Test(arguments: ThemeAssets.scripts)
    func scriptMinificationIsIdempotent(path: String) throws {
        let once = Minify.javaScript(try Repository.text(path))
        #expect(Minify.javaScript(once) == once)
    }

    @Test func stylesheetMinificationIsIdempotent() throws {
        let source = try Repository.text(ThemeAssets.stylesheet)
        let once = Minify.css(source)
        #expect(Minify.css(once) == once)
        #expect(once.utf8.count < source.utf8.count * 3 / 4)
        #expect(!once.contains("/* "))
    }

    /// Writes the minified assets to `$MINIFY_DUMP_DIR` (for a manual `node --check`); off by default.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MINIFY_DUMP_DIR"] != nil))
    func dumpMinifiedAssets() throws {
        let folder = ProcessInfo.processInfo.environment["MINIFY_DUMP_DIR"]!
        for path in ThemeAssets.scripts + [ThemeAssets.stylesheet] {
            let source = try Repository.text(path)
            let minified = path.hasSuffix(".css") ? Minify.css(source) : Minify.javaScript(source)
            let name = String(path.split(separator: "/").last!)
            try minified.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
            print("\(name): \(source.utf8.count) -> \(minified.utf8.count)")
        }
    }
}
