internal import Core

/// Turns a template's source into a token tree, applying the spec's standalone-line rules.
///
/// A standalone line holds nothing but whitespace and one section, inverted-section, closing,
/// comment, partial or set-delimiter tag; the whole line, its line break included, is left out of
/// the output. The whitespace before a standalone partial tag becomes the partial's indentation.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var openDelimiter: [UInt8] = Array("{{".utf8)
    private var closeDelimiter: [UInt8] = Array("}}".utf8)
    private(set) var partialReferences: [PartialReference] = []
    /// Lines and columns of byte offsets, indexed once: a template of a hundred thousand partial
    /// tags must not read its text a hundred thousand times.
    private let positions: TextPosition
    /// Whether lines lose their leading spaces and tabs, and blank lines are left out.
    private let trimsIndentation: Bool

    init(_ text: String, trimIndentation: Bool = false) {
        bytes = Array(text.utf8)
        positions = TextPosition(bytes)
        trimsIndentation = trimIndentation && !Self.hasPreformattedText(bytes)
    }

    /// Whether the source has a `<pre` or `<textarea` tag, whose text keeps its spaces.
    private static func hasPreformattedText(_ bytes: [UInt8]) -> Bool {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        for needle in [Array("<pre".utf8), Array("<textarea".utf8)] where lower.count >= needle.count {
            for start in 0...(lower.count - needle.count) where lower[start] == needle[0] {
                if lower[start..<start + needle.count].elementsEqual(needle) { return true }
            }
        }
        return false
    }

    /// A section whose closing tag is still to come.
    private struct OpenSection {
        let name: Name
        let content: String
        let inverted: Bool
        /// The tag as written, and where it starts, for messages.
        let tag: String
        let offset: Int
        let expected: String
        /// The nodes of the enclosing level, before this section.
        let outer: [Node]
    }

    private enum Kind {
        case variable(escaped: Bool)
        case section(inverted: Bool)
        case close
        case partial
        case comment
        case delimiters
    }

    private struct Tag {
        let kind: Kind
        /// The content between sigil and closing delimiter, trimmed.
        let content: String
        let start: Int
        let end: Int
    }

    mutating func parse() throws(TemplateError) -> [Node] {
        var nodes: [Node] = []
        var open: [OpenSection] = []
        while let tagStart = find(openDelimiter, from: position) {
            let tag = try readTag(at: tagStart)
            let lineBegin = standaloneLineBegin(tag)
            let standaloneEnd = lineBegin == nil ? nil : standaloneLineEnd(after: tag.end)
            let standalone = lineBegin != nil && standaloneEnd != nil
            if standalone {
                appendText(from: position, to: lineBegin!, into: &nodes)
                position = standaloneEnd!
            } else {
                appendText(from: position, to: tagStart, into: &nodes)
                if isLineStart(tagStart) { nodes.append(.lineStart) }
                position = tag.end
            }

            switch tag.kind {
            case .comment:
                break
            case .delimiters:
                try setDelimiters(tag)
            case .variable(let escaped):
                nodes.append(.variable(try name(tag), escaped: escaped))
            case .partial:
                let name = try partialName(tag)
                let (line, column) = location(of: tag.start)
                partialReferences.append(PartialReference(name: name, line: line, column: column))
                let indentation =
                    !standalone ? nil : trimsIndentation ? "" : String(decoding: bytes[lineBegin!..<tagStart], as: UTF8.self)
                nodes.append(.partial(name, indentation: indentation))
            case .section(let inverted):
                let text = self.text(tag.start, tag.end)
                // The tree is built with an explicit stack, so nesting costs no recursion here; the
                // limit keeps the renderer's recursion (and the tree's own) shallow.
                guard open.count < TemplateLimits.sectionDepth else {
                    throw error(at: tag.start, .nestedTooDeep(tag: text, limit: TemplateLimits.sectionDepth))
                }
                open.append(
                    OpenSection(
                        name: try name(tag), content: tag.content, inverted: inverted, tag: text, offset: tag.start,
                        expected: string(openDelimiter) + "/" + tag.content + string(closeDelimiter), outer: nodes))
                nodes = []
            case .close:
                let found = text(tag.start, tag.end)
                guard let section = open.popLast() else {
                    throw error(at: tag.start, .unopenedClose(found: found))
                }
                guard section.content == tag.content else {
                    throw error(
                        at: tag.start,
                        .mismatchedClose(
                            found: found, open: section.tag, line: location(of: section.offset).line,
                            expected: section.expected))
                }
                let node: Node = section.inverted ? .inverted(section.name, nodes) : .section(section.name, nodes)
                nodes = section.outer
                nodes.append(node)
            }
        }
        appendText(from: position, to: bytes.count, into: &nodes)
        if let section = open.last {
            throw error(
                at: bytes.count,
                .unclosedSection(tag: section.tag, line: location(of: section.offset).line, expected: section.expected))
        }
        return nodes
    }

    // MARK: - Tags

    private func readTag(at start: Int) throws(TemplateError) -> Tag {
        let afterOpen = start + openDelimiter.count
        let sigil = afterOpen < bytes.count ? bytes[afterOpen] : 0
        let kind: Kind
        var contentStart = afterOpen + 1
        var closing = closeDelimiter
        switch sigil {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="): kind = .delimiters; closing = [UInt8(ascii: "=")] + closeDelimiter
        case UInt8(ascii: "{"): kind = .variable(escaped: false); closing = [UInt8(ascii: "}")] + closeDelimiter
        case UInt8(ascii: "&"): kind = .variable(escaped: false)
        case UInt8(ascii: "#"): kind = .section(inverted: false)
        case UInt8(ascii: "^"): kind = .section(inverted: true)
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"), UInt8(ascii: "$"):
            let feature = "template inheritance (a Mustache extension)"
            throw error(at: start, .unsupportedTag(tag: tagPreview(start), feature: feature))
        case UInt8(ascii: "%"):
            throw error(at: start, .unsupportedTag(tag: tagPreview(start), feature: "a pragma (a Mustache extension)"))
        default:
            kind = .variable(escaped: true)
            contentStart = afterOpen
        }
        guard let closeStart = find(closing, from: contentStart) else {
            throw error(
                at: start,
                .unclosedTag(
                    open: string(openDelimiter) + (contentStart > afterOpen ? string([sigil]) : ""),
                    expected: string(closing)))
        }
        return Tag(
            kind: kind, content: text(contentStart, closeStart).trimmingWhitespace, start: start,
            end: closeStart + closing.count)
    }

    /// The name of a variable or section tag: `.`, or non-empty parts joined by dots.
    private func name(_ tag: Tag) throws(TemplateError) -> Name {
        let content = tag.content
        if content.isEmpty { throw error(at: tag.start, .emptyTag(tag: text(tag.start, tag.end))) }
        if content == "." { return Name(parts: []) }
        if content.contains("(") || content.contains(")") { throw error(at: tag.start, .transform(name: content)) }
        if content.utf8.contains(where: \.isWhitespace) {
            throw error(at: tag.start, .invalidName(name: content, problem: "a name cannot contain spaces"))
        }
        let parts = content.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: \.isEmpty) {
            let problem = "a dotted name needs a name on both sides of every dot, e.g. page.title"
            throw error(at: tag.start, .invalidName(name: content, problem: problem))
        }
        return Name(parts: parts.map(String.init))
    }

    private func partialName(_ tag: Tag) throws(TemplateError) -> String {
        if tag.content.isEmpty { throw error(at: tag.start, .emptyTag(tag: text(tag.start, tag.end))) }
        if tag.content.utf8.contains(where: \.isWhitespace) {
            let problem = "a partial's name cannot contain spaces"
            throw error(at: tag.start, .invalidName(name: tag.content, problem: problem))
        }
        return tag.content
    }

    private mutating func setDelimiters(_ tag: Tag) throws(TemplateError) {
        let parts = tag.content.utf8.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw error(at: tag.start, .invalidDelimiters(tag: text(tag.start, tag.end)))
        }
        openDelimiter = Array(parts[0])
        closeDelimiter = Array(parts[1])
    }

    // MARK: - Standalone lines

    /// Where the line of a tag that may stand alone begins, when only spaces and tabs precede the tag.
    private func standaloneLineBegin(_ tag: Tag) -> Int? {
        switch tag.kind {
        case .variable: return nil
        case .section, .close, .partial, .comment, .delimiters: break
        }
        var begin = tag.start
        while begin > 0 {
            let byte = bytes[begin - 1]
            if byte == UInt8(ascii: "\n") { break }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return nil }
            begin -= 1
        }
        return begin
    }

    /// Where the next line begins when only spaces and tabs follow a tag up to the line break (or the end).
    private func standaloneLineEnd(after end: Int) -> Int? {
        var index = end
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    // MARK: - Text

    /// Appends literal text, one node per line, each line that starts in the source marked.
    ///
    /// When trimming indentation, a line that starts in the source loses its leading spaces and
    /// tabs, and a line that is then empty is left out.
    private func appendText(from start: Int, to end: Int, into nodes: inout [Node]) {
        var lineStart = start
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if lineEnd < end { lineEnd += 1 }
            let atLineStart = isLineStart(lineStart)
            if atLineStart { nodes.append(.lineStart) }
            var textStart = lineStart
            if trimsIndentation && atLineStart {
                while textStart < lineEnd, bytes[textStart] == UInt8(ascii: " ") || bytes[textStart] == UInt8(ascii: "\t") {
                    textStart += 1
                }
                let rest = lineEnd - textStart
                let blank =
                    rest == 0 || bytes[textStart] == UInt8(ascii: "\n")
                    || (rest == 2 && bytes[textStart] == UInt8(ascii: "\r") && bytes[textStart + 1] == UInt8(ascii: "\n"))
                if blank {
                    lineStart = lineEnd
                    continue
                }
            }
            nodes.append(.text(text(textStart, lineEnd)))
            lineStart = lineEnd
        }
    }

    private func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n")
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The start of a tag for a message: up to its closing delimiter or the end of the line.
    private func tagPreview(_ start: Int) -> String {
        if let close = find(closeDelimiter, from: start + openDelimiter.count) {
            let lineEnd = bytes[start..<close].firstIndex(of: UInt8(ascii: "\n")) ?? close
            if lineEnd == close { return text(start, close + closeDelimiter.count) }
        }
        return text(start, min(start + openDelimiter.count + 1, bytes.count)) + "..."
    }

    // MARK: - Positions

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        positions.lineAndColumn(of: offset, in: bytes)
    }

    private func error(at offset: Int, _ reason: TemplateError.Reason) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(line: line, column: column, reason: reason)
    }
}

extension UInt8 {
    fileprivate var isWhitespace: Bool {
        switch self {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): true
        default: false
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = utf8.lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
