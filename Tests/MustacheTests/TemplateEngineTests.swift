import Testing

@testable import Mustache

/// Renders a template with partials given as source.
private func render(_ text: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    for (name, source) in partials { try library.register(source, named: name) }
    return try Template(text).render(context, partials: library)
}

/// The error a template fails to parse with.
private func parseError(_ text: String) -> TemplateError? {
    do {
        _ = try Template(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct InterpolationTests {
    @Test func escapesTheFiveHTMLCharactersAndNothingElse() throws {
        let output = try render("<p title=\"{{v}}\">{{v}}</p>", ["v": "Tom & 'Jerry' <b>\"x\"</b> / = ü"])
        let escaped = "Tom &amp; &#39;Jerry&#39; &lt;b&gt;&quot;x&quot;&lt;/b&gt; / = ü"
        #expect(output == "<p title=\"\(escaped)\">\(escaped)</p>")
    }

    @Test func tripleMustacheAndAmpersandWriteTheValueAsItIs() throws {
        let context: TemplateValue = ["html": "<em>a & b</em>"]
        let output = try render("{{{html}}}|{{&html}}|{{& html }}|{{{ html }}}", context)
        #expect(output == Array(repeating: "<em>a & b</em>", count: 4).joined(separator: "|"))
    }

    @Test func numbersAndBooleansRenderAsText() throws {
        let context: TemplateValue = ["n": 42, "zero": 0, "negative": -7, "yes": true, "no": false]
        #expect(try render("{{n}} {{zero}} {{negative}} {{yes}} {{no}}", context) == "42 0 -7 true false")
    }

    @Test func listsObjectsAndMissingNamesRenderNothing() throws {
        let context: TemplateValue = ["list": ["a"], "object": ["k": "v"]]
        let template = "[{{list}}][{{object}}][{{missing}}][{{{missing}}}][{{&missing.deeper}}]"
        #expect(try render(template, context) == "[][][][][]")
    }

    @Test func spacesInsideATagAreIgnored() throws {
        #expect(try render("{{   name   }}-{{#  flag }}on{{/ flag  }}", ["name": "n", "flag": true]) == "n-on")
    }

    @Test func interpolationIsNeverStandalone() throws {
        #expect(try render("  {{a}}\n\t{{{b}}}  \n{{&c}}\n", ["a": "1", "b": "2", "c": ""]) == "  1\n\t2  \n\n")
    }

    @Test func textWithoutTagsIsCopied() throws {
        #expect(try render("curly { braces } and {single} stay\r\n") == "curly { braces } and {single} stay\r\n")
    }

    @Test func dottedNamesReachIntoObjects() throws {
        let context: TemplateValue = ["site": ["brand": ["name": "Acme"]]]
        let output = try render("{{site.brand.name}} = {{#site}}{{#brand}}{{name}}{{/brand}}{{/site}}", context)
        #expect(output == "Acme = Acme")
    }

    @Test func theFirstPartOfADottedNameIsLookedUpTheStackTheRestOnlyInItsParent() throws {
        let context: TemplateValue = [
            "t": ["home": "Home"],
            "page": ["title": "Inner"],
            "items": [["page": [:] as TemplateValue]],
        ]
        // `t` is found on the outer context; `page` is found on the item, where `title` is missing,
        // and the lookup does not fall back to the outer `page`.
        #expect(try render("{{#items}}{{t.home}}|{{page.title}}|{{/items}}", context) == "Home||")
    }

    @Test func aBrokenChainRendersNothing() throws {
        let context: TemplateValue = ["a": ["b": "text"], "c": ["d": "found"]]
        #expect(try render("[{{a.x.y}}][{{a.b.c}}][{{x.d}}][{{a.b.d}}]", context) == "[][][][]")
    }

    @Test func aDottedNameNeverMatchesAKeyThatContainsADot() throws {
        #expect(try render("[{{a.b}}]", ["a.b": "flat"]) == "[]")
    }

    @Test func aPeriodIsTheTopOfTheContextStack() throws {
        #expect(try render("({{.}})", "root & only") == "(root &amp; only)")
        #expect(try render("({{{.}}})", 7) == "(7)")
    }
}

@Suite struct SectionTests {
    @Test func trueRendersOnceWithTheSameContextFalseAndMissingRenderNothing() throws {
        let context: TemplateValue = ["on": true, "off": false, "name": "n"]
        let output = try render("<{{#on}}{{name}}{{/on}}><{{#off}}x{{/off}}><{{#missing}}x{{/missing}}>", context)
        #expect(output == "<n><><>")
    }

    @Test func emptyStringsAndZeroAreTruthyAsInSwiftMustache() throws {
        #expect(try render("{{#s}}[{{.}}]{{/s}}{{#z}}[{{.}}]{{/z}}", ["s": "", "z": 0]) == "[][0]")
    }

    @Test func anObjectBecomesTheInnermostContextAndParentsStayVisible() throws {
        let context: TemplateValue = ["who": "outer", "label": "L", "inner": ["who": "inner"]]
        #expect(try render("{{#inner}}{{who}} {{label}}{{/inner}} {{who}}", context) == "inner L outer")
    }

    @Test func aListRendersOncePerElementWithTheElementOnTop() throws {
        let context: TemplateValue = ["sep": ",", "rows": [["n": 1], ["n": 2], ["n": 3]]]
        #expect(try render("{{#rows}}{{n}}{{sep}}{{/rows}}", context) == "1,2,3,")
    }

    @Test func anEmptyListRendersNothing() throws {
        #expect(try render("[{{#rows}}row{{/rows}}]", ["rows": []]) == "[]")
    }

    @Test func listsOfScalarsAndListsOfListsUseThePeriod() throws {
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ["tags": ["a&b", "c"]]) == "<a&amp;b><c>")
        #expect(try render("{{#grid}}[{{#.}}{{.}}{{/.}}]{{/grid}}", ["grid": [[1, 2], ["x", true]]]) == "[12][xtrue]")
    }

    @Test func aStringOrNumberSectionPutsTheValueOnTop() throws {
        let template = "{{#title}}<h1>{{.}}</h1>{{/title}}{{#count}}({{.}}){{/count}}"
        let output = try render(template, ["title": "T", "count": 3])
        #expect(output == "<h1>T</h1>(3)")
    }

    @Test func dottedSectionNames() throws {
        let context: TemplateValue = ["page": ["flags": ["draft": false, "toc": true]]]
        let template =
            "{{#page.flags.toc}}toc{{/page.flags.toc}}{{#page.flags.draft}}draft{{/page.flags.draft}}"
            + "{{#page.nope.x}}!{{/page.nope.x}}"
        #expect(try render(template, context) == "toc")
    }

    @Test func deeplyNestedListsSeeEveryEnclosingContext() throws {
        let context: TemplateValue = [
            "groups": [["g": "A", "items": [["i": "1"], ["i": "2"]]], ["g": "B", "items": [["i": "3"]]]]
        ]
        #expect(try render("{{#groups}}{{#items}}{{g}}{{i}} {{/items}}{{/groups}}", context) == "A1 A2 B3 ")
    }

    @Test func aSectionMayNestInsideOneOfTheSameName() throws {
        #expect(try render("a{{#x}}b{{#x}}c{{/x}}d{{/x}}e", ["x": true]) == "abcde")
    }

    @Test func inlineSectionsKeepTheWhitespaceAroundAndInside() throws {
        #expect(try render(" <{{#on}} x {{/on}}> \n  {{#on}}y{{/on}}\n", ["on": true]) == " < x > \n  y\n")
    }

    @Test func standaloneSectionLinesAreRemovedWithTheirIndentationAndLineBreak() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n\t{{/items}}  \n</ul>\n"
        #expect(try render(template, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render(template, ["items": []]) == "<ul>\n</ul>\n")
    }

    @Test func standaloneLinesEndWithCRLFToo() throws {
        #expect(try render("a\r\n{{#on}}\r\nb\r\n{{/on}}\r\nc", ["on": true]) == "a\r\nb\r\nc")
    }

    @Test func aStandaloneTagNeedsNoLineBeforeOrAfterIt() throws {
        #expect(try render("\t{{#on}}\nfirst\n  {{/on}}", ["on": true]) == "first\n")
    }

    @Test func twoTagsOnOneLineAreNotStandalone() throws {
        #expect(try render("{{#on}}{{/on}}\nx\n  {{#on}} {{/on}}\n", ["on": true]) == "\nx\n   \n")
    }

    @Test func textOnTheLineMakesATagInline() throws {
        #expect(try render("a {{#on}}\nb\n{{/on}} c\n", ["on": true]) == "a \nb\n c\n")
    }
}

