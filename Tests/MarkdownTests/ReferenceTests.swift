import Foundation
import TestSupport
import Testing

@testable import Markdown

/// Tandem renders cmark's tree itself (for heading ids and links); the markup must stay exactly
/// cmark's own, apart from the ids.
@Suite struct ReferenceTests {
    static let samples: [String] = {
        var samples = [
            "# H1\n\ntext *em* **strong** `code` [link](http://x \"t\") ![img](a.png)\n",
            "- a\n- b\n\n  c\n- d\n",
            "1. a\n   - nested\n   - list\n2. b\n",
            "> quote\n> - list in quote\n\n---\n\n    indented code\n",
            "Hard  \nbreak and soft\nbreak\n\n```\nfenced <code>\n```\n",
            "<div>\n*raw*\n</div>\n\ninline <span>html</span> & entities &copy; &#65;\n",
            "Setext\n======\n\nAnother\n-------\n\n[ref]\n\n[ref]: /url \"title\"\n",
            "* [x](javascript:alert(1)) <http://auto.link> <me@example.com>\n",
            "1) one\n2) two\n\n10. ten\n",
            "- \n- empty item\n\n***\n",
        ]
        let content = Repository.exampleContent
        if let files = FileManager.default.enumerator(atPath: content) {
            for case let file as String in files where file.hasSuffix(".md") {
                if let text = try? String(contentsOfFile: content + "/" + file, encoding: .utf8) { samples.append(text) }
            }
        }
        return samples
    }()

    static func withoutIds(_ html: String) -> String {
        html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
    }

    @Test(arguments: [false, true])
    func markupIsCmarks(unsafe: Bool) {
        #expect(Self.samples.count > 10)
        for sample in Self.samples {
            let ours = Markdown.render(sample, options: MarkdownOptions(unsafeHTML: unsafe, extractTitle: false)).html
            let reference = Markdown.referenceHTML(sample, unsafeHTML: unsafe)
            #expect(Self.withoutIds(ours) == reference, "\(sample.prefix(60))")
        }
    }
}
