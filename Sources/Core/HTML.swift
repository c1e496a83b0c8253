/// Escaping for HTML (and the XML of the sitemap and the charts' SVG): the one escaper every
/// target uses.
///
/// What to escape depends on where the text goes (``Context``); every context escapes `&` (which
/// starts a character reference), `<` (which starts a tag) and `>` (so that `]]>` and look-alike
/// tags never appear), each as its named reference. Everything else, including non-ASCII text,
/// stays as UTF-8.
public enum HTML {
    /// Where escaped text stands, which decides the characters escaped.
    public enum Context: Sendable {
        /// Element content where a quote ends nothing, such as the text of an SVG `<text>` or
        /// `<title>`: `&`, `<`, `>`.
        case text
        /// A double-quoted attribute value: `&`, `<`, `>` and `"` (`&quot;`), which would end the
        /// value. Markdown's text is escaped this way too, because cmark's own HTML escapes `"` in
        /// text and Tandem's Markdown output matches cmark's byte for byte.
        case attribute
        /// Text whose place the writer does not know: a Mustache `{{value}}` (in an element, or an
        /// attribute value in double or single quotes) and the error page of `tandem serve`:
        /// `&`, `<`, `>`, `"` (`&quot;`) and `'` (`&#39;`, the five of swift-mustache).
        case anywhere
    }

    /// Appends `text` to `out` escaped for `context`.
    public static func escape(_ text: String, into out: inout String, for context: Context) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let replacement: String
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where context != .text: replacement = "&quot;"
            case UInt8(ascii: "'") where context == .anywhere: replacement = "&#39;"
            default:
                utf8.formIndex(after: &index)
                continue
            }
            if start != index { out.append(contentsOf: text[start..<index]) }
            out.append(replacement)
            utf8.formIndex(after: &index)
            start = index
        }
        if start == utf8.startIndex {
            out.append(text)
        } else if start != utf8.endIndex {
            out.append(contentsOf: text[start...])
        }
    }

    /// `text` escaped for `context`.
    public static func escaped(_ text: String, for context: Context) -> String {
        var out = ""
        escape(text, into: &out, for: context)
        return out
    }

    /// Whether a URL may be written in safe mode: no `javascript:`, `vbscript:`, `file:` or `data:`
    /// (but images may use `data:image/png|gif|jpeg|webp`), as cmark's own safe mode.
    public static func isSafeURL(_ url: String, image: Bool) -> Bool {
        let lower = url.prefix(16).lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") {
            return false
        }
        if lower.hasPrefix("data:") {
            return image
                && ["data:image/png", "data:image/gif", "data:image/jpe", "data:image/web"].contains { lower.hasPrefix($0) }
        }
        return true
    }
}