@Suite struct InvertedSectionTests {
    @Test func rendersForFalseMissingAndEmptyLists() throws {
        let context: TemplateValue = ["off": false, "none": []]
        let template = "{{^off}}a{{/off}}{{^missing}}b{{/missing}}{{^none}}c{{/none}}{{^off.x}}d{{/off.x}}"
        #expect(try render(template, context) == "abcd")
    }

    @Test func rendersNothingForAnyOtherValue() throws {
        let context: TemplateValue = ["on": true, "list": [1], "object": [:], "text": "", "zero": 0]
        let template =
            "[{{^on}}a{{/on}}{{^list}}b{{/list}}{{^object}}c{{/object}}"
            + "{{^text}}d{{/text}}{{^zero}}e{{/zero}}]"
        #expect(try render(template, context) == "[]")
    }

    @Test func doesNotChangeTheContext() throws {
        let template = "{{#page}}{{^description}}{{title}}: {{site}}{{/description}}{{/page}}"
        #expect(try render(template, ["site": "S", "page": ["title": "T"]]) == "T: S")
    }

    @Test func standaloneInvertedLinesAreRemoved() throws {
        #expect(try render("<p>\n  {{^lead}}\n  none\n  {{/lead}}\n</p>", [:]) == "<p>\n  none\n</p>")
    }

