import Content
import Core
import Formats
import Foundation
import ScoringCore
import Testing

@testable import Scorecard

/// Numbers in YAML are read only when written in plain decimal: the other notations YAML 1.1
/// reads as numbers (`0x10`, `0o17`, `1:30`, `1_000`, `.nan`, ...) are errors at their position.
@Suite struct DecimalNumberTests {
    static func blockErrors(_ kind: PlaybookBlock.Kind, _ yaml: String) -> [String] {
        PlaybookBlock.parse(kind, yaml: yaml, file: "page.md", fenceLine: 10).1.map(\.description)
    }

    static func goal(_ yaml: String) -> Goal? {
        guard case .goal(let goal)? = PlaybookBlock.parse(.goal, yaml: yaml, file: "page.md", fenceLine: 10).0 else {
            return nil
        }
        return goal
    }

    // MARK: - The notation

    @Test(arguments: ["0", "120", "-3", "+7", "007", "2.5", "-0.25", "1e20", "1E-12", "1.5e+3", "10.0"])
    func plainDecimalIsANumber(_ text: String) {
        #expect(DecimalNumber.isDecimal(text))
    }

    @Test(arguments: [
        "0x10", "0o17", "0b11", "0x1p2", "1:30", "1_000", ".5", "5.", ".nan", ".inf", "1e", "1e+", "+", "-", "",
        "1.2.3", " 1", "1 ", "١٢", "1,5",
    ])
    func otherNotationsAreNotDecimal(_ text: String) {
        #expect(!DecimalNumber.isDecimal(text))
    }

    @Test func wholeNumbersAreDigitsWithAnOptionalSign() {
        #expect(["0", "120", "-3", "+7", "007"].allSatisfy(DecimalNumber.isWholeNumber))
        #expect(!["2.5", "1e3", "0x10", "1_000", "", "+", "1:30"].contains(where: DecimalNumber.isWholeNumber))
    }

    @Test func infinityIsYAMLsSpellingOfIt() {
        #expect(DecimalNumber.infinity(".inf") == .infinity)
        #expect(DecimalNumber.infinity("-.Inf") == -.infinity)
        #expect(DecimalNumber.infinity("+.INF") == .infinity)
        #expect(DecimalNumber.infinity("inf") == nil)
        #expect(DecimalNumber.infinity(".nan") == nil)
    }

    // MARK: - Block numbers

