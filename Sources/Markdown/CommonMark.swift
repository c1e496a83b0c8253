// The only file that touches libcmark: it parses CommonMark and renders the tree to HTML, with
// heading ids, a table of contents, links resolved by the caller and fenced blocks the caller may
// render itself. Every cmark object made here is freed here.
internal import CCmark
internal import Core

#if canImport(Glibc)
    internal import Glibc
#endif

/// How to render a Markdown document.
public struct MarkdownOptions: Sendable {
    /// Raw HTML in the Markdown is written through instead of omitted.
    public var unsafeHTML = false
    /// Lines before the Markdown in its file, so positions are reported as positions in the file.
    public var lineOffset = 0
    /// The first level-1 heading, when it is the document's first block, becomes the title and is not
    /// rendered.
    public var extractTitle = true

    public init(unsafeHTML: Bool = false, lineOffset: Int = 0, extractTitle: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.lineOffset = lineOffset
        self.extractTitle = extractTitle
    }
}

/// A heading of a rendered document.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// What a link or image in the document points to, and where it is written.
public struct LinkReference: Sendable, Equatable {
    public enum Kind: Sendable { case link, image }
    public var kind: Kind
    public var destination: String
    public var line: Int
    public var column: Int

    public init(kind: Kind, destination: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// A fenced code block whose info string the caller wants to render itself.
public struct FencedBlock: Sendable, Equatable {
    public var info: String
    public var literal: String
    /// Line of the opening fence in the file.
    public var line: Int
    /// Column of the opening fence: more than 1 inside a list item or a block quote, whose
    /// indentation or `>` the literal's lines no longer have.
    public var column: Int
    /// Line of the block's first content line in the file.
    public var contentLine: Int

    public init(info: String, literal: String, line: Int, column: Int = 1, contentLine: Int) {
        self.info = info
        self.literal = literal
        self.line = line
        self.column = column
        self.contentLine = contentLine
    }
}

/// The result of rendering one document.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var title: String?
    public var headings: [Heading]
}

/// Renders CommonMark to HTML.
public enum Markdown {
    /// Renders a document.
    ///
    /// - Parameters:
    ///   - markdown: the CommonMark text.
    ///   - options: safe mode, line offset, title extraction.
    ///   - resolveLink: called for every link and image destination; returns the URL to write, or nil to
    ///     keep the destination as written.
    ///   - renderBlock: called for every fenced code block; returns HTML to use instead of the
    ///     `<pre>` block, or nil for a normal code block.
    /// - Returns: the HTML, the extracted title and the headings with their ids.
    public static func render(
        _ markdown: some StringProtocol,
        options: MarkdownOptions = MarkdownOptions(),
        resolveLink: (LinkReference) -> String? = { _ in nil },
        renderBlock: (FencedBlock) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        var text = String(markdown)
        let document: OpaquePointer = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        defer { cmark_node_free(document) }
        return withoutActuallyEscaping(resolveLink) { resolveLink in
            withoutActuallyEscaping(renderBlock) { renderBlock in
                var renderer = HTMLRenderer(
                    options: options, resolveLink: resolveLink, renderBlock: renderBlock)
                renderer.render(document)
                return RenderedMarkdown(html: renderer.out, title: renderer.title, headings: renderer.headings)
            }
        }
    }
}

// MARK: - Rendering

private struct HTMLRenderer {
    let options: MarkdownOptions
    let resolveLink: (LinkReference) -> String?
    let renderBlock: (FencedBlock) -> String?
    var out = ""
    var title: String?
    var headings: [Heading] = []
    var slugs = Slug.Registry()

    init(
        options: MarkdownOptions, resolveLink: @escaping (LinkReference) -> String?,
        renderBlock: @escaping (FencedBlock) -> String?
    ) {
        self.options = options
        self.resolveLink = resolveLink
        self.renderBlock = renderBlock
        out.reserveCapacity(4096)
    }

