import Core
import Foundation
import Mustache
import TestSupport
import Testing

@testable import Render

@Suite struct ThemeTests {
    static let defaultTheme = Repository.defaultTheme

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
        try "<footer>{{t.home}} custom</footer>".write(
            toFile: folder + "/partials/footer.mustache", atomically: false, encoding: .utf8)
        let theme = try Theme.load(layers: [.directory(Self.defaultTheme), .directory(folder)])
        #expect(try theme.render("partials/footer", context: ["t": ["home": "Hjem"]]) == "<footer>Hjem custom</footer>")
        #expect(theme.templateNames.contains("layouts/page"), "the rest comes from the default theme")
    }

    @Test func uiStringsMergeKeyByKeyOverTheLayersBelow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/i18n", withIntermediateDirectories: true)
        try "blockGoal: Fælles mål for salg\nhome: Forside\n".write(
            toFile: folder + "/i18n/da.yml", atomically: false, encoding: .utf8)
        let base = try Theme.load(layers: [.directory(Self.defaultTheme)])
        let theme = try Theme.load(layers: [.directory(Self.defaultTheme), .directory(folder)])
        let danish = theme.strings(for: .da)
        #expect(danish["blockGoal"] == "Fælles mål for salg")
        #expect(danish["home"] == "Forside")
        #expect(danish.count == base.strings(for: .da).count + 1, "every other string comes from the default theme")
        #expect(danish["skipToContent"] == base.strings(for: .da)["skipToContent"])
        #expect(theme.strings(for: .en) == base.strings(for: .en))
    }

    @Test func untypedContextsRenderLikeTemplateValues() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        try "{{#items}}{{name}}{{^last}},{{/last}}{{/items}} {{site.title}}"
            .write(toFile: folder + "/partials/footer.mustache", atomically: false, encoding: .utf8)
        let theme = try Theme.load(layers: [.directory(Self.defaultTheme), .directory(folder)])
        let typed: TemplateValue = [
            "items": [["name": "a", "last": false], ["name": "b", "last": true]], "site": ["title": "T"],
        ]
        #expect(try theme.render("partials/footer", context: typed) == "a,b T")
        #expect(try theme.render("partials/missing", context: typed) == "", "an unknown template renders nothing")
    }

    @Test func aTemplateThatDoesNotParseIsReportedWithItsPosition() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/partials", withIntermediateDirectories: true)
        try "<footer>\n  {{#t}}{{home}}\n</footer>\n{{> partials/sidebar}}\n"
            .write(toFile: folder + "/partials/footer.mustache", atomically: false, encoding: .utf8)
        try "<p>\n  {{> partials/sidebar}}\n</p>\n"
            .write(toFile: folder + "/partials/header.mustache", atomically: false, encoding: .utf8)
        #expect {
            _ = try Theme.load(layers: [.directory(Self.defaultTheme), .directory(folder)])
        } throws: { error in
            let lines = (error as! DiagnosticsError).diagnostics.map { "\($0.location.description): \($0.message)" }
            let file = FileSystem.display(folder + "/partials")
            return lines.contains(
                "\(file)/footer.mustache:5:1: this template does not parse: "
                    + "a section {{#t}} is opened at line 2 but never closed; expected {{/t}}")
                && lines.contains {
                    $0.hasPrefix("\(file)/header.mustache:2:3: the partial \"partials/sidebar\" does not exist")
                }
                && lines.count == 2
        }
    }
}