    @Test(arguments: [
        ("0x10", "such as 120"), ("0o17", "such as 120"), ("0b11", "such as 120"), ("0x1p2", "such as 120"),
        ("1:30", "such as 120"), ("1_000", "such as 1000"), (".nan", "such as 120"),
    ])
    func aCountInAnotherNotationIsAnErrorAtItsPosition(_ written: String, _ example: String) {
        #expect(
            Self.blockErrors(.goal, "period: 2026-Q1\nsql_target: \(written)\nmin_closed: 1\n") == [
                "page.md:12:13: error: sql_target \"\(written)\" is not a number; write it in decimal, \(example)"
            ])
    }

    @Test func whatIsNotNumberLikeKeepsItsMessage() {
        #expect(
            Self.blockErrors(.goal, "period: 2026-Q1\nsql_target: many\nmin_closed: \"12\"\n") == [
                "page.md:12:13: error: sql_target must be a whole number, not \"many\"",
                "page.md:13:13: error: min_closed must be a whole number, not \"12\"",
            ])
        #expect(
            Self.blockErrors(.goal, "period: 2026-Q1\nsql_target: 2.5\nmin_closed: 1\n") == [
                "page.md:12:13: error: sql_target must be a whole number, not \"2.5\""
            ])
    }

    @Test func decimalWithLeadingZerosOrASignReadsInDecimal() {
        #expect(Self.goal("period: 2026-Q1\nsql_target: 010\n")?.sqlTarget == 10, "not octal 8")
        #expect(Self.goal("period: 2026-Q1\nsql_target: +120\n")?.sqlTarget == 120)
    }

    @Test func anAmountInAnotherNotationIsAnError() {
        let yaml = "period: 2026-Q1\nsql_target: 10\nmin_closed: 1\nrevenue_target: 0x10\navg_deal_size: 20_000\ncurrency: DKK\n"
        #expect(
            Self.blockErrors(.goal, yaml) == [
                "page.md:14:17: error: revenue_target \"0x10\" is not a number; write it in decimal, such as 480000",
                "page.md:15:16: error: avg_deal_size \"20_000\" is not a number; write it in decimal, such as 20000",
            ])
    }

    @Test func anAmountOf1e20IsStillANumberOutOfRange() {
        let yaml = "period: 2026-Q1\nsql_target: 10\nmin_closed: 1\nrevenue_target: 1e20\ncurrency: DKK\n"
        #expect(
            Self.blockErrors(.goal, yaml) == [
                "page.md:14:17: error: revenue_target 1e20 is out of range; expected an amount from 0.01 to "
                    + "1,000,000,000,000 (10^12)"
            ])
        #expect(Self.goal(yaml.replacingOccurrences(of: "1e20", with: "4.8e5"))?.revenueTarget == 480_000)
    }

    @Test func aRateWithABarePointIsAnErrorThatShowsTheDecimal() {
        #expect(
            Self.blockErrors(.goal, "period: 2026-Q1\nsql_target: 10\nmin_close_rate: .25\n") == [
                "page.md:13:17: error: min_close_rate \".25\" is not a number; write it in decimal, such as 0.25"
            ])
        #expect(
            Self.blockErrors(.goal, "period: 2026-Q1\nsql_target: 10\nmin_close_rate: 0x1p-2\n") == [
                "page.md:13:17: error: min_close_rate \"0x1p-2\" is not a number; write it in decimal, such as 0.2"
            ])
        #expect(Self.goal("period: 2026-Q1\nsql_target: 10\nmin_close_rate: 0.25\n")?.minCloseRate == 0.25)
    }

    @Test func pointsInAnotherNotationAreAnError() {
        let yaml = "criteria:\n  - {id: a, label: A, points: 0x10}\nmin_points: 1_0\n"
        #expect(
            Self.blockErrors(.sqlDefinition, yaml).sorted() == [
                "page.md:12:31: error: points \"0x10\" is not a number; write it in decimal, such as 10",
                "page.md:13:13: error: min_points \"1_0\" is not a number; write it in decimal, such as 10",
            ])
    }

    // MARK: - Questionnaires

    static func questionnaire(version: String = "1", min: String = "1", gap: String = "1", weight: String = "1") -> String {
        """
        id: s
        version: \(version)
        scale: {min: \(min), max: 5}
        gap_threshold: \(gap)
        min_group_size: 1
        bands: [{id: x, min: 1, label: X}]
        questions:
          - id: a
            text: A
            weight: \(weight)

        """
    }

    @Test func questionnaireNumbersInAnotherNotationAreErrorsAtTheirPositions() {
        #expect(
            Fixtures.questionnaireErrors(Self.questionnaire(version: "0x1", gap: "1:30", weight: "0o2"), file: "s.yml") == [
                "s.yml:2:10: version \"0x1\" is not a number; write it in decimal, such as 1",
                "s.yml:4:16: gap_threshold \"1:30\" is not a number; write it in decimal, such as 1.5",
                "s.yml:10:13: question \"a\": weight \"0o2\" is not a number; write it in decimal, such as 2",
            ])
        #expect(
            Fixtures.questionnaireErrors(Self.questionnaire(gap: ".nan", weight: "1_0"), file: "s.yml") == [
                "s.yml:4:16: gap_threshold \".nan\" is not a number; write it in decimal, such as 1.5",
                "s.yml:10:13: question \"a\": weight \"1_0\" is not a number; write it in decimal, such as 10",
            ])
    }

    @Test func aQuestionnaireWithDecimalNumbersReads() throws {
        let assessment = try Assessment.parse(Self.questionnaire(gap: "1.5e0", weight: "+2"), file: "s.yml")
        #expect(assessment.questionnaire.gapThreshold == 1.5)
        #expect(assessment.questionnaire.weights == [2])
    }

    // MARK: - Front matter

    @Test func aWeightInAnotherNotationIsAnError() {
        let error = #expect(throws: DiagnosticsError.self) {
            _ = try FrontMatter.split("---\ntitle: A\nweight: 0x10\n---\n", file: "a.md")
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "a.md:3:9: error: weight \"0x10\" is not a number; write it in decimal, such as 120"
            ])
    }

    @Test func aWeightWithLeadingZerosIsDecimalAndQuotedTextStaysText() throws {
        let (matter, _, _) = try FrontMatter.split("---\ntitle: \"0x10\"\nweight: 010\n---\n", file: "a.md")
        #expect(matter.weight == 10)
        #expect(matter.title == "0x10")
    }
}
