import Formats
import PropertyBased
import Testing

@testable import Content

/// The fast path for simple front matter must read exactly what the YAML parser reads, and hand
/// everything else to it.
@Suite struct FrontMatterFastPathTests {
    static let values = [
        "Playbook page 1", "\"Quoted: with colon\"", "'single quoted'", "Mål og økonomi", "1.5", "2026",
        "yes", "true", "false", "null", "~", "-3", "+3", "007", "0", "42", "1_000", "2026-01-15", "2026-02-30",
        "\"2026-03-04\"", "a: b", "a #comment", "#x", "- item", "[a, b]", "{a: b}", "\"esc \\\" aped\"",
        "'it''s'", "It's fine", "&anchor", "*alias", "!tag x", "|", ">", "trailing  ", "x:", "100%", "\"\"", "''",
        "with\ttab", "@at", "`tick`", "?q", "a:b",
    ]
    static let keys = ["title", "description", "weight", "draft", "date", "titel", "Title", "  title"]

    @Test func fastPathAgreesWithTheYAMLParser() {
        var generator = SplitMix(seed: 7)
        var simpleCount = 0
        for _ in 0..<4000 {
            var lines: [String] = []
            for _ in 0..<Int(generator.next() % 5) {
                let key = Self.keys[Int(generator.next() % UInt64(Self.keys.count))]
                let value = Self.values[Int(generator.next() % UInt64(Self.values.count))]
                lines.append("\(key): \(value)")
            }
            let yaml = lines.joined(separator: "\n") + "\n"
            guard let fast = FrontMatter.parseSimple(yaml) else { continue }
            simpleCount += 1
            let (slow, problems) = FrontMatter.parseYAML(yaml, file: "x.md", lineOffset: 1)
            #expect(problems.isEmpty, "the fast path accepted what YAML rejects:\n\(yaml)")
            #expect(fast == slow, "different values for:\n\(yaml)")
        }
        #expect(simpleCount > 500, "the fast path should take most generated cases that are simple")
    }

    /// Characters YAML rejects or reads otherwise than the fast path would: control characters, line
    /// breaks other than `\n` and `\r\n`, the byte order mark, noncharacters; and those that are
    /// YAML syntax in some places: tabs, quotes, colons, `#`; and some other Unicode.
    static let specials: [String] = [
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}",
        "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\r", "\r\n",
        "\t", "\"", "'", ":", ": ", "#", " #", "\\", " ", "ø", "€", "😀", "\u{10FFFF}", "\u{E000}", "a\u{301}",
    ]

    /// Front matter as a page might have it, with special characters put anywhere: in values, keys,
    /// around the colon, at the start of the text.
    static let frontMatter = Generator<String, Shrink.None<String>> { rng in
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            let key = Bool.random(using: &rng) ? keys.randomElement(using: &rng)! : FrontMatter.keys.randomElement(using: &rng)!
            var line = Array("\(key): \(values.randomElement(using: &rng)!)")
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                line.insert(contentsOf: specials.randomElement(using: &rng)!, at: Int.random(in: 0...line.count, using: &rng))
            }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func fastPathAgreesWithTheYAMLParserOnSpecialCharacters() async {
        var simpleCount = 0
        await propertyCheck(count: 10_000, input: Self.frontMatter) { yaml in
            guard let fast = FrontMatter.parseSimple(yaml) else { return }
            simpleCount += 1
            let (slow, problems) = FrontMatter.parseYAML(yaml, file: "x.md", lineOffset: 1)
            #expect(problems.isEmpty, "the fast path accepted what YAML rejects: \(String(reflecting: yaml)) \(problems)")
            #expect(fast == slow, "different values for: \(String(reflecting: yaml))")
        }
        // Most generated cases need the YAML parser; about 250 in 10,000 take the fast path.
        #expect(simpleCount > 150, "the fast path should take the generated cases that are simple")
    }

    @Test(arguments: ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "a\rb"])
    func charactersYAMLReadsOtherwiseGoThroughIt(_ special: String) {
        for yaml in ["title: x\(special)y\n", "title: \"x\(special)y\"\n", "\(special)title: x\n"] {
            #expect(FrontMatter.parseSimple(yaml) == nil, "\(String(reflecting: yaml))")
        }
    }

    @Test func typicalFrontMatterTakesTheFastPath() {
        let yaml = "title: \"Playbook page 12\"\ndate: 2026-01-13\nweight: 12\n"
        let matter = FrontMatter.parseSimple(yaml)
        #expect(matter?.title == "Playbook page 12")
        #expect(matter?.weight == 12)
        #expect(matter?.date == SimpleDate("2026-01-13"))
    }
}

/// A small deterministic random generator, so the test is the same on every run.
struct SplitMix {
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