    mutating func render(_ document: OpaquePointer) {
        var skipFirst: OpaquePointer?
        if options.extractTitle, let first = cmark_node_first_child(document),
            cmark_node_get_type(first) == CMARK_NODE_HEADING, cmark_node_get_heading_level(first) == 1
        {
            title = Self.plainText(first)
            skipFirst = first
        }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if entering, node == skipFirst {
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                continue
            }
            if entering, cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                image(node)
                cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                continue
            }
            visit(node, entering: entering)
        }
    }

    /// Starts a new line unless the output is at the start of one, as cmark's own renderer does.
    mutating func cr() {
        if let last = out.utf8.last, last != 0x0A { out += "\n" }
    }

    func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + options.lineOffset }

    mutating func visit(_ node: OpaquePointer, entering: Bool) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT:
            break
        case CMARK_NODE_BLOCK_QUOTE:
            cr()
            out += entering ? "<blockquote>\n" : "</blockquote>\n"
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            cr()
            if entering {
                let start = cmark_node_get_list_start(node)
                out += ordered ? (start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n") : "<ul>\n"
            } else {
                out += ordered ? "</ol>\n" : "</ul>\n"
            }
        case CMARK_NODE_ITEM:
            if entering {
                cr()
                out += "<li>"
            } else {
                out += "</li>\n"
            }
        case CMARK_NODE_CODE_BLOCK:
            cr()
            codeBlock(node)
        case CMARK_NODE_HTML_BLOCK:
            cr()
            out += options.unsafeHTML ? Self.literal(node) : "<!-- raw HTML omitted -->"
            cr()
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            break
        case CMARK_NODE_PARAGRAPH:
            if !isInTightList(node) {
                if entering {
                    cr()
                    out += "<p>"
                } else {
                    out += "</p>\n"
                }
            }
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            if entering {
                let text = Self.plainText(node)
                let id = slugs.unique(text)
                headings.append(Heading(level: level, text: text, id: id))
                cr()
                out += "<h\(level) id=\"\(id)\">"
            } else {
                out += "</h\(level)>\n"
            }
        case CMARK_NODE_THEMATIC_BREAK:
            cr()
            out += "<hr />\n"
        case CMARK_NODE_TEXT:
            HTML.escape(Self.literal(node), into: &out, for: .attribute)
        case CMARK_NODE_SOFTBREAK:
            out += "\n"
        case CMARK_NODE_LINEBREAK:
            out += "<br />\n"
        case CMARK_NODE_CODE:
            out += "<code>"
            HTML.escape(Self.literal(node), into: &out, for: .attribute)
            out += "</code>"
        case CMARK_NODE_HTML_INLINE:
            out += options.unsafeHTML ? Self.literal(node) : "<!-- raw HTML omitted -->"
        case CMARK_NODE_EMPH:
            out += entering ? "<em>" : "</em>"
        case CMARK_NODE_STRONG:
            out += entering ? "<strong>" : "</strong>"
        case CMARK_NODE_LINK:
            if entering {
                let url = destination(node, kind: .link)
                out += "<a href=\""
                HTML.escape(url, into: &out, for: .attribute)
                out += "\""
                if let title = cmark_node_get_title(node), title.pointee != 0 {
                    out += " title=\""
                    HTML.escape(String(cString: title), into: &out, for: .attribute)
                    out += "\""
                }
                out += ">"
            } else {
                out += "</a>"
            }
        default:
            break
        }
    }

    mutating func codeBlock(_ node: OpaquePointer) {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let literal = Self.literal(node)
        let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        if !language.isEmpty {
            let fenceLine = line(node)
            let block = FencedBlock(
                info: info, literal: literal, line: fenceLine, column: Int(cmark_node_get_start_column(node)),
                contentLine: fenceLine + 1)
            if let html = renderBlock(block) {
                out += html
                return
            }
        }
        out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escaped(language, for: .attribute))\">"
        HTML.escape(literal, into: &out, for: .attribute)
        out += "</code></pre>\n"
    }

    mutating func image(_ node: OpaquePointer) {
        let url = destination(node, kind: .image)
        out += "<img src=\""
        HTML.escape(url, into: &out, for: .attribute)
        out += "\" alt=\""
        HTML.escape(Self.plainText(node), into: &out, for: .attribute)
        out += "\""
        if let title = cmark_node_get_title(node), title.pointee != 0 {
            out += " title=\""
            HTML.escape(String(cString: title), into: &out, for: .attribute)
            out += "\""
        }
        out += " />"
    }

    func destination(_ node: OpaquePointer, kind: LinkReference.Kind) -> String {
        let raw = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let reference = LinkReference(
            kind: kind, destination: raw, line: line(node), column: Int(cmark_node_get_start_column(node)))
        let url = resolveLink(reference) ?? raw
        return options.unsafeHTML || HTML.isSafeURL(url, image: kind == .image) ? url : ""
    }

    func isInTightList(_ paragraph: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
            let list = cmark_node_parent(item)
        else { return false }
        return cmark_node_get_list_tight(list) != 0
    }

    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The text of a node's inlines, without markup (for ids, titles and alt text).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

extension Markdown {
    /// cmark's own HTML for a document, to check that `render` writes the same markup (tests only).
    static func referenceHTML(_ markdown: String, unsafeHTML: Bool = false) -> String {
        let options = CMARK_OPT_DEFAULT | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
        guard let html = cmark_markdown_to_html(markdown, markdown.utf8.count, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
