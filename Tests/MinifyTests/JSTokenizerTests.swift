import Testing

@testable import Minify

@Suite struct JSTokenizerTests {
    /// The tokens of `source` as kind and text.
    private func tokens(_ source: String) -> [String] {
        let bytes = Array(source.utf8)
        return JSTokenizer.tokens(in: bytes).map { "\($0.kind) \(String(decoding: bytes[$0.range], as: UTF8.self))" }
    }

    @Test func punctuatorsAreMatchedLongestFirst() {
        #expect(
            tokens("a >>>= b ... c ?. d ??= e ** f => g !== h") == [
                "identifier a", "punctuator >>>=", "identifier b", "punctuator ...", "identifier c", "punctuator ?.",
                "identifier d", "punctuator ??=", "identifier e", "punctuator **", "identifier f", "punctuator =>",
                "identifier g", "punctuator !==", "identifier h",
            ])
    }

    @Test func numbers() {
        #expect(
            tokens("1 .5 1.5e-3 0xFF 1_000n 1..a") == [
                "number 1", "number .5", "number 1.5e-3", "number 0xFF", "number 1_000n", "number 1.", "punctuator .",
                "identifier a",
            ])
    }

    @Test func templatePieces() {
        #expect(
            tokens("`a${ { b } }c${ `d${e}` }f`") == [
                "template `a${", "punctuator {", "identifier b", "punctuator }", "template }c${", "template `d${",
                "identifier e", "template }`", "template }f`",
            ])
    }

    @Test func regexAfterKeywordsAndOperators() {
        #expect(tokens("return /a/g") == ["identifier return", "regex /a/g"])
        #expect(tokens("x = a / b") == ["identifier x", "punctuator =", "identifier a", "punctuator /", "identifier b"])
        #expect(tokens("(/[/]/)") == ["punctuator (", "regex /[/]/", "punctuator )"])
    }

    @Test func commentsAndLineBreaks() {
        let bytes = Array("a // x\n/* y */ b".utf8)
        let found = JSTokenizer.tokens(in: bytes)
        #expect(found.map(\.kind) == [.identifier, .comment, .comment, .identifier])
        #expect(found.map(\.lineBreakBefore) == [false, false, true, false])
    }
}
