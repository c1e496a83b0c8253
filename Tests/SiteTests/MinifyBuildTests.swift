internal import CZlib
import Core
import Foundation
import Render
import Testing

@testable import Site

/// `minify` in site.yml: on by default (minified CSS and JavaScript, pages without the templates'
/// indentation), off to keep the theme's files as written. The scoring module is deflated either way.
@Suite struct MinifyBuildTests {
    /// A file the site's own theme adds, minified by its maker: copied as it is.
    static let vendorScript = "/*! vendor 1.0 */ var a  =  1 ;\n"

    static func build(minify: Bool?) throws -> (folder: String, files: [String: Data]) {
        let folder = Fixtures.temporaryFolder()
        let site = folder + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.root + "/rich", toPath: site)
        try FileManager.default.createDirectory(atPath: site + "/site-templates/assets", withIntermediateDirectories: true)
        try vendorScript.write(toFile: site + "/site-templates/assets/vendor.min.js", atomically: false, encoding: .utf8)
        if let minify {
            let config = site + "/content/site.yml"
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try (text + "minify: \(minify)\n").write(toFile: config, atomically: false, encoding: .utf8)
        }
        let options = BuildOptions(
            contentDirectory: site + "/content",
            themeLayers: [.directory(Fixtures.defaultTheme), .directory(site + "/site-templates")],
            outputDirectory: folder + "/public")
        _ = try SiteBuilder(options: options).build()
        return (folder, Fixtures.tree(folder + "/public"))
    }

    /// The output file of a theme asset, found by its name without the fingerprint
    /// (`form.js` is `assets/form.<hash>.js`).
    static func asset(_ name: String, in files: [String: Data]) throws -> Data {
        let path = try #require(
            files.keys.first { path in
                guard path.hasPrefix("assets/") else { return false }
                var parts = path.dropFirst("assets/".count).split(separator: ".")
                guard parts.count >= 3 else { return false }
                parts.remove(at: parts.count - 2)
                return parts.joined(separator: ".") == name
            }, "no \(name) in the output")
        return files[path]!
    }

    static func themeFile(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Fixtures.defaultTheme + "/assets/" + name))
    }

    /// Lines of the page outside <pre>, which start with a space or a tab.
    static func indentedLines(_ html: String) -> [String] {
        var inPre = false
        var lines: [String] = []
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("<pre") { inPre = true }
            if !inPre, line.first == " " || line.first == "\t" { lines.append(String(line)) }
            if line.contains("</pre>") { inPre = false }
        }
        return lines
    }

    @Test func byDefaultAssetsAreMinifiedAndPagesCarryNoIndentation() throws {
        let (folder, files) = try Self.build(minify: nil)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in [
            "style.css", "content.css", "form.css", "tally.css", "results.css", "form.js", "tally.js", "tandem-scoring.js",
        ] {
            let output = String(decoding: try Self.asset(name, in: files), as: UTF8.self)
            let source = try Self.themeFile(name)
            #expect(output.utf8.count < source.count * 4 / 5, "\(name): \(output.utf8.count) of \(source.count) bytes")
            #expect(!output.contains("/*"), "\(name) still has a comment")
            #expect(!output.contains("\n  "), "\(name) still has indentation")
        }
        for (path, bytes) in files where path.hasSuffix(".html") {
            let lines = Self.indentedLines(String(decoding: bytes, as: UTF8.self))
            #expect(lines.isEmpty, "\(path): \(lines.prefix(3))")
        }
        #expect(String(decoding: try Self.asset("vendor.min.js", in: files), as: UTF8.self) == Self.vendorScript)
        // The Markdown's HTML is the page's own, untouched.
        let sla = String(decoding: try #require(files["guides/sla/index.html"]), as: UTF8.self)
        #expect(sla.contains("<pre><code class=\"language-yaml\">stage: sql\nfirst_response: 4h\n</code></pre>"))
    }

    @Test func minifyFalseKeepsTheThemeAsWritten() throws {
        let (folder, files) = try Self.build(minify: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["style.css", "form.css", "form.js", "tandem-scoring.js"] {
            #expect(try Self.asset(name, in: files) == (try Self.themeFile(name)), "\(name)")
        }
        let page = String(decoding: try #require(files["guides/sla/index.html"]), as: UTF8.self)
        #expect(page.contains("\n  <div class=\"site-header__inner\">\n"))
    }

    @Test(arguments: [nil, false] as [Bool?])
    func theScoringModuleShipsDeflatedAndInflatesToItsBytes(minify: Bool?) throws {
        let (folder, files) = try Self.build(minify: minify)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = String(decoding: try Self.asset("scoring-wasm.js", in: files), as: UTF8.self)
        let prefix = "globalThis.TandemScoringWasm = \"", suffix = "\";\n"
        #expect(script.hasPrefix(prefix) && script.hasSuffix(suffix))
        let base64 = String(script.dropFirst(prefix.count).dropLast(suffix.count))
        let packed = try #require(Data(base64Encoded: base64))
        #expect(packed.first == 0x78, "a zlib stream")
        let module = try Self.themeFile("scoring.wasm")
        #expect(packed.count < module.count * 6 / 10, "\(packed.count) of \(module.count) bytes")
        #expect(try Self.inflate(packed, size: module.count) == module)
    }

    static func inflate(_ data: Data, size: Int) throws -> Data {
        var output = [UInt8](repeating: 0, count: size + 1)
        var length = uLongf(output.count)
        let input = [UInt8](data)
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count)) }
        }
        try #require(status == Z_OK, "zlib status \(status)")
        return Data(output.prefix(Int(length)))
    }
}

