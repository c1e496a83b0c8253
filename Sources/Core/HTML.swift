/// Escaping for HTML text and attributes.
public enum HTML {
    /// Appends `text` to `out` with `&`, `<`, `>` (and `"` when `quotes`) escaped.
    public static func escape(_ text: String, into out: inout String, quotes: Bool = true) {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 {
            needs = true
            break
        }
        guard needs else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    public static func escaped(_ text: String, quotes: Bool = true) -> String {
        var out = ""
        escape(text, into: &out, quotes: quotes)
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
