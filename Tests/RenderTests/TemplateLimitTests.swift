import Core
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Mustache
@testable import Render

/// The bounds of `TemplateLimits`: nesting at parse time, work at render time.
@Suite struct TemplateLimitTests {
    @Test func fortyThousandNestedSectionsAreAnErrorAtTheSectionThatCrossesTheLimit() {
        let text = String(repeating: "{{#a}}", count: 40_000) + String(repeating: "{{/a}}", count: 40_000)
        #expect(throws: TemplateError(line: 1, column: 601, reason: .nestedTooDeep(tag: "{{#a}}", limit: 100))) {
            try Template(text)
        }
        let error = #expect(throws: TemplateError.self) { try Template(text) }
        #expect(
            error?.description
                == "1:601: the section {{#a}} is nested 101 sections deep, deeper than the limit of 100; "
                + "expected at most 100 sections inside one another")
    }

    @Test func theLimitCountsOpenSectionsNotSectionsInAll() throws {
        let hundred = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        let template = try Template(hundred + "\n" + hundred)
        #expect(try template.render(["a": true]) == "x\nx")
        let inverted = "{{^b}}\n" + hundred + "\n{{/b}}\n"
        let error = #expect(throws: TemplateError.self) { try Template(inverted) }
        #expect(error?.line == 2 && error?.column == 595)
        #expect(error?.reason == .nestedTooDeep(tag: "{{#a}}", limit: 100))
    }

    @Test func aThemeNamesTheFileOfATemplateNestedTooDeep() throws {
        let deep = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        let layer = ThemeLayer.files(name: "my-theme", ["partials/deep.mustache": Array(deep.utf8)])
        let error = #expect(throws: DiagnosticsError.self) {
            try Theme.load(layers: [.directory(ThemeTests.defaultTheme), layer])
        }
        #expect(error?.diagnostics.count == 1)
        #expect(
            error?.diagnostics.first?.description
                == "my-theme: partials/deep.mustache:1:601: error: this template does not parse: "
                + "the section {{#a}} is nested 101 sections deep, deeper than the limit of 100; "
                + "expected at most 100 sections inside one another")
    }

    /// `p0` includes `p1` twice, `p1` includes `p2` twice, ... a hundred levels: 2^100 expansions.
    static func doublingChain(depth: Int = 100) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for level in 0..<depth {
            try library.register("<{{> p\(level + 1)}}{{> p\(level + 1)}}>", named: "p\(level)")
        }
        try library.register("x", named: "p\(depth)")
        try library.register("<main>{{> p0}}</main>", named: "layouts/page")
        return library
    }

    @Test(.timeLimit(.minutes(1)))
    func aPartialThatDoublesAHundredLevelsDeepStopsQuicklyWithAnError() throws {
        let library = try Self.doublingChain()
        let start = ContinuousClock.now
        let error = #expect(throws: TemplateRenderError.self) { try library.render("layouts/page", context: [:]) }
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(error == TemplateRenderError(limit: .partialExpansions, partial: "p98"))
        #expect(
            error?.description
                == "rendering expands more than 100,000 partials (the last one p98), the limit for one page; "
                + "a partial that includes partials more than once, level after level, multiplies the work "
                + "at every level: expected fewer inclusions or fewer levels")
    }

    @Test func aChainWithinTheBudgetRendersInFull() throws {
        let library = try Self.doublingChain(depth: 16)  // 2^17 - 1 = 131,071 expansions: too many
        #expect(throws: TemplateRenderError.self) { try library.render("layouts/page", context: [:]) }
        let smaller = try Self.doublingChain(depth: 15)  // 65,535 expansions
        let output = try smaller.render("layouts/page", context: [:])
        #expect(output?.utf8.count(where: { $0 == UInt8(ascii: "x") }) == 1 << 15)
    }

    @Test func aRenderThatWritesMoreThan64MiBStops() throws {
        var library = TemplateLibrary()
        try library.register("{{#rows}}{{> row}}{{/rows}}", named: "layouts/page")
        try library.register("{{{text}}}", named: "row")
        let megabyte = String(repeating: "y", count: 1 << 20)
        let rows = TemplateValue.list(Array(repeating: ["text": .string(megabyte)], count: 65))
        let error = #expect(throws: TemplateRenderError.self) { try library.render("layouts/page", context: ["rows": rows]) }
        #expect(error == TemplateRenderError(limit: .outputBytes, partial: "row"))
        #expect(
            error?.description
                == "rendering writes more than 64 MiB (the last bytes in partial row), the limit for one page; "
                + "expected a smaller page: fewer or smaller list items and partials")
        let fewer = TemplateValue.list(Array(repeating: ["text": .string(megabyte)], count: 64))
        #expect(try library.render("layouts/page", context: ["rows": fewer])?.utf8.count == 64 << 20)
    }

    @Test func aThemeReportsARenderOverTheLimitAtTheTemplatesFileForThePage() throws {
        var files: [String: [UInt8]] = ["layouts/page.mustache": Array("<main>{{> p0}}</main>".utf8)]
        for level in 0..<100 { files["p\(level).mustache"] = Array("{{> p\(level + 1)}}{{> p\(level + 1)}}".utf8) }
        files["p100.mustache"] = Array("x".utf8)
        let theme = try Theme.load(layers: [.directory(ThemeTests.defaultTheme), .files(name: "my-theme", files)])
        let error = #expect(throws: Diagnostic.self) {
            try theme.render("layouts/page", context: [:], page: "content/index.md")
        }
        #expect(
            error?.description
                == "my-theme: layouts/page.mustache: error: rendering content/index.md expands more than "
                + "100,000 partials (the last one p98), the limit for one page; a partial that includes partials "
                + "more than once, level after level, multiplies the work at every level: expected fewer "
                + "inclusions or fewer levels")
    }

    /// Partials with a hundred sections inside one another each, included inside one another:
    /// within the nesting limit the render fits the stack of the worker threads that render a
    /// site's pages; past it, it stops with an error instead of overflowing the stack.
    static func nestedPartials(_ count: Int) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        let open = String(repeating: "{{#a}}", count: 100)
        let close = String(repeating: "{{/a}}", count: 100)
        for level in 0..<count { try library.register(open + "{{> p\(level + 1)}}" + close, named: "p\(level)") }
        try library.register("x", named: "p\(count)")
        return library
    }

    @Test func sectionsAndPartialsNestedDeepFitAWorkerThreadsStackOrStop() throws {
        let within = try Self.nestedPartials(4)  // 4 × 101 levels and the top: 405
        let beyond = try Self.nestedPartials(100)
        let outputs = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let library = i % 2 == 0 ? within : beyond
            let output: String
            do { output = try library.render("p0", context: ["a": true]) ?? "none" } catch { output = String(describing: error) }
            outputs.withLock { $0.append(output) }
        }
        let expected =
            "rendering nests sections and partials more than 500 levels deep (the deepest in partial p4), the limit "
            + "for one page; expected partials that include each other fewer levels deep"
        #expect(outputs.withLock { $0 }.sorted() == ["x", "x", expected, expected].sorted())
    }
}

@Suite struct TemplateParsingCostTests {
    @Test(.timeLimit(.minutes(1)))
    func aHundredThousandPartialTagsParseInLinearTime() throws {
        let text = String(repeating: "ü{{> p}}\n", count: 100_000)
        let start = ContinuousClock.now
        let template = try Template(text)
        #expect(ContinuousClock.now - start < .seconds(20))
        #expect(template.partialReferences.count == 100_000)
        #expect(template.partialReferences.last == PartialReference(name: "p", line: 100_000, column: 2))
        #expect(template.partialReferences.first == PartialReference(name: "p", line: 1, column: 2))
    }
}
