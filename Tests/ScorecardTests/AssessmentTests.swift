import Core
import Scorecard
import ScoringCore
import TestSupport
import Testing

@Suite("Questionnaires")
struct AssessmentTests {
    @Test func readsEveryPartOfTheFixtureQuestionnaire() throws {
        let assessment = try Fixtures.alignment()
        #expect(assessment.id == "alignment")
        #expect(assessment.version == 2)
        #expect(assessment.languages == [.en, .da])
        #expect(assessment.questions.map(\.id) == ["shared-goal", "sla-followed", "one-pipeline"])
        #expect(assessment.questions.map(\.weight) == [1, 2, 1])
        #expect(assessment.bands.map(\.id) == ["low", "mid", "high"])
        #expect(
            assessment.questionnaire
                == (try Questionnaire(
                    scaleMin: 1, scaleMax: 5, weights: [1, 2, 1], bandMins: [1, 2.5, 4], minAnswered: 2, gapThreshold: 1,
                    minGroupSize: 2)))
        #expect(assessment.position(of: "one-pipeline") == 2)
        #expect(assessment.position(of: "nope") == nil)
    }

    @Test func textsComeInEveryLanguageMatchedById() throws {
        let assessment = try Fixtures.alignment()
        let pipeline = assessment.questions[2]
        // The translation lists this question first; texts are matched by id, not position.
        #expect(pipeline.text.text(in: .en) == "Is there one pipeline report?")
        #expect(pipeline.text.text(in: .da) == "Er der én samlet pipelinerapport?")
        #expect(pipeline.low == nil)
        #expect(assessment.questions[0].high?.text(in: .da) == "Ét mål, gennemgået sammen hver måned.")
        #expect(assessment.bands[1].label.text(in: .da) == "På vej")
        #expect(assessment.bands[2].message?.text(in: .en) == "Keep reviewing the shared goal monthly.")
        #expect(assessment.labels?.high.text(in: .da) == "Fuldt ud")
    }

    @Test func improveLinksAreExposedWithTheirPositionForTheSiteToCheck() throws {
        let links = try Fixtures.alignment().improveLinks
        #expect(links.map(\.questionID) == ["shared-goal", "sla-followed"])
        #expect(links[0].target == "playbooks/shared-goal.md#monthly-review")
        #expect(links[0].page == "playbooks/shared-goal.md")
        #expect(links[0].fragment == "monthly-review")
        #expect(links[0].location == SourceLocation(file: "content/assessments/alignment.yml", line: 27, column: 14))
        #expect(links[1].fragment == nil)
    }

    @Test func theDefaultQuestionnaireLoadsInEnglishAndDanish() throws {
        let (assessments, diagnostics) = Assessment.loadAll(contentDirectory: Fixtures.exampleContent, language: .en)
        #expect(diagnostics.isEmpty)
        let assessment = try #require(assessments.first)
        #expect(assessment.id == "sales-marketing-alignment")
        #expect(assessment.questions.count == 9)
        #expect(assessment.languages == [.en, .da])
        #expect(assessment.questionnaire.minAnswered == 9)
        // Each question links to a page in English, and the Danish translation to the Danish page's heading.
        #expect(assessment.improveLinks.count == 18)
        #expect(assessment.improveLinks.filter { $0.language == .da }.count == 9)
        let first = try #require(assessment.questions.first)
        #expect(first.improve(in: .da)?.target == "playbooks/sql-definition.md#kriterierne")
        #expect(first.improve(in: .en)?.target == "playbooks/sql-definition.md#the-criteria")
        #expect(assessment.questions.allSatisfy { $0.text.values.count == 2 })
    }

    @Test func numericRulesAreCheckedByScoringCoreAndReportedAtTheirNodes() throws {
        let errors = Fixtures.questionnaireErrors(try Fixtures.text("invalid/numbers.yml"), file: "invalid/numbers.yml")
        #expect(errors == (try Fixtures.expected("numbers.yml")))
    }

    @Test func missingAndMistypedValuesAreReported() throws {
        let errors = Fixtures.questionnaireErrors(try Fixtures.text("invalid/shape.yml"), file: "invalid/shape.yml")
        #expect(errors == (try Fixtures.expected("shape.yml")))
    }

    @Test func aTranslationMustGiveExactlyTheQuestionnairesIds() throws {
        let errors = Fixtures.questionnaireErrors(
            try Fixtures.text("invalid/translated.yml"), file: "invalid/translated.yml",
            translations: [
                Assessment.Translation(
                    language: .da, text: try Fixtures.text("invalid/translated.da.yml"), file: "invalid/translated.da.yml")
            ])
        #expect(errors == (try Fixtures.expected("translated.da.yml")))
    }

    @Test func minAnsweredAboveTheNumberOfQuestions() {
        let yaml = """
            id: small
            version: 1
            scale: {min: 0, max: 10}
            min_answered: 3
            gap_threshold: 2
            min_group_size: 1
            bands: [{id: all, min: 0, label: "All"}]
            questions: [{id: a, text: "A"}, {id: b, text: "B"}]
            """
        #expect(
            Fixtures.questionnaireErrors(yaml, file: "small.yml") == [
                "small.yml:4:15: min_answered 3 is more than the number of questions (2); use a number from 1 to 2"
            ])
    }

    @Test func aBandAboveTheScaleAndAnOutOfRangeScale() {
        let base = """
            id: s
            version: 1
            gap_threshold: 1
            min_group_size: 1
            questions: [{id: a, text: "A"}]

            """
        #expect(
            Fixtures.questionnaireErrors(
                base + "scale: {min: 1, max: 5}\nbands: [{id: x, min: 1, label: X}, {id: y, min: 5.5, label: Y}]", file: "s.yml")
                == [
                    "s.yml:7:49: band \"y\": min 5.5 is above scale.max (5)"
                ])
        #expect(
            Fixtures.questionnaireErrors(base + "scale: {min: 1, max: 5000}\nbands: [{id: x, min: 1, label: X}]", file: "s.yml")
                == [
                    "s.yml:6:8: scale {min: 1, max: 5000} is out of range; both must lie within -1000...1000"
                ])
    }

    @Test func notAMappingAndBrokenYAML() {
        #expect(
            Fixtures.questionnaireErrors("- a list\n", file: "l.yml") == [
                "l.yml:1:1: a questionnaire must be a mapping of keys (id, version, scale, bands, questions, ...) to values"
            ])
        let broken = Fixtures.questionnaireErrors("id: \"open\nversion: 1\n", file: "b.yml")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("b.yml:") == true)
        #expect(broken.first?.contains("this is not valid YAML") == true)
    }

    @Test func loadAllFindsTranslationsAndReportsStrayFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("assessments/alignment.yml", try Fixtures.text("content/assessments/alignment.yml"))
        try folder.write("assessments/alignment.da.yml", try Fixtures.text("content/assessments/alignment.da.yml"))
        try folder.write("assessments/orphan.da.yml", "labels: {low: a, high: b}\n")
        try folder.write("assessments/alignment.de.yml", "labels: {low: a, high: b}\n")
        try folder.write("assessments/renamed.yml", try Fixtures.text("content/assessments/alignment.yml"))
        let (assessments, diagnostics) = Assessment.loadAll(contentDirectory: folder.path, language: .en)
        #expect(assessments.map(\.id) == ["alignment"])
        #expect(assessments.first?.languages == [.en, .da])
        let messages = diagnostics.map {
            "\(URLTail.last($0.location.file)):\($0.location.line):\($0.location.column): \($0.message)"
        }
        #expect(
            messages == [
                "alignment.de.yml:0:0: \"de\" is not a language Tandem knows (en, da); a questionnaire's file is named <id>.yml and its translations <id>.<language>.yml",
                "orphan.da.yml:0:0: a translation of orphan.yml, which does not exist; add the questionnaire or rename this file",
                "renamed.yml:2:5: id \"alignment\" does not match the file name; name the file alignment.yml, or change the id to \"renamed\"",
            ])
    }

    @Test func aTranslationInTheMainLanguageIsAnError() throws {
        let errors = Fixtures.questionnaireErrors(
            try Fixtures.text("content/assessments/alignment.yml"), file: "a.yml",
            translations: [Assessment.Translation(language: .en, text: "labels: {}", file: "a.en.yml")])
        #expect(
            errors == [
                "a.en.yml: a second set of en texts; the questionnaire's own texts are in en, so remove this file or rename it for another language"
            ])
    }
}

/// The last path component, for messages about files in a temporary folder.
enum URLTail {
    static func last(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
}
