import Content
import Core
import Formats
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndBody() throws {
        let text = "---\ntitle: \"SLA\"\nweight: 30\ndate: 2026-01-15\ndraft: false\n---\n# Heading\n"
        let (matter, body, bodyLine) = try FrontMatter.split(text, file: "sla.md")
        #expect(matter.title == "SLA")
        #expect(matter.weight == 30)
        #expect(matter.date == SimpleDate("2026-01-15"))
        #expect(matter.draft == false)
        #expect(body == "# Heading\n")
        #expect(bodyLine == 6)
    }

    @Test func acceptsWindowsLineEndings() throws {
        let (matter, body, _) = try FrontMatter.split("---\r\ntitle: A\r\n---\r\nBody\r\n", file: "a.md")
        #expect(matter.title == "A")
        #expect(body == "Body\r\n")
    }

    /// Windows editors may save UTF-8 with a byte-order mark before `---`: the front matter is
    /// still front matter, not a heading and a thematic break.
    @Test func aByteOrderMarkBeforeTheFrontMatterIsIgnored() throws {
        let (matter, body, bodyLine) = try FrontMatter.split(
            "\u{FEFF}---\r\ntitle: A\r\nweight: 3\r\n---\r\nBody\r\n", file: "a.md")
        #expect(matter.title == "A")
        #expect(matter.weight == 3)
        #expect(body == "Body\r\n")
        #expect(bodyLine == 4)
        // Its problems keep their lines.
        let problems = try FrontMatter.read("\u{FEFF}---\ntitle: A\nwieght: 3\n---\nBody\n", file: "a.md").problems
        #expect(problems.map(\.location.line) == [3])
    }

    @Test func withoutFrontMatterTheWholeFileIsBody() throws {
        let (matter, body, bodyLine) = try FrontMatter.split("# Only body\n", file: "a.md")
        #expect(matter == FrontMatter())
        #expect(body == "# Only body\n")
        #expect(bodyLine == 0)
    }

    @Test func unknownKeyNamesPositionAndSuggestion() {
        let text = "---\ntitle: A\nwieght: 3\n---\n"
        #expect {
            _ = try FrontMatter.split(text, file: "content/a.md")
        } throws: { error in
            let diagnostics = (error as! DiagnosticsError).diagnostics
            return diagnostics.map(\.description) == [
                "content/a.md:3:1: error: unknown key \"wieght\" in front matter; did you mean \"weight\"?"
            ]
        }
    }

    @Test func reportsEveryProblem() {
        let text = "---\ntitle: A\nweight: heavy\ndraft: maybe\ndate: 2026-02-30\n---\n"
        #expect {
            _ = try FrontMatter.split(text, file: "a.md")
        } throws: { error in
            let lines = (error as! DiagnosticsError).diagnostics.map(\.description)
            return lines == [
                "a.md:3:9: error: weight must be a whole number, not \"heavy\"",
                "a.md:4:8: error: draft must be true or false, not \"maybe\"",
                "a.md:5:7: error: date must be a date written YYYY-MM-DD, not \"2026-02-30\"",
            ]
        }
    }

    @Test func brokenYAMLHasItsPosition() {
        let text = "---\ntitle: \"unclosed\nweight: 1\n---\n"
        #expect {
            _ = try FrontMatter.split(text, file: "a.md")
        } throws: { error in
            let diagnostic = (error as! DiagnosticsError).diagnostics[0]
            return diagnostic.location.file == "a.md" && diagnostic.location.line >= 2
                && diagnostic.message.hasPrefix("this is not valid YAML")
        }
    }

    @Test func unclosedFrontMatter() {
        #expect {
            _ = try FrontMatter.split("---\ntitle: A\n", file: "a.md")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics.map(\.description) == [
                "a.md:1:1: error: front matter starts with --- but has no closing --- line; add a line with --- after it"
            ]
        }
    }
}

@Suite struct SiteConfigTests {
    @Test func readsEverySetting() throws {
        let yaml = """
            title: Playbook
            description: One pipeline
            language: da
            base_url: https://example.org/pb
            unsafe_html: true
            minify: false
            brand: {name: Acme, logo: assets/logo.svg, primary: "#112233", accent: "#ABC"}
            translations:
              en: {title: Playbook EN}
            """
        let config = try SiteConfig.parse(yaml, file: "site.yml")
        #expect(config.language == .da)
        #expect(config.baseURL == "https://example.org/pb/")
        #expect(config.unsafeHTML)
        #expect(!config.minify)
        #expect(try SiteConfig.parse("title: A\n", file: "site.yml").minify, "minify is on by default")
        #expect(config.brand.name == "Acme")
        #expect(config.brand.primary == "#112233")
        #expect(config.brand.accent == "#abc")
        #expect(config.title(in: .en) == "Playbook EN")
        #expect(config.title(in: .da) == "Playbook")
    }

    @Test func reportsEveryProblemWithPosition() {
        let yaml =
            "title: A\nlanguage: de\nbrand:\n  primray: \"#123456\"\n  accent: blue\nbase_url: example.org\nminify: sometimes\n"
        #expect {
            _ = try SiteConfig.parse(yaml, file: "content/site.yml")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics.map(\.description) == [
                "content/site.yml:2:11: error: language \"de\" is not supported; expected en or da",
                "content/site.yml:4:3: error: unknown key \"primray\" in brand; did you mean \"primary\"?",
                "content/site.yml:5:11: error: brand.accent \"blue\" is not a colour; write it as #rrggbb, e.g. #1d4ed8",
                "content/site.yml:6:11: error: base_url \"example.org\" must be an absolute URL such as https://example.org/playbook/",
                "content/site.yml:7:9: error: minify must be true or false, not \"sometimes\"",
            ]
        }
    }
}

@Suite struct BrandContrastTests {
    @Test func contrastRatiosFollowWCAG() throws {
        let white = try #require(Colour(hex: "#fff"))
        let black = try #require(Colour(hex: "#000000"))
        #expect(abs(black.contrast(with: white) - 21) < 1e-9)
        #expect(abs(try #require(Colour(hex: "#777777")).contrast(with: white) - 4.478) < 0.001)
    }

    @Test func warnsAboutPaleBrandColoursWithRatioAndPosition() throws {
        let config = try SiteConfig.parse("brand:\n  primary: \"#7fb3d5\"\n  accent: \"#fde68a\"\n", file: "content/site.yml")
        #expect(
            config.contrastWarnings.map(\.description) == [
                "content/site.yml:2:12: warning: brand.primary #7fb3d5 has a contrast of 2.25:1 against white (#ffffff), below the 4.50:1 that WCAG AA asks for links on white and white text on it; choose a darker colour",
                "content/site.yml:3:11: warning: brand.accent #fde68a has a contrast of 1.24:1 against white (#ffffff), below the 3.00:1 that WCAG AA asks for rules and markers on white; choose a darker colour",
            ])
        let good = try SiteConfig.parse("brand:\n  primary: \"#155e75\"\n  accent: \"#c2410c\"\n", file: "site.yml")
        #expect(good.contrastWarnings.isEmpty)
    }
}
