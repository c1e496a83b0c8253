import Markdown
import Testing

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        let result = Markdown.render(
            "Some *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n> quote\n\n```swift\nlet x = 1 < 2\n```\n")
        #expect(
            result.html == """
                <p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>
                <ul>
                <li>one</li>
                <li>two</li>
                </ul>
                <blockquote>
                <p>quote</p>
                </blockquote>
                <pre><code class="language-swift">let x = 1 &lt; 2
                </code></pre>

                """)
    }

    @Test func headingsGetUniqueIdsAndTheFirstH1IsTheTitle() {
        let result = Markdown.render("# Mål og økonomi\n\n## Escalation\n\n### Escalation\n\n## *Why* it works\n")
        #expect(result.title == "Mål og økonomi")
        #expect(result.headings.map(\.id) == ["escalation", "escalation-2", "why-it-works"])
        #expect(result.headings.map(\.level) == [2, 3, 2])
        #expect(result.html.hasPrefix("<h2 id=\"escalation\">Escalation</h2>\n"))
        #expect(result.html.contains("<h2 id=\"why-it-works\"><em>Why</em> it works</h2>"))
    }

    @Test func safeModeOmitsRawHTMLAndDangerousURLs() {
        let markdown = "<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1))\n"
        let safe = Markdown.render(markdown)
        #expect(!safe.html.contains("<script>"))
        #expect(safe.html.contains("<!-- raw HTML omitted -->"))
        #expect(safe.html.contains("<a href=\"\">x</a>"))
        let unsafe = Markdown.render(markdown, options: MarkdownOptions(unsafeHTML: true))
        #expect(unsafe.html.contains("<script>alert(1)</script>"))
        #expect(unsafe.html.contains("<b>there</b>"))
    }

    @Test func linksAreResolvedWithTheirPositions() {
        var seen: [LinkReference] = []
        let result = Markdown.render(
            "Intro\n\nSee [the SLA](sla.md#escalation) and ![logo](img/logo.png \"Logo\").\n",
            options: MarkdownOptions(lineOffset: 4)
        ) { reference in
            seen.append(reference)
            return reference.kind == .link ? "../sla/index.html#escalation" : nil
        }
        #expect(
            seen == [
                LinkReference(kind: .link, destination: "sla.md#escalation", line: 7, column: 5),
                LinkReference(kind: .image, destination: "img/logo.png", line: 7, column: 38),
            ])
        #expect(result.html.contains("<a href=\"../sla/index.html#escalation\">the SLA</a>"))
        #expect(result.html.contains("<img src=\"img/logo.png\" alt=\"logo\" title=\"Logo\" />"))
    }

    @Test func fencedBlocksCanBeRenderedByTheCaller() {
        var blocks: [FencedBlock] = []
        let result = Markdown.render("Text\n\n```goal\nsql_target: 120\n```\n\n```\nplain\n```\n") { _ in
            nil
        } renderBlock: { block in
            blocks.append(block)
            return block.info == "goal" ? "<div class=\"goal\"></div>\n" : nil
        }
        #expect(blocks == [FencedBlock(info: "goal", literal: "sql_target: 120\n", line: 3, contentLine: 4)])
        #expect(result.html == "<p>Text</p>\n<div class=\"goal\"></div>\n<pre><code>plain\n</code></pre>\n")
    }

    @Test func tightAndLooseLists() {
        #expect(Markdown.render("1. a\n2. b\n").html == "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n")
        #expect(
            Markdown.render("3. a\n\n4. b\n").html == "<ol start=\"3\">\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ol>\n")
    }

    @Test func escapesText() {
        #expect(Markdown.render("a & b < c \"d\"\n").html == "<p>a &amp; b &lt; c &quot;d&quot;</p>\n")
    }
}
