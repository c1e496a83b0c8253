import Testing

@testable import Site

@Suite struct URLPathTests {
    @Test(arguments: [
        ("", "index.html", "index.html"),
        ("", "a/b/index.html", "a/b/index.html"),
        ("a/b", "a/b/index.html", "index.html"),
        ("a/b", "a/index.html", "../index.html"),
        ("a/b", "index.html", "../../index.html"),
        ("a/b", "a/bc/index.html", "../bc/index.html"),
        ("a/b", "a/b/c/index.html", "c/index.html"),
        ("da/playbooks/sla", "playbooks/sla/index.html", "../../../playbooks/sla/index.html"),
        ("x", "assets/style.css", "../assets/style.css"),
        ("ab", "a/index.html", "../a/index.html"),
    ])
    func relativeURLs(from: String, to: String, expected: String) {
        #expect(URLPath.relative(from: from, to: to) == expected)
    }

    @Test func normalizes() {
        #expect(URLPath.normalize("a/./b/../c.md") == "a/c.md")
        #expect(URLPath.normalize("../x.md") == nil)
        #expect(URLPath.isExternal("https://x") && URLPath.isExternal("mailto:a@b") && URLPath.isExternal("//cdn"))
        #expect(!URLPath.isExternal("sla.md") && !URLPath.isExternal("a/b:c.md") && !URLPath.isExternal("#x"))
        #expect(URLPath.percentDecoded("M%C3%A5l.md") == "Mål.md")
    }
}
