extension Minify {
    /// CSS with comments removed and whitespace reduced; meaning unchanged.
    ///
    /// - Comments are removed, except `/*! … */` ones, which are kept verbatim. Where removing one
    ///   would join two tokens into one (`1px/**/-2px`), an empty `/**/` stays.
    /// - Strings, escapes and `url(…)` arguments are copied byte for byte.
    /// - A whitespace run becomes one space, or nothing next to `{ } ; , >` and after `:`. Spaces
    ///   before `:` (`a :hover`) and around `+ - ~ * ( )` (`calc(1px + 2px)`) are kept.
    /// - The last `;` before a `}` is dropped.
    /// - The result starts and ends with no whitespace (no trailing newline).
    public static func css(_ source: String) -> String {
        var minifier = CSSMinifier(Array(source.utf8))
        return String(decoding: minifier.run(), as: UTF8.self)
    }
}

/// The single pass behind `Minify.css`: copies tokens and decides what each whitespace run becomes.
struct CSSMinifier {
    private let source: [UInt8]
    private var output: [UInt8] = []
    private var index = 0
    /// Whitespace was skipped since the last token.
    private var pendingSpace = false
    /// A comment was removed (with no whitespace around it) since the last token.
    private var pendingComment = false
    /// The last token when it was a single punctuation byte (`{`, `;`, `:`, …), else 0.
    private var lastPunctuation: UInt8 = 0

    init(_ source: [UInt8]) {
        self.source = source
        output.reserveCapacity(source.count)
    }

    /// The minified bytes.
    mutating func run() -> [UInt8] {
        while index < source.count {
            let byte = source[index]
            if Self.isWhitespace(byte) {
                pendingSpace = true
                index += 1
            } else if byte == UInt8(ascii: "/") && source.byte(at: index + 1) == UInt8(ascii: "*") {
                comment()
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                emit(upTo: source.quotedStringEnd(from: index))
            } else if byte == UInt8(ascii: "\\") {
                emit(upTo: escapeEnd())
            } else if byte == UInt8(ascii: "(") && followsURLFunctionName() {
                emit(upTo: urlArgumentEnd())
            } else {
                emit(upTo: index + 1)
            }
        }
        return output
    }

    // MARK: Tokens

    /// Skips a comment, or copies it when it starts with `/*!`.
    private mutating func comment() {
        let end = source.blockCommentEnd(from: index)
        if source.byte(at: index + 2) == UInt8(ascii: "!") {
            emit(upTo: end)
        } else {
            pendingComment = true
            index = end
        }
    }

    /// The end of the escape at `index`: a backslash and one byte, or up to six hex digits and one
    /// optional whitespace byte (which belongs to the escape, as in `.\31 0`).
    private func escapeEnd() -> Int {
        var end = index + 1
        guard end < source.count else { return end }
        guard source[end].isHexDigit else { return end + 1 }
        while end < source.count && end < index + 7 && source[end].isHexDigit { end += 1 }
        if end < source.count && Self.isWhitespace(source[end]) {
            let crlf = source[end] == UInt8(ascii: "\r") && source.byte(at: end + 1) == UInt8(ascii: "\n")
            end += crlf ? 2 : 1
        }
        return end
    }

    /// Whether the `(` at `index` directly follows the function name `url` (in any case).
    private func followsURLFunctionName() -> Bool {
        guard !pendingSpace && !pendingComment && output.count >= 3 else { return false }
        let name = output[(output.count - 3)...].lazy.map(\.lowercased)
        guard name.elementsEqual("url".utf8) else { return false }
        return output.count == 3 || !Self.isNameByte(output[output.count - 4])
    }

    /// The index just after the `)` that closes the `url(` argument at `index`, skipping strings
    /// and escapes inside it.
    private func urlArgumentEnd() -> Int {
        var end = index + 1
        while end < source.count {
            let byte = source[end]
            if byte == UInt8(ascii: ")") { return end + 1 }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                end = source.quotedStringEnd(from: end)
            } else {
                end += byte == UInt8(ascii: "\\") ? 2 : 1
            }
        }
        return source.count
    }

    // MARK: Output

    /// Copies `source[index..<end]` as one token, after the separator the skipped whitespace needs.
    private mutating func emit(upTo end: Int) {
        let first = source[index]
        let single = end == index + 1 && Self.isPunctuation(first)
        if let last = output.last {
            if pendingSpace {
                if !Self.dropsSpaceBefore(single ? first : 0) && !Self.dropsSpaceAfter(lastPunctuation) {
                    output.append(UInt8(ascii: " "))
                }
            } else if pendingComment && Self.wouldMerge(last, first) {
                output.append(contentsOf: "/**/".utf8)  // `a/**/b` is two tokens, `ab` one, `a b` other ones
            }
        }
        if single && first == UInt8(ascii: "}") && lastPunctuation == UInt8(ascii: ";") {
            output.removeLast()
        }
        output.append(contentsOf: source[index..<end])
        lastPunctuation = single ? first : 0
        pendingSpace = false
        pendingComment = false
        index = end
    }

    // MARK: Byte classes

    /// CSS whitespace: space, tab, line feed, carriage return, form feed.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == 0x0C
    }

    /// A byte that can continue a name or number (`-` and `\\` included).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte.isLetter || byte.isDigit || byte.isNonASCII || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "\\")
    }

    /// Whether `last` followed directly by `first` would join two tokens into one (`a` `b`, `1` `.5`, `1` `%`).
    private static func wouldMerge(_ last: UInt8, _ first: UInt8) -> Bool {
        if isNameByte(last) && isNameByte(first) { return true }
        return last.isDigit && (first == UInt8(ascii: ".") || first == UInt8(ascii: "%"))
    }

    /// Punctuation the spacing rules look at.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        dropsSpaceAfter(byte) || byte == UInt8(ascii: "}")
    }

    /// No space is needed before these: `{ } ; , >`.
    private static func dropsSpaceBefore(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ">")
    }

    /// No space is needed after these: `{ } ; , > :`.
    private static func dropsSpaceAfter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";")
            || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: ":")
    }
}