    @Test func aSectionAndItsInverseTogether() throws {
        let template = "{{#current}}<b>{{name}}</b>{{/current}}{{^current}}<a>{{name}}</a>{{/current}}"
        #expect(try render(template, ["name": "da", "current": true]) == "<b>da</b>")
        #expect(try render(template, ["name": "en", "current": false]) == "<a>en</a>")
    }
}

@Suite struct CommentTests {
    @Test func commentsRenderNothing() throws {
        #expect(try render("a{{! a note }}b{{!}}c") == "abc")
    }

    @Test func commentsMaySpanLinesAndHoldBraces() throws {
        #expect(try render("a{{! one\n two { three }\n}}b\n") == "ab\n")
    }

    @Test func aStandaloneCommentLineIsRemoved() throws {
        #expect(try render("one\n   {{! note }}\ntwo\n  {{!\n  long\n  }}  \nthree") == "one\ntwo\nthree")
    }

    @Test func aCommentAfterTextKeepsTheLine() throws {
        #expect(try render(" x {{! note }}\n") == " x \n")
    }
}

@Suite struct PartialTests {
    @Test func aPartialIsFoundByItsNameAndSeesTheCurrentContext() throws {
        let output = try render(
            "{{#items}}{{> partials/item}}{{/items}}", ["unit": "kg", "items": [["n": 1], ["n": 2]]],
            partials: ["partials/item": "<{{n}} {{unit}}>"])
        #expect(output == "<1 kg><2 kg>")
    }

    @Test func aMissingPartialRendersNothing() throws {
        #expect(try render("[{{> nowhere}}]") == "[]")
    }

    @Test func partialsMayIncludeThemselves() throws {
        let tree: TemplateValue = [
            "name": "root", "kids": [["name": "a", "kids": [["name": "b", "kids": []]]], ["name": "c", "kids": []]],
        ]
        let output = try render("{{> node}}", tree, partials: ["node": "{{name}}({{#kids}}{{> node}}{{/kids}})"])
        #expect(output == "root(a(b())c())")
    }

    @Test func aPartialThatIncludesItselfForeverStops() throws {
        let output = try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"])
        #expect(output == String(repeating: "x", count: TemplateLimits.partialDepth))
    }

    @Test func aPartialWithinALineIsNotIndented() throws {
        #expect(try render("  <{{> p}}>\n", [:], partials: ["p": "one\ntwo"]) == "  <one\ntwo>\n")
    }

    @Test func aStandalonePartialIndentsEveryLineOfThePartial() throws {
        let output = try render("<div>\n    {{> p}}\n</div>\n", [:], partials: ["p": "<a>\n\n<b>\n"])
        #expect(output == "<div>\n    <a>\n    \n    <b>\n</div>\n")
    }

