import Foundation
import Minify
import TestSupport
import Testing

/// Every theme script minified, then checked by Node.js, not by the minifier's own tokenizer:
/// `node --check`, and `Fixtures/check-minified.js`, which parses original and minified script with
/// V8 and compares them with a tokenizer of its own (what it proves is said at its top).
///
/// Node comes with the Debian package `nodejs`, which `Scripts/ensure-deps.sh` installs; without it
/// these tests fail.
@Suite struct NodeCheckTests {
    static let checker = Repository.root + "/Tests/MinifyTests/Fixtures/check-minified.js"

    struct Run {
        var status: Int32
        var output: String
    }

    /// Runs `node` with `arguments`; status 127 when there is no `node`.
    static func node(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    @Test func thereAreThemeScripts() {
        #expect(ThemeAssets.scripts.count >= 3, "no scripts found in \(Repository.root)/site-templates/assets")
    }

    @Test(arguments: ThemeAssets.scripts)
    func nodeAgreesWithTheMinifiedScript(path: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-node-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = String(path.split(separator: "/").last!)
        let original = Repository.root + "/" + path
        let minified = folder + "/" + name
        try Minify.javaScript(try Repository.text(path)).write(toFile: minified, atomically: false, encoding: .utf8)

        let check = try Self.node(["--check", minified])
        try #require(check.status != 127, "node is not installed; Scripts/ensure-deps.sh installs the nodejs package")
        #expect(check.status == 0, "node --check \(name) (minified): \(check.output)")
        let compared = try Self.node([Self.checker, original, minified])
        #expect(compared.status == 0, "\(name): \(compared.output)")
    }

    /// The checker itself finds a difference (so that a passing check means something).
    @Test(arguments: [
        ("function f() { return /a b/.test(x) }", "function f(){return/ab/.test(x)}"),
        ("function f() {\n  return\n  x\n}", "function f(){return x}"),
        ("let a = b + +c", "let a=b++c"),
        ("let x = 1\nlet y = 2", "let x=1 let y=2"),
        ("f(a)\n;[b] = c", "f(a)[b]=c"),
        ("const s = 'a  b'", "const s='a b'"),
    ])
    func theCheckerFindsAChangedMeaning(original: String, minified: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-node-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try original.write(toFile: folder + "/a.js", atomically: false, encoding: .utf8)
        try minified.write(toFile: folder + "/b.js", atomically: false, encoding: .utf8)
        let compared = try Self.node([Self.checker, folder + "/a.js", folder + "/b.js"])
        try #require(compared.status != 127, "node is not installed; Scripts/ensure-deps.sh installs the nodejs package")
        #expect(compared.status == 1, "\(compared.output)")
    }
}
