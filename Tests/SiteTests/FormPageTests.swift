import Core
import Foundation
import Render
import Scorecard
import Site
import Testing

/// The self-assessment form and tally pages of the example site (`content/`): the test hooks of
/// docs/form.md, both languages, no inline script, the page weight, and files the browser saved.
///
/// The browser suite (`Tests/Browser`, run by `Scripts/browser-tests.sh`) drives the same pages.
@Suite struct FormPageTests {
    static let assessmentID = "sales-marketing-alignment"

    /// The example site, built once for the suite.
    static let site: (output: String, assessment: Assessment) = {
        let output = Fixtures.temporaryFolder() + "/public"
        let options = BuildOptions(
            contentDirectory: Fixtures.repository + "/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: output)
        _ = try! SiteBuilder(options: options).build()
        let (assessments, problems) = Assessment.loadAll(contentDirectory: Fixtures.repository + "/content")
        precondition(problems.isEmpty, "\(problems)")
        return (output, assessments.first { $0.id == assessmentID }!)
    }()

    static func page(_ path: String) throws -> String {
        let url = URL(fileURLWithPath: site.output + "/" + path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func formPath(_ language: Language) -> String {
        (language == .en ? "" : language.rawValue + "/") + "assessment/\(assessmentID)/index.html"
    }

    static func tallyPath(_ language: Language) -> String {
        (language == .en ? "" : language.rawValue + "/") + "assessment/\(assessmentID)-tally/index.html"
    }

    /// Text as the templates write it into HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Every match of a pattern's first capture group.
    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    @Test(arguments: [Language.en, .da])
    func theFormHasTheDesignHooks(language: Language) throws {
        let html = try Self.page(Self.formPath(language))
        let assessment = Self.site.assessment
        // Each question a fieldset with data-question, holding radio inputs whose value is the scale value.
        let fieldsets = Self.captures(#"<fieldset class="question" data-question="([^"]+)""#, in: html)
        #expect(fieldsets == assessment.questions.map(\.id))
        for question in assessment.questions {
            let fieldset = try #require(Self.captures(#"data-question="\#(question.id)"([\s\S]*?)</fieldset>"#, in: html).first)
            let values = Self.captures(#"<input type="radio" name="q\d+" value="(-?\d+)""#, in: fieldset)
            #expect(values == (assessment.scaleMin...assessment.scaleMax).map(String.init), "\(question.id)")
            #expect(html.contains(Self.escaped(question.text.text(in: language))))
        }
        #expect(html.contains(#"data-score-mean data-value="""#))
        #expect(html.contains(#"data-score-band data-value="""#))
        #expect(html.contains(#"<html lang="\#(language.rawValue)""#))
        // Department, team, round, name and date.
        for field in ["department", "team", "round", "respondent", "date"] {
            #expect(html.contains(#"data-field="\#(field)""#), "\(field)")
        }
    }

    @Test func theDanishPagesSpeakDanish() throws {
        let form = try Self.page(Self.formPath(.da))
        #expect(form.contains("Forstår marketing hvad der foregår i salgsafdelingen?"))
        #expect(form.contains("Hent mine svar"))
        #expect(form.contains("<title>Tag selvevalueringen · "))
        #expect(form.contains(#"href="../../playbooks/sql-definition/index.html#kriterierne""#))
        let tally = try Self.page(Self.tallyPath(.da))
        #expect(tally.contains(#"data-key-other="a""#))
        #expect(tally.contains("Tast papirskemaer ind"))
        let english = try Self.page(Self.formPath(.en))
        #expect(english.contains(#"href="../../playbooks/sql-definition/index.html#the-criteria""#))
        #expect(english.contains(#"hreflang="da""#))
    }

    /// The scripts read the questionnaire's numbers from the page and hand them to the module, so
    /// they must read back as exactly the questionnaire's values.
    @Test func theNumbersOnThePageAreTheQuestionnaires() throws {
        let html = try Self.page(Self.formPath(.en))
        let assessment = Self.site.assessment
        let weights = Self.captures(#"data-question="[^"]+" data-weight="([^"]+)""#, in: html).map { Double($0)! }
        #expect(weights == assessment.questions.map(\.weight))
        let bandMins = Self.captures(#"data-band="[^"]+" data-min="([^"]+)""#, in: html).map { Double($0)! }
        #expect(bandMins == assessment.bands.map(\.min))
        #expect(
            html.contains(
                #"data-scale-min="1" data-scale-max="5" data-min-answered="9" data-gap-threshold="1.5" data-min-group-size="3""#))
        // Answers in the lowest band link to the playbook page that helps.
        let low = Self.captures(#"name="q5" value="(\d)" data-low"#, in: html)
        #expect(low == ["1", "2"])
    }

    @Test(arguments: [Language.en, .da])
    func noInlineScriptAndEveryScriptExists(language: Language) throws {
        for path in [Self.formPath(language), Self.tallyPath(language)] {
            let html = try Self.page(path)
            let tags = Self.captures(#"(<script[^>]*>)"#, in: html)
            #expect(tags.count == (path.contains("tally") ? 4 : 3))
            for tag in tags {
                let source = Self.captures(#"src="([^"]+)""#, in: tag)
                #expect(source.count == 1, "inline script in \(path): \(tag)")
                let directory = URL(fileURLWithPath: Self.site.output + "/" + path).deletingLastPathComponent()
                #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(source[0]).standardized.path))
            }
            #expect(Self.captures(#"\s(on[a-z]+)=""#, in: html).isEmpty, "event handler attributes in \(path)")
            #expect(html.contains("script-src 'self' 'wasm-unsafe-eval'"))
        }
    }

    /// The form page with everything it loads: the page, the stylesheet and its three scripts.
    static func pageWeight(_ language: Language) throws -> (raw: Int, compressed: Int, files: [(String, Int, Int)]) {
        let path = formPath(language)
        let html = try page(path)
        let directory = URL(fileURLWithPath: site.output + "/" + path).deletingLastPathComponent()
        var urls = [URL(fileURLWithPath: site.output + "/" + path)]
        for reference in captures(#"<(?:script|link rel="stylesheet")[^>]*(?:src|href)="([^"]+)""#, in: html) {
            urls.append(directory.appendingPathComponent(reference).standardized)
        }
        var files: [(String, Int, Int)] = []
        for url in urls {
            let bytes = try Data(contentsOf: url)
            files.append((url.lastPathComponent, bytes.count, try gzipSize(bytes)))
        }
        return (files.reduce(0) { $0 + $1.1 }, files.reduce(0) { $0 + $1.2 }, files)
    }

    static func gzipSize(_ data: Data) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -9 -n -c | wc -c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? Int.max
    }

    /// At most 60 KiB as it is stored, uncompressed, which is what a browser reads from a zipped
    /// copy of the site opened from `file://`: the page, its two stylesheets and its three scripts
    /// (the scoring module deflated inside one of them). The figures are in the failure message.
    @Test(arguments: [Language.en, .da])
    func theFormPageWeighsAtMost60KiB(language: Language) throws {
        let weight = try Self.pageWeight(language)
        let table = weight.files.map { "\($0.0): \($0.1) B, \($0.2) B compressed" }.joined(separator: "\n")
        #expect(weight.files.count == 6, "\(table)")
        #expect(weight.raw <= 60 * 1024, "\(weight.raw) B in all:\n\(table)")
        #expect(weight.compressed <= 30 * 1024, "\(weight.compressed) B compressed in all:\n\(table)")
        let scripts = weight.files.filter { $0.0.hasSuffix(".js") }
        #expect(scripts.count == 3, "\(table)")
    }

    // MARK: - Files the browser saved

    static func results(_ name: String, format: ResultFile.Format) throws -> [AssessmentResult] {
        let path = Fixtures.root + "/form-export/" + name
        let file = try ResultFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: name, format: format)
        #expect(file.assessmentIDs == [assessmentID])
        let (results, diagnostics) = file.results(for: .only(site.assessment))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return results
    }

    /// `Download my answers` saved this file in Chromium (Tests/Browser, TANDEM_RECORD_FIXTURES=1).
    @Test func aFileTheFormSavedIsAResult() throws {
        let results = try Self.results("form-answers.json", format: .json)
        #expect(results.count == 1)
        #expect(results[0].department == "other")
        #expect(results[0].respondent == "person 5")
        #expect(results[0].answers == [5, nil, 5, 4, nil, 1, 5, 1, 1])
        // The keys in the order of docs/scoring.md ("Results", "JSON"), every question present.
        let text = try String(contentsOfFile: Fixtures.root + "/form-export/form-answers.json", encoding: .utf8)
        let keys = Self.captures(#"\n  "([a-z]+)":"#, in: text)
        #expect(keys == ["assessment", "version", "date", "department", "respondent", "answers"])
    }

    /// Tally mode's two exports of the same seven sheets read as the same results.
    @Test func theTallyExportsAreResults() throws {
        let json = try Self.results("tally-sheets.json", format: .json)
        let csv = try Self.results("tally-sheets.csv", format: .csv)
        #expect(json.count == 7)
        #expect(json.map(\.answers) == csv.map(\.answers))
        #expect(json.map(\.department) == csv.map(\.department))
        #expect(json.map(\.department) == ["sales", "sales", "marketing", "marketing", "other", "sales", "marketing"])
        #expect(json[3].answers[5] == nil)
    }
}
