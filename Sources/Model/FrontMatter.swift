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
    public static func split(_ text: String, file: String) throws(DiagnosticsError) -> (FrontMatter, body: Substring, bodyLine: Int) {
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
        let first = lineEnd(from: 0)
        guard content(0, first).elementsEqual("---".utf8) else {
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
            Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                       "front matter starts with --- but has no closing --- line; add a line with --- after it")
        ])
    }

    static func parse(_ yaml: String, file: String, lineOffset: Int) -> (FrontMatter, [Diagnostic]) {
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
}
