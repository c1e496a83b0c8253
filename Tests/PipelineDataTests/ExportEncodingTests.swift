import Testing

@testable import PipelineData

@Suite struct ExportEncodingTests {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func validUTF8IsKeptAsItIs() {
        let bytes = Array("Søren,€ 1.234,50\n".utf8)
        let (utf8, encoding, hadBOM) = ExportEncoding.decode(bytes, declared: nil)
        #expect(utf8 == bytes)
        #expect(encoding == .utf8)
        #expect(!hadBOM)
        #expect(ExportEncoding.decode(bytes, declared: .utf8).utf8 == bytes)
        #expect(ExportEncoding.decode([], declared: nil) == ([], .utf8, false))
    }

    @Test func theByteOrderMarkIsRemoved() {
        let (utf8, encoding, hadBOM) = ExportEncoding.decode([0xEF, 0xBB, 0xBF] + Array("a,b".utf8), declared: nil)
        #expect(Self.text(utf8) == "a,b")
        #expect(encoding == .utf8)
        #expect(hadBOM)
        #expect(ExportEncoding.decode([0xEF, 0xBB, 0xBF], declared: .utf8) == ([], .utf8, true))
        // Declared Windows-1252: the mark is still not text.
        #expect(ExportEncoding.decode([0xEF, 0xBB, 0xBF, 0xF8], declared: .windows1252) == (Array("ø".utf8), .windows1252, true))
    }

    @Test func bytesThatAreNotUTF8AreWindows1252() {
        let (utf8, encoding, hadBOM) = ExportEncoding.decode([0x53, 0xF8, 0x72, 0x65, 0x6E, 0x20, 0x80], declared: nil)
        #expect(Self.text(utf8) == "Søren €")
        #expect(encoding == .windows1252)
        #expect(!hadBOM)
        // Æ Ø Å æ ø å as Danish Excel saves them.
        #expect(Self.text(ExportEncoding.decode([0xC6, 0xD8, 0xC5, 0xE6, 0xF8, 0xE5], declared: nil).utf8) == "ÆØÅæøå")
    }

    @Test func everyWindows1252Byte() {
        let high =
            "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}"
            + "\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
        var expected = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self) + high
        for value in UInt32(0xA0)...0xFF { expected.unicodeScalars.append(Unicode.Scalar(value)!) }
        let (utf8, encoding, _) = ExportEncoding.decode(Array(0...255), declared: .windows1252)
        #expect(encoding == .windows1252)
        #expect(Self.text(utf8) == expected)
        #expect(Array(Self.text(utf8).unicodeScalars).count == 256)
    }

    @Test func declaredWindows1252ReadsUTF8BytesAsWindows1252() {
        #expect(Self.text(ExportEncoding.decode(Array("ø".utf8), declared: .windows1252).utf8) == "Ã¸")
    }

    @Test func longTextsAcrossTheEightByteSteps() {
        for length in 0..<40 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = 0xF8
                var expected = String(repeating: "a", count: length - 1)
                expected.insert("ø", at: expected.index(expected.startIndex, offsetBy: position))
                let (utf8, encoding, _) = ExportEncoding.decode(bytes, declared: nil)
                #expect(encoding == .windows1252)
                #expect(Self.text(utf8) == expected)
                var valid = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                valid[position] = 0xC3
                valid.insert(0xB8, at: position + 1)
                #expect(ExportEncoding.decode(valid, declared: nil) == (valid, .utf8, false))
            }
        }
    }

    @Test func declaredUTF8ThatIsNotGetsReplacementCharacters() {
        let (utf8, encoding, _) = ExportEncoding.decode(Array("a".utf8) + [0xFF] + Array("b".utf8), declared: .utf8)
        #expect(Self.text(utf8) == "a\u{FFFD}b")
        #expect(encoding == .utf8)
    }

    @Test func whereTheFirstInvalidByteIs() {
        #expect(ExportEncoding.firstInvalidUTF8(Array("æøå\n😀".utf8)) == nil)
        #expect(ExportEncoding.firstInvalidUTF8([]) == nil)
        let at = ExportEncoding.firstInvalidUTF8(Array("ab\ncd".utf8) + [0xF8] + Array("e".utf8))
        #expect(at?.offset == 5)
        #expect(at?.line == 2)
        #expect(at?.column == 3)
        let afterLetters = ExportEncoding.firstInvalidUTF8(Array("æø".utf8) + [0xFF])
        #expect(afterLetters.map { [$0.offset, $0.line, $0.column] } == [4, 1, 3])
        // \r\n is one line end, a lone \r is one.
        let lineEnds = ExportEncoding.firstInvalidUTF8(Array("a\r\nb\rcd".utf8) + [0x80])
        #expect(lineEnds.map { [$0.offset, $0.line, $0.column] } == [7, 3, 3])
        // The byte order mark takes no column.
        let marked = ExportEncoding.firstInvalidUTF8([0xEF, 0xBB, 0xBF, 0x61, 0xE6])
        #expect(marked.map { [$0.offset, $0.line, $0.column] } == [4, 1, 2])
    }

    @Test func malformedSequences() {
        let invalid: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xC3, 0x41], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xE2, 0x82], [0xE2, 0x82, 0x41], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xFE], [0xFF],
        ]
        for bytes in invalid {
            #expect(ExportEncoding.firstInvalidUTF8(Array("ok ".utf8) + bytes)?.offset == 3, "\(bytes)")
        }
        let valid: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        for bytes in valid { #expect(ExportEncoding.firstInvalidUTF8(bytes) == nil, "\(bytes)") }
    }

    @Test func validationAgreesWithTheStandardLibrary() {
        var random = SplitMix(seed: 1252)
        let pieces: [[UInt8]] = [
            [0x61], [0x0A], [0xC3, 0xB8], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC3], [0xE2, 0x82],
            [0xED, 0xA0], [0xF4, 0x90], [0xFF], [0xC0],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<30, using: &random) {
                bytes +=
                    Int.random(in: 0..<4, using: &random) == 0
                    ? pieces.randomElement(using: &random)! : [UInt8(ascii: "a")]
            }
            let standard = String(validating: bytes, as: UTF8.self) != nil
            #expect((ExportEncoding.firstInvalidUTF8(bytes) == nil) == standard, "\(bytes)")
            #expect(ExportEncoding.decode(bytes, declared: nil).encoding == (standard ? .utf8 : .windows1252))
        }
    }
}

/// Reproducible random numbers for the tests.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