    @Test func theLastLineOfAPartialIsIndentedEvenWithoutALineBreak() throws {
        #expect(try render("\t{{> p}}\nend", [:], partials: ["p": "1\n2"]) == "\t1\n\t2end")
    }

    @Test func valuesWithLineBreaksAreNotIndented() throws {
        let output = try render("  {{> p}}\n", ["html": "<pre>\na\n</pre>"], partials: ["p": "[\n{{{html}}}\n]\n"])
        #expect(output == "  [\n  <pre>\na\n</pre>\n  ]\n")
    }

    @Test func standaloneLinesInsideAnIndentedPartialAreRemovedNotIndented() throws {
        let output = try render(
            "  {{> list}}\n", ["items": ["a", "b"]],
            partials: ["list": "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n"])
        #expect(output == "  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n")
    }

    @Test func indentationAddsUpThroughNestedStandalonePartials() throws {
        let output = try render(
            "  {{> outer}}\n", [:], partials: ["outer": "<o>\n  {{> inner}}\n</o>\n", "inner": "<i>\n<j>\n"])
        #expect(output == "  <o>\n    <i>\n    <j>\n  </o>\n")
    }

    @Test func aLineStartingWithATagIsIndentedBeforeTheTag() throws {
        let output = try render(" {{> p}}\n", ["on": true, "v": "V"], partials: ["p": "{{#on}}on{{/on}}\n{{v}}!\n"])
        #expect(output == " on\n V!\n")
    }

    @Test func aStandalonePartialLineEndsWithCRLFToo() throws {
        #expect(try render("a\r\n  {{> p}}\r\nb", [:], partials: ["p": "x\r\n"]) == "a\r\n  x\r\nb")
    }

    @Test func delimitersDoNotCrossIntoOrOutOfPartials() throws {
        let partials = ["p": "{{v}}{{=( )=}}(v)"]
        #expect(try render("{{=<% %>=}}<%> p%>|<%v%>|{{v}}", ["v": "1"], partials: partials) == "11|1|{{v}}")
    }

    @Test func partialTagsAreListedWithTheirPositions() throws {
        let template = try Template("<a>\n  {{> partials/nav}} and {{>toc }}\n{{=<% %>=}}\n<%> foot%>")
        #expect(
            template.partialReferences == [
                PartialReference(name: "partials/nav", line: 2, column: 3),
                PartialReference(name: "toc", line: 2, column: 26),
                PartialReference(name: "foot", line: 4, column: 1),
            ])
    }
}

@Suite struct DelimiterTests {
    @Test func setDelimitersChangeTheTagsThatFollow() throws {
        #expect(try render("{{v}} {{=<% %>=}}<%v%> {{v}} <%={{ }}=%>{{v}}", ["v": "x"]) == "x x {{v}} x")
    }

    @Test func delimitersMayBeAnyCharactersAndOfAnyLength() throws {
        #expect(try render("{{=[ ]=}}[v] [=<<< >>>=]<<<#on>>><<<v>>><<</on>>>", ["v": "y", "on": true]) == "y y")
    }

    @Test func everyKindOfTagWorksWithNewDelimiters() throws {
        let output = try render(
            "{{=| |=}}|#on||{v}||& v||! c||^off|no|/off||/on||> p|", ["on": true, "off": false, "v": "<"],
            partials: ["p": "{{v}}"])
        #expect(output == "<<no&lt;")
    }

    @Test func newDelimitersLastIntoAndPastSections() throws {
        #expect(try render("{{#on}}{{=< >=}}<v>{{/on}}<v></on><v>", ["on": true, "v": "z"]) == "z{{/on}}zz")
    }

    @Test func aStandaloneSetDelimiterLineIsRemoved() throws {
        #expect(try render("a\n  {{= | | =}}  \n|v|\n", ["v": "b"]) == "a\nb\n")
    }

    @Test func spacesAroundTheDelimitersAreIgnored() throws {
        #expect(try render("[{{=   <%    %>   =}}<% v %>]", ["v": "ok"]) == "[ok]")
    }
}