/// The form page's weight budget: a warning, at the questionnaire, for a page that would load slowly.
@Suite struct PageWeightTests {
    static func site(questions: Int, textLength: Int) throws -> String {
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/content/assessments", withIntermediateDirectories: true)
        try "title: Weights\n".write(toFile: folder + "/content/site.yml", atomically: false, encoding: .utf8)
        var yaml =
            "id: big\nversion: 1\nscale: {min: 1, max: 5}\ngap_threshold: 1.5\nmin_group_size: 3\nbands:\n  - {id: all, min: 1, label: All}\nquestions:\n"
        let words = String(repeating: "word ", count: textLength / 5)
        for n in 1...questions {
            yaml += "  - {id: q\(n), text: \"Question \(n) \(words)\", low: \"Low \(words)\", high: \"High \(words)\"}\n"
        }
        try yaml.write(toFile: folder + "/content/assessments/big.yml", atomically: false, encoding: .utf8)
        return folder
    }

    static func warnings(_ folder: String) throws -> [String] {
        let options = BuildOptions(
            contentDirectory: folder + "/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: folder + "/public")
        return try SiteBuilder(options: options).check().map(\.description)
    }

    @Test func aFormPageOverItsBudgetIsAWarningAtTheQuestionnaire() throws {
        let big = try Self.site(questions: 40, textLength: 200)
        defer { try? FileManager.default.removeItem(atPath: big) }
        let warnings = try Self.warnings(big)
        let warning = try #require(warnings.first { $0.contains("weighs") }, "\(warnings)")
        #expect(
            warning.hasPrefix(
                FileSystem.display(big + "/content/assessments/big.yml") + ": warning: the page assessment/big/index.html weighs "
            ))
        #expect(warning.contains("with the 5 files it loads, over 60.0 KiB"))
        #expect(warnings.filter { $0.contains("weighs") }.count == 1, "the tally page has no budget")

        let small = try Self.site(questions: 9, textLength: 40)
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(try Self.warnings(small).allSatisfy { !$0.contains("weighs") })
    }

    @Test func theWeightCountsEachLoadedFileOnce() {
        let html = """
            <link rel="stylesheet" href="../assets/a.css"><link rel="canonical" href="https://x.org/">
            <script src="../assets/b.js" defer></script><script src="../assets/b.js"></script>
            <img class="logo" src="../assets/c.svg" alt=""><a href="../assets/d.csv">data</a>
            <img src="https://elsewhere.org/e.png">
            """
        let sizes = ["assets/a.css": 100, "assets/b.js": 20, "assets/c.svg": 3, "assets/d.csv": 1000]
        let (bytes, files) = PageWeight.weight(html: html, directory: "form", sizes: sizes)
        #expect(bytes == html.utf8.count + 123)
        #expect(files == 3)
    }
}
