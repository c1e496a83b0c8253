import Formats
import Foundation
import Testing

/// The example site's results pages show the numbers `tandem score --by department` prints for
/// the same files, digit for digit (issue 5: "every number on it matches tandem score").
@Suite("results pages and tandem score")
struct ResultsPagesCLITests {
    /// A JSON document with lookups by key, reading numbers as their exact text.
    struct JSON {
        let document: JSONDocument

        init(_ text: String) throws {
            document = try JSONDocument(parsing: Array(text.utf8))
        }

        func member(_ object: Int, _ key: String) -> Int? {
            document.members(object).first { document.string($0.key) == key }?.value
        }

        /// The value at a path of keys, as its JSON text: `3.6428571428571432`, `null`, `[0, 1]`.
        func text(_ object: Int, _ path: String...) -> String? {
            var value = object
            for key in path {
                guard let next = member(value, key) else { return nil }
                value = next
            }
            return text(value)
        }

        func text(_ value: Int) -> String {
            document.kind(value) == .array
                ? "[" + document.elements(value).map(text).joined(separator: ", ") + "]" : document.text(value)
        }

        func elements(_ object: Int, _ key: String) -> [Int] {
            member(object, key).map { Array(document.elements($0)) } ?? []
        }
    }

    @Test func theExampleRoundMatchesTandemScoreByDepartment() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-results-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let build = try Tandem.run(["build", "--output", folder], in: Tandem.repository)
        #expect(build.status == 0, "\(build.stderr)")
        let score = try Tandem.run(
            ["score", "content/results/nordlys/2026-Q1.json", "--format", "json", "--by", "department"], in: Tandem.repository)
        #expect(score.status == 0, "\(score.stderr)")

        let scored = try JSON(score.stdout)
        let page = try JSON(String(contentsOfFile: folder + "/results/nordlys-a-s/2026-q1/aggregate.json", encoding: .utf8))
        let (s, p) = (scored.document.root, page.document.root)
        #expect(page.text(p, "overall", "n") == scored.text(s, "overall", "n"))
        #expect(page.text(p, "overall", "mean") == scored.text(s, "overall", "mean"))
        #expect(page.text(p, "overall", "band") == scored.text(s, "overall", "band"))
        #expect(page.text(p, "gap") == scored.text(s, "gap"))

        let groups = scored.elements(s, "groups")
        func group(_ name: String) throws -> Int {
            try #require(groups.first { scored.text($0, "group") == "\"\(name)\"" })
        }
        let sales = try group("sales")
        let marketing = try group("marketing")
        #expect(page.text(p, "sales", "mean") == scored.text(sales, "overall", "mean"))
        #expect(page.text(p, "sales", "n") == scored.text(sales, "overall", "n"))
        #expect(page.text(p, "marketing", "mean") == scored.text(marketing, "overall", "mean"))

        let questions = page.elements(p, "questions")
        let scoredQuestions = scored.elements(s, "questions")
        let salesQuestions = scored.elements(sales, "questions")
        let marketingQuestions = scored.elements(marketing, "questions")
        #expect(questions.count == 9 && scoredQuestions.count == 9)
        for (i, question) in questions.enumerated() {
            for key in ["id", "n", "mean", "distribution", "gap", "flagged"] {
                #expect(page.text(question, key) == scored.text(scoredQuestions[i], key), "question \(i + 1) \(key)")
            }
            #expect(page.text(question, "sales", "mean") == scored.text(salesQuestions[i], "mean"), "question \(i + 1)")
            #expect(page.text(question, "sales", "n") == scored.text(salesQuestions[i], "n"), "question \(i + 1)")
            #expect(page.text(question, "marketing", "mean") == scored.text(marketingQuestions[i], "mean"), "question \(i + 1)")
        }

        // The page shows the same numbers, rounded, with the exact ones in data- attributes.
        let html = try String(contentsOfFile: folder + "/results/nordlys-a-s/2026-q1/index.html", encoding: .utf8)
        let mean = try #require(page.text(p, "overall", "mean"))
        #expect(html.contains("<span class=\"results-number\" data-value=\"\(mean)\">\(ScoreText.oneDecimal(mean))</span>"))
        for question in questions {
            let value = try #require(page.text(question, "mean"))
            #expect(html.contains("data-value=\"\(value)\">\(ScoreText.oneDecimal(value))</span>"))
        }
    }
}

/// `3.6428571428571432` -> `3.6`, as a person would round the number the page should show.
enum ScoreText {
    static func oneDecimal(_ text: String) -> String {
        let value = Double(text)!
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