@Suite struct TemplateErrorTests {
    @Test func anUnclosedSectionIsReportedAtTheEndNamingWhereItOpened() throws {
        let error = try #require(parseError("<main>\n<h1>\n  {{#page}}{{title}}\n</main>\n"))
        #expect((error.line, error.column) == (5, 1))
        #expect(error.message == "a section {{#page}} is opened at line 3 but never closed; expected {{/page}}")
        #expect(
            parseError("{{^a.b}}")?.message
                == "a section {{^a.b}} is opened at line 1 but never closed; expected {{/a.b}}")
    }

    @Test func aMismatchedCloseIsReportedWhereItIs() throws {
        let error = try #require(parseError("{{#outer}}\n{{#inner}}\n  x {{/outer}}\n"))
        #expect((error.line, error.column) == (3, 5))
        #expect(
            error.message == "{{/outer}} does not close the section {{#inner}} opened at line 2; expected {{/inner}}")
    }

    @Test func aCloseWithoutOpenIsReported() throws {
        let error = try #require(parseError("ok\n{{/nothing}}"))
        #expect((error.line, error.column) == (2, 1))
        #expect(error.message.hasPrefix("{{/nothing}} closes a section that is not open"))
    }

    @Test func anUnclosedTagIsReportedWhereItStarts() throws {
        let error = try #require(parseError("<p>\n  hello {{name</p>\n"))
        #expect((error.line, error.column) == (2, 9))
        #expect(error.message == "a tag is opened with {{ but never closed; expected }}")
        let triple = try #require(parseError("{{{html}}"))
        #expect(triple.message == "a tag is opened with {{{ but never closed; expected }}}")
        #expect(parseError("{{=<% %>=}}<%# x")?.message == "a tag is opened with <%# but never closed; expected %>")
    }

    @Test func emptyTagsAreReported() throws {
        #expect(parseError("a {{ }}")?.message == "{{ }} names nothing; expected a name, e.g. {{title}}")
        #expect(parseError("{{#}}{{/}}")?.column == 1)
        #expect(parseError("{{>  }}")?.message == "{{>  }} names nothing; expected a name, e.g. {{title}}")
    }

    @Test func namesWithSpacesOrEmptyPartsAreReported() throws {
        #expect(parseError("{{page title}}")?.message == "\"page title\" is not a name: a name cannot contain spaces")
        #expect(
            parseError("{{> my partial}}")?.message
                == "\"my partial\" is not a name: a partial's name cannot contain spaces")
        for name in ["a..b", ".a", "a."] {
            let message = parseError("{{\(name)}}")?.message ?? ""
            #expect(message.hasPrefix("\"\(name)\" is not a name: a dotted name needs"))
        }
    }

    @Test func swiftMustacheTransformsAreReportedWithWhatToUseInstead() throws {
        let error = try #require(parseError("{{#children}}\n  {{#first()}}<ul>{{/first()}}\n{{/children}}"))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message.hasPrefix("\"first()\" is a swift-mustache transform"))
        #expect(error.message.contains("hasChildren"))
    }

    @Test func inheritanceAndPragmasAreReportedAsUnsupported() throws {
        #expect(
            parseError("{{<base}}{{/base}}")?.message
                == "{{<base}} is template inheritance (a Mustache extension), which Tandem's templates do not support")
        #expect(parseError("x {{$block}}")?.column == 3)
        #expect(parseError("{{%FILTERS}}")?.message.contains("a pragma") == true)
    }

    @Test func badSetDelimiterTagsAreReported() throws {
        for template in ["{{=<%=}}", "{{=<% %> x=}}", "{{=<= =>=}}"] {
            let message = parseError(template)?.message ?? ""
            #expect(
                message.hasSuffix(
                    "expected two delimiters without spaces or =, separated by a space, e.g. {{=<% %>=}}"),
                "\(template)")
        }
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(parseError("æøå → {{/x}}"))
        #expect((error.line, error.column) == (1, 7))
        #expect(
            error.description
                == "1:7: {{/x}} closes a section that is not open; remove it or open the section before it")
    }
}

@Suite struct TemplateValueTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: TemplateValue = [
            "s": "text", "i": 3, "b": true, "l": ["x", 1], "o": ["k": false], "interpolated": "\(1 + 1)",
        ]
        #expect(
            value
                == .object([
                    "s": .string("text"), "i": .int(3), "b": .bool(true), "l": .list([.string("x"), .int(1)]),
                    "o": .object(["k": .bool(false)]), "interpolated": .string("2"),
                ]))
    }
}

