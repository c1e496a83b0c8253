import Model
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
            brand: {name: Acme, logo: assets/logo.svg, primary: "#112233", accent: "#ABC"}
            translations:
              en: {title: Playbook EN}
            """
        let config = try SiteConfig.parse(yaml, file: "site.yml")
        #expect(config.language == .da)
        #expect(config.baseURL == "https://example.org/pb/")
        #expect(config.unsafeHTML)
        #expect(config.brand.name == "Acme")
        #expect(config.brand.primary == "#112233")
        #expect(config.brand.accent == "#abc")
        #expect(config.title(in: .en) == "Playbook EN")
        #expect(config.title(in: .da) == "Playbook")
    }

    @Test func reportsEveryProblemWithPosition() {
        let yaml = "title: A\nlanguage: de\nbrand:\n  primray: \"#123456\"\n  accent: blue\nbase_url: example.org\n"
        #expect {
            _ = try SiteConfig.parse(yaml, file: "content/site.yml")
        } throws: { error in
            (error as! DiagnosticsError).diagnostics.map(\.description) == [
                "content/site.yml:2:11: error: language \"de\" is not supported; expected en or da",
                "content/site.yml:4:3: error: unknown key \"primray\" in brand; did you mean \"primary\"?",
                "content/site.yml:5:11: error: brand.accent \"blue\" is not a colour; write it as #rrggbb, e.g. #1d4ed8",
                "content/site.yml:6:11: error: base_url \"example.org\" must be an absolute URL such as https://example.org/playbook/",
            ]
        }
    }
}
