import Testing

@testable import Model

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