@Suite struct TemplateLibraryTests {
    @Test func rendersTemplatesByNameAndNothingForUnknownNames() throws {
        var library = TemplateLibrary()
        try library.register("<main>{{> partials/title}}</main>", named: "layouts/page")
        library.register(try Template("<h1>{{title}}</h1>"), named: "partials/title")
        #expect(try library.render("layouts/page", context: ["title": "Hi"]) == "<main><h1>Hi</h1></main>")
        #expect(try library.render("layouts/none", context: [:]) == nil)
        #expect(library["partials/title"] != nil)
    }

    @Test func aFailedRegistrationLeavesTheLibraryAsItWas() throws {
        var library = TemplateLibrary()
        try library.register("old", named: "a")
        #expect(throws: TemplateError.self) { try library.register("{{#x}}", named: "a") }
        #expect(try library.render("a", context: [:]) == "old")
    }

    @Test func oneTemplateRendersFromManyTasksAtOnce() async throws {
        var library = TemplateLibrary()
        try library.register("{{#rows}}<{{> cell}}>{{/rows}}", named: "table")
        try library.register("{{n}}&{{label}}", named: "cell")
        let shared = library
        let outputs = await withTaskGroup(of: (Int, String).self) { group in
            for task in 0..<64 {
                group.addTask {
                    let rows: TemplateValue = .list((0..<50).map { ["n": .int(task * 100 + $0)] })
                    return (task, (try? shared.render("table", context: ["rows": rows, "label": "<\(task)>"])) ?? "")
                }
            }
            var outputs: [Int: String] = [:]
            for await (task, output) in group { outputs[task] = output }
            return outputs
        }
        for (task, output) in outputs {
            #expect(output == (0..<50).map { "<\(task * 100 + $0)&&lt;\(task)&gt;>" }.joined())
        }
        #expect(outputs.count == 64)
    }
}

@Suite struct TrimmedIndentationTests {
    private func trimmed(_ text: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        for (name, source) in partials { library.register(try Template(source, trimIndentation: true), named: name) }
        return try Template(text, trimIndentation: true).render(context, partials: library)
    }

    @Test func linesLoseTheirIndentationAndBlankLinesGo() throws {
        let text = "<ul>\n  <li>{{a}}</li>\n\n\t<li>\n    {{b}} and {{c}}\n  </li>\n   \n</ul>\n"
        #expect(try trimmed(text, ["a": "1", "b": "2", "c": "3"]) == "<ul>\n<li>1</li>\n<li>\n2 and 3\n</li>\n</ul>\n")
    }

    @Test func spacesInsideALineAndAfterATagStay() throws {
        #expect(try trimmed("  <p>{{a}}  <b>x</b>   {{a}}</p>", ["a": "A"]) == "<p>A  <b>x</b>   A</p>")
        #expect(try trimmed("<p>{{a}}\n  next</p>", ["a": "A"]) == "<p>A\nnext</p>")
    }

    @Test func standaloneTagsAndIndentedPartialsAreNotIndented() throws {
        let text = "<ul>\n  {{#items}}\n    <li>{{.}}</li>\n  {{/items}}\n  {{> row}}\n</ul>\n"
        let output = try trimmed(text, ["items": ["a", "b"]], partials: ["row": "  <li>\n    row\n  </li>\n"])
        #expect(output == "<ul>\n<li>a</li>\n<li>b</li>\n<li>\nrow\n</li>\n</ul>\n")
    }

    @Test func aTemplateWithPreformattedTextKeepsEverySpace() throws {
        for text in ["<div>\n  <pre>\n    code\n  </pre>\n</div>\n", "<div>\n  <TEXTAREA>\n    text\n  </TEXTAREA>\n</div>\n"] {
            #expect(try trimmed(text) == text)
        }
    }

    @Test func errorsKeepTheirPositionInTheSource() {
        do {
            _ = try Template("<div>\n    {{/close}}\n</div>\n", trimIndentation: true)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 5)
        }
    }

    @Test func theDefaultKeepsTheIndentation() throws {
        #expect(try render("<ul>\n  <li>{{a}}</li>\n</ul>\n", ["a": "1"]) == "<ul>\n  <li>1</li>\n</ul>\n")
    }
}
