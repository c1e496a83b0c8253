import Core
import Foundation
import Testing

@testable import Mustache
@testable import Render

/// `TemplateLimits.steps`: sections over lists inside one another multiply their items without
/// writing output or expanding partials; the step budget stops them, far above what a real page takes.
@Suite struct TemplateStepBudgetTests {
    static let message =
        "the limit for one page; a section over a list inside a section over a list renders once for every pair "
        + "of items, and each further level multiplies again: expected fewer list sections inside one another, "
        + "or shorter lists"

    static func items(_ count: Int) -> TemplateValue {
        .list((0..<count).map { .int($0) })
    }

    @Test(.timeLimit(.minutes(1)))
    func fourSectionsOverAThousandItemsStopQuicklyWithAnError() throws {
        let template = try Template("{{#items}}{{#items}}{{#items}}{{#items}}{{/items}}{{/items}}{{/items}}{{/items}}")
        let start = ContinuousClock.now
        let error = #expect(throws: TemplateRenderError.self) { try template.render(["items": Self.items(1000)]) }
        #expect(ContinuousClock.now - start < .seconds(30), "10^7 steps, not 10^12")
        #expect(error == TemplateRenderError(limit: .steps, partial: nil))
        #expect(error?.description == "rendering evaluates more than 10,000,000 tags and list items, " + Self.message)
    }

    @Test func everyTagAndEveryListItemIsOneStep() throws {
        let template = try Template("{{a}}{{{a}}}{{^a}}{{/a}}{{#list}}{{.}}{{/list}}{{> p}}text")
        var partials = TemplateLibrary()
        try partials.register("{{a}}", named: "p")
        let counted = try template.renderCountingSteps(["a": "x", "list": Self.items(3)], partials: partials)
        // 3 tags, the section, 3 items with a tag each, the partial and its tag.
        #expect(counted.steps == 3 + 1 + 3 * 2 + 2)
        #expect(counted.output == "xx012xtext")
    }

    /// `{{#a}}{{#b}}{{/b}}{{/a}}` takes 1 + a × (2 + b) steps: 2,151 × 4,649 = 9,999,999.
    @Test(.timeLimit(.minutes(1)))
    func aRenderOfExactlyTheBudgetRendersAndOneStepMoreStops() throws {
        let template = try Template("{{#a}}{{#b}}{{/b}}{{/a}}")
        let within = try template.renderCountingSteps(
            ["a": Self.items(2151), "b": Self.items(4647)], partials: TemplateLibrary())
        #expect(within.steps == TemplateLimits.steps)
        #expect(throws: TemplateRenderError(limit: .steps, partial: nil)) {
            try template.render(["a": Self.items(2151), "b": Self.items(4648)])
        }
    }

    @Test func theErrorNamesThePartialAndTheThemeTheTemplatesFile() throws {
        let files: [String: [UInt8]] = [
            "layouts/page.mustache": Array("<main>{{#items}}{{> partials/row}}{{/items}}</main>".utf8),
            "partials/row.mustache": Array("{{#items}}{{#items}}{{/items}}{{/items}}".utf8),
        ]
        let theme = try Theme.load(layers: [.directory(ThemeTests.defaultTheme), .files(name: "my-theme", files)])
        let error = #expect(throws: Diagnostic.self) {
            try theme.render("layouts/page", context: ["items": Self.items(1000)], page: "content/index.md")
        }
        #expect(
            error?.description
                == "my-theme: layouts/page.mustache: error: rendering content/index.md evaluates more than 10,000,000 "
                + "tags and list items (the last in partial partials/row), " + Self.message)
    }

    // MARK: - The default theme

    static func entry(_ index: Int, children: [TemplateValue] = []) -> TemplateValue {
        [
            "title": .string("Playbook page \(index)"), "url": .string("section/page-\(index).html"),
            "description": .string("What page \(index) agrees"), "current": .bool(index == 3), "active": .bool(index < 4),
            "children": .list(children), "hasChildren": .bool(!children.isEmpty),
        ]
    }

    /// The context of a section page listing `count` pages, as the site builder makes it, with the
    /// longest navigation (a section expands when it has at most 40 entries) and a long table of contents.
    static func bigSectionContext(theme: Theme, children count: Int) throws -> TemplateValue {
        let nav = TemplateValue.list((0..<20).map { entry($0, children: $0 == 3 ? (0..<40).map { entry($0) } : []) })
        let strings = TemplateValue.object(theme.strings(for: .en).mapValues { .string($0) })
        let navHTML = try theme.render("partials/nav", context: ["nav": nav, "t": strings, "lang": "en"])
        let toc = TemplateValue.list(
            (0..<50).map {
                ["id": .string("h\($0)"), "text": "Heading", "children": [["id": "s", "text": "Sub"]], "hasChildren": true]
            })
        return [
            "lang": "en", "t": strings, "root": "../", "csp": "default-src 'none'", "year": "2026",
            "site": [
                "title": "Playbook", "description": "Ours", "homeURL": "../index.html",
                "brand": ["name": "Acme", "primary": "#1d4ed8", "accent": "#f59e0b"],
            ],
            "assets": ["css": "style.css", "files": ["content_css": "content.css", "style_css": "style.css"]],
            "page": [
                "title": "Section", "description": "All pages", "date": "1 March 2026", "dateISO": "2026-03-01",
                "content": .string(String(repeating: "<p>Text</p>\n", count: 100)), "toc": toc, "hasToc": true,
                "isHome": false, "isSection": true, "children": .list((0..<count).map { entry($0) }), "hasChildren": true,
            ],
            "nav": nav, "navHTML": .string(navHTML),
            "breadcrumbs": .list(
                (0..<3).map { ["title": .string("Level \($0)"), "url": "../index.html", "isHome": .bool($0 == 0)] }),
            "hasBreadcrumbs": true,
            "translations": [
                ["lang": "en", "name": "English", "url": "a.html", "current": true],
                ["lang": "da", "name": "Dansk", "url": "a.da.html", "current": false],
            ],
            "hasTranslations": true,
        ]
    }

    @Test func theDefaultThemeOnAPageListingTenThousandPagesStaysFarBelowTheBudget() throws {
        let theme = try Theme.load(layers: [.directory(ThemeTests.defaultTheme)])
        let context = try Self.bigSectionContext(theme: theme, children: 10_000)
        for layout in ["layouts/section", "layouts/home"] {
            let template = try #require(theme.library[layout])
            let counted = try template.renderCountingSteps(context, partials: theme.library)
            #expect(counted.output.contains("Playbook page 9999"))
            #expect(counted.steps < TemplateLimits.steps / 100, "\(layout): \(counted.steps) steps")
        }
        let nav = try #require(theme.library["partials/nav"])
        guard case .object(let object) = context, let navValue = object["nav"], let strings = object["t"] else { return }
        let counted = try nav.renderCountingSteps(["nav": navValue, "t": strings, "lang": "en"], partials: theme.library)
        #expect(counted.steps < TemplateLimits.steps / 1000, "partials/nav: \(counted.steps) steps")
    }
}
