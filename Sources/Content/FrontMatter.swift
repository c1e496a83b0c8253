public import Core
public import Formats
internal import Yams

/// A page's YAML front matter.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var weight: Int?
    public var draft: Bool = false
    public var date: SimpleDate?

    public init() {}

    public static let keys = ["title", "description", "weight", "draft", "date"]

    /// Splits a Markdown file into its front matter and body.
    ///
    /// - Returns: the parsed front matter, the Markdown body, and the number of lines before the body
    ///   (so positions in the body can be reported as positions in the file).
    /// - Throws: `DiagnosticsError` for invalid YAML, unknown keys and wrongly typed values.
    public static func split(_ text: String, file: String) throws(DiagnosticsError) -> (
        FrontMatter, body: Substring, bodyLine: Int
    ) {
        let (matter, body, bodyLine, problems) = try read(text, file: file)
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return (matter, body, bodyLine)
    }

    /// Like `split`, but returns the problems of the front matter beside what could be read, so a
    /// build can go on checking the page's body.
    ///
    /// - Throws: only when the front matter has no closing line, and the body cannot be found.
    public static func read(_ text: String, file: String) throws(DiagnosticsError)
        -> (FrontMatter, body: Substring, bodyLine: Int, problems: [Diagnostic])
    {
        let bytes = Array(text.utf8)
        func lineEnd(from i: Int) -> Int {
            var j = i
            while j < bytes.count && bytes[j] != 0x0A { j += 1 }
            return j
        }
        func content(_ from: Int, _ to: Int) -> ArraySlice<UInt8> {
            var end = to
            if end > from && bytes[end - 1] == 0x0D { end -= 1 }
            return bytes[from..<end]
        }
        // A UTF-8 byte-order mark, as Windows editors write one, is not part of the first line.
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let first = lineEnd(from: bom)
        guard content(bom, first).elementsEqual("---".utf8) else {
            return (FrontMatter(), Substring(text), 0, [])
        }
        var start = first + 1
        var line = 2
        while start <= bytes.count && start < bytes.count {
            let end = lineEnd(from: start)
            let current = content(start, end)
            if current.elementsEqual("---".utf8) || current.elementsEqual("...".utf8) {
                let yaml = String(decoding: bytes[(first + 1)..<start], as: UTF8.self)
                let utf8 = text.utf8
                let bodyIndex = utf8.index(utf8.startIndex, offsetBy: min(end + 1, bytes.count))
                let (matter, problems) = parse(yaml, file: file, lineOffset: 1)
                return (matter, text[bodyIndex...], line, problems)
            }
            line += 1
            start = end + 1
        }
        throw DiagnosticsError([
            Diagnostic(
                SourceLocation(file: file, line: 1, column: 1),
                "front matter starts with --- but has no closing --- line; add a line with --- after it")
        ])
    }

    static func parse(_ yaml: String, file: String, lineOffset: Int) -> (FrontMatter, [Diagnostic]) {
        if let matter = parseSimple(yaml) { return (matter, []) }
        return parseYAML(yaml, file: file, lineOffset: lineOffset)
    }

    /// Front matter through the YAML parser, with a diagnostic for every problem.
    static func parseYAML(_ yaml: String, file: String, lineOffset: Int) -> (FrontMatter, [Diagnostic]) {
        var reader = YAMLReader(file: file, lineOffset: lineOffset)
        var matter = FrontMatter()
        if let root = reader.parse(yaml), root.null == nil,
            let fields = reader.fields(root, "front matter", allowed: keys)
        {
            matter.title = reader.string(fields["title"], "title")
            matter.description = reader.string(fields["description"], "description")
            matter.weight = reader.int(fields["weight"], "weight")
            matter.draft = reader.bool(fields["draft"], "draft") ?? false
            matter.date = reader.date(fields["date"], "date")
        }
        return (matter, reader.diagnostics.errors)
    }

    /// The common case without the YAML parser: one `key: value` per line, known keys, each value a
    /// plain word run or a quoted string without escapes. Anything else (comments, escapes, lists,
    /// unusual scalars, mistakes) returns nil and goes through `parseYAML`, which gives the same
    /// values for what this accepts (tested) and the diagnostics for what it does not.
    static func parseSimple(_ yaml: String) -> FrontMatter? {
        guard readsAsWritten(yaml) else { return nil }
        var matter = FrontMatter()
        var seen = Set<Substring>()
        for rawLine in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var line = rawLine[...]
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: 0x3A) else { return nil }
            let keyBytes = line[..<colon]
            guard !keyBytes.isEmpty, keyBytes.allSatisfy({ (0x61...0x7A).contains($0) || $0 == 0x5F }) else { return nil }
            let key = Substring(decoding: keyBytes, as: UTF8.self)
            guard seen.insert(key).inserted else { return nil }
            var valueBytes = line[line.index(after: colon)...]
            guard valueBytes.first == 0x20 else { return nil }
            while valueBytes.first == 0x20 { valueBytes = valueBytes.dropFirst() }
            while valueBytes.last == 0x20 { valueBytes = valueBytes.dropLast() }
            guard let value = simpleScalar(valueBytes) else { return nil }
            switch key {
            case "title":
                matter.title = value.text
            case "description":
                matter.description = value.text
            case "weight":
                guard !value.quoted, let weight = Int(value.text), !value.text.hasPrefix("+"),
                    !(value.text.hasPrefix("0") && value.text.count > 1),
                    !(value.text.hasPrefix("-0"))
                else { return nil }
                matter.weight = weight
            case "draft":
                guard !value.quoted, value.text == "true" || value.text == "false" else { return nil }
                matter.draft = value.text == "true"
            case "date":
                guard let date = SimpleDate(value.text) else { return nil }
                matter.date = date
            default:
                return nil
            }
        }
        return matter
    }

    /// Whether YAML reads every character as the fast path does: false for what YAML rejects
    /// (control characters, U+FFFE, U+FFFF) and for what it reads otherwise (a byte order mark, and
    /// the line breaks `\r` alone, U+0085, U+2028 and U+2029), which `parseYAML` then reports or reads.
    static func readsAsWritten(_ yaml: String) -> Bool {
        let bytes = Array(yaml.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x09, 0x0A, 0x20...0x7E:
                break
            case 0x0D:
                guard i + 1 < bytes.count, bytes[i + 1] == 0x0A else { return false }
            case 0x00...0x1F, 0x7F:
                return false
            case 0xC2:
                // U+0080 to U+009F: C1 controls and U+0085, a line break.
                if bytes[i + 1] <= 0x9F { return false }
            case 0xE2:
                // U+2028 and U+2029, line breaks.
                if bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) { return false }
            case 0xEF:
                // U+FEFF, the byte order mark; U+FFFE and U+FFFF, not characters.
                if bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF { return false }
                if bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE { return false }
            default:
                break
            }
            i += 1
        }
        return true
    }

    /// A double- or single-quoted string without escapes, or a plain scalar that YAML reads as the
    /// same text: nil for anything that needs the real parser.
    static func simpleScalar(_ bytes: Substring.UTF8View.SubSequence) -> (text: String, quoted: Bool)? {
        guard let first = bytes.first else { return nil }
        if first == 0x22 || first == 0x27 {
            guard bytes.count >= 2, bytes.last == first else { return nil }
            let inner = bytes.dropFirst().dropLast()
            if inner.contains(first) || inner.contains(0x5C) { return nil }
            return (String(decoding: inner, as: UTF8.self), true)
        }
        // Plain scalars: no indicator at the start, no ": " or " #" inside, and not a word YAML
        // reads as null.
        let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`~".utf8)
        if indicators.contains(first) { return nil }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x09 || (byte == 0x3A && previous == 0x3A) { return nil }
            if previous == 0x3A && byte == 0x20 { return nil }
            if previous == 0x20 && byte == 0x23 { return nil }
            previous = byte
        }
        if previous == 0x3A { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if ["null", "Null", "NULL", "~"].contains(text) { return nil }
        return (text, false)
    }
}
