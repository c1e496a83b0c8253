import Core
import Foundation
import Render
import Site
import Testing

/// A theme whose templates go over `TemplateLimits` fails the build with an error at the template's
/// file, for the page being rendered; nothing hangs or crashes.
@Suite struct TemplateLimitBuildTests {
    @Test(.timeLimit(.minutes(1)))
    func aHomeLayoutThatDoublesItsPartialsAHundredLevelsDeepFailsTheBuild() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = folder + "/site-templates"
        try FileManager.default.createDirectory(atPath: templates + "/layouts", withIntermediateDirectories: true)
        try "<main>{{> p0}}</main>\n".write(toFile: templates + "/layouts/home.mustache", atomically: false, encoding: .utf8)
        for level in 0..<100 {
            try "{{> p\(level + 1)}}{{> p\(level + 1)}}"
                .write(toFile: templates + "/p\(level).mustache", atomically: false, encoding: .utf8)
        }
        try "x".write(toFile: templates + "/p100.mustache", atomically: false, encoding: .utf8)
        var options = Fixtures.options("results-none", output: folder + "/public")
        options.themeLayers.append(.directory(templates))

        let error = #expect(throws: DiagnosticsError.self) { try SiteBuilder(options: options).build() }
        let content = FileSystem.display(Fixtures.root + "/results-none/content")
        func message(_ page: String) -> String {
            "\(FileSystem.display(templates))/layouts/home.mustache: error: rendering \(content)/\(page) expands more "
                + "than 100,000 partials (the last one p98), the limit for one page; a partial that includes partials "
                + "more than once, level after level, multiplies the work at every level: expected fewer inclusions "
                + "or fewer levels"
        }
        // Both home pages, English and Danish, use the layout.
        #expect(error?.diagnostics.map(\.description) == [message("index.da.md"), message("index.md")])
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"), "nothing is written")
    }
}
