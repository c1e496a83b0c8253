import Foundation
import Model
import Testing

@testable import Render

@Suite struct ThemeTests {
    static let defaultTheme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("site-templates").path

    @Test func defaultThemeLoadsWithEveryLayoutAndBothLanguages() throws {
        let theme = try Theme.load(layers: [.directory(Self.defaultTheme)])
        for layout in Theme.requiredLayouts { #expect(theme.templateNames.contains(layout)) }
        let english = theme.strings(for: .en)
        let danish = theme.strings(for: .da)
        #expect(!english.isEmpty)
        #expect(Set(english.keys) == Set(danish.keys), "every UI string exists in both languages")
        #expect(theme.assets.contains { $0.path == "style.css" })
    }

    @Test func aLaterLayerReplacesSingleFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        try "<footer>{{t.home}} custom</footer>".write(toFile: folder + "/partials/footer.mustache", atomically: false, encoding: .utf8)
        let theme = try Theme.load(layers: [.directory(Self.defaultTheme), .directory(folder)])
        #expect(theme.render("partials/footer", context: ["t": ["home": "Hjem"]]) == "<footer>Hjem custom</footer>")
        #expect(theme.templateNames.contains("layouts/page"), "the rest comes from the default theme")
    }

    @Test func findsPartialReferencesWithPositions() {
        let references = Theme.partialReferences(in: "<a>\n  {{> partials/nav}} and {{>toc }}\n", file: "x.mustache")
        #expect(references.map(\.name) == ["partials/nav", "toc"])
        #expect(references.map(\.location.description) == ["x.mustache:2:3", "x.mustache:2:26"])
    }

    @Test func contextObjectsRenderLikeDictionaries() throws {
        let template = try MustacheTemplateProbe.render(
            "{{#items}}{{name}}{{^last}},{{/last}}{{/items}} {{site.title}}",
            ["items": [["name": "a", "last": false], ["name": "b", "last": true]], "site": ["title": "T"]])
        #expect(template == "a,b T")
    }
}
