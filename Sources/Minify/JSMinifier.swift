extension Minify {
    /// JavaScript with comments removed and whitespace reduced; meaning unchanged (no renaming).
    ///
    /// - Tokens are copied verbatim: strings, template literals (with their newlines) and regular
    ///   expressions byte for byte. Comments are removed, except `/*! … */` ones and a `#!` line.
    /// - Between two tokens comes nothing, or one space where they would otherwise merge (`let x`,
    ///   `a+ +b`, `1 .toString()`).
    /// - A line break between two tokens (in whitespace or inside a comment) is kept as one `\n`
    ///   unless automatic semicolon insertion certainly cannot depend on it: the token before it
    ///   expects more (`{ ( [ , ; : ?`, a binary or assignment operator) or the token after it
    ///   cannot start a statement (`} ) ] , ; . ?. :`, a binary operator other than `+ - /`).
    /// - The result starts and ends with no whitespace (no trailing newline).
    ///
    /// A `/` right after `)` or after a block's `}` is taken for a division (see `JSTokenizer`), so
    /// a regular expression there (`if (x) /re/.test(y)`) may lose its inner whitespace.
    public static func javaScript(_ source: String) -> String {
        var minifier = JSMinifier(Array(source.utf8))
        return String(decoding: minifier.run(), as: UTF8.self)
    }
}

/// The single pass behind `Minify.javaScript`: copies tokens and decides what goes between them.
struct JSMinifier {
    private let source: [UInt8]
    private var output: [UInt8] = []
    /// The last token written.
    private var previous: JSToken?
    /// Whether a line break came since `previous`.
    private var lineBreak = false
    /// The kept comments since `previous`.
    private var keptComments: [Range<Int>] = []

    init(_ source: [UInt8]) {
        self.source = source
        output.reserveCapacity(source.count)
    }

    /// The minified bytes.
    mutating func run() -> [UInt8] {
        var tokenizer = JSTokenizer(source)
        while let token = tokenizer.next() {
            lineBreak = lineBreak || token.lineBreakBefore
            if token.kind == .comment {
                note(comment: token.range)
            } else {
                write(token)
            }
        }
        if !keptComments.isEmpty { writeKeptComments(after: previous) }
        return output
    }

    /// Keeps `/*!` comments and a `#!` line; a comment spanning lines counts as a line break.
    private mutating func note(comment range: Range<Int>) {
        let text = source[range]
        if text.contains(UInt8(ascii: "\n")) || text.contains(UInt8(ascii: "\r")) || text.contains(0xE2) {
            lineBreak = true  // 0xE2: possibly U+2028 or U+2029; a spare "\n" is always safe
        }
        if source.hasPrefix("/*!", at: range.lowerBound) || source.hasPrefix("#!", at: range.lowerBound) {
            keptComments.append(range)
        }
    }

    /// Writes `token` after the separator it needs.
    private mutating func write(_ token: JSToken) {
        if !keptComments.isEmpty {
            writeKeptComments(after: previous)
        } else if let previous, let separator = separator(between: previous, and: token) {
            output.append(separator)
        }
        output.append(contentsOf: source[token.range])
        previous = token
        lineBreak = false
    }

    /// Writes the kept comments that came after `previous`, with a line break where one was.
    private mutating func writeKeptComments(after previous: JSToken?) {
        if previous != nil {
            if lineBreak {
                output.append(UInt8(ascii: "\n"))
            } else if output.last == UInt8(ascii: "/") {
                output.append(UInt8(ascii: " "))  // `a / /*!x*/` must not become a line comment
            }
        }
        for range in keptComments {
            output.append(contentsOf: source[range])
            if source.hasPrefix("#!", at: range.lowerBound) { output.append(UInt8(ascii: "\n")) }
        }
        if previous == nil && lineBreak && output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        keptComments.removeAll(keepingCapacity: true)
    }

    // MARK: Separators

    /// What goes between `left` and `right`: a line break, a space, or nothing (nil).
    private func separator(between left: JSToken, and right: JSToken) -> UInt8? {
        if lineBreak && !canDropLineBreak(between: left, and: right) { return UInt8(ascii: "\n") }
        return needsSpace(between: left, and: right) ? UInt8(ascii: " ") : nil
    }

    /// Whether `left` and `right` would read as other tokens if written with nothing between.
    private func needsSpace(between left: JSToken, and right: JSToken) -> Bool {
        let last = source[left.range.upperBound - 1]
        let first = source[right.range.lowerBound]
        if JSTokenizer.isIdentifierPart(first) || first == UInt8(ascii: "#") {
            return JSTokenizer.isIdentifierPart(last) || left.kind == .regex  // `let x`, `/re/ in`
        }
        switch (last, first) {
        case (UInt8(ascii: "+"), UInt8(ascii: "+")), (UInt8(ascii: "-"), UInt8(ascii: "-")):
            return true  // `a+ +b`, `a- --b`
        case (UInt8(ascii: "/"), UInt8(ascii: "/")), (UInt8(ascii: "/"), UInt8(ascii: "*")):
            return true  // `a / /re/` would start a comment
        case (UInt8(ascii: "<"), UInt8(ascii: "!")), (UInt8(ascii: "-"), UInt8(ascii: ">")):
            return true  // `<!--` and `-->` are HTML-like comments in scripts
        case (_, UInt8(ascii: ".")):
            return left.kind == .number && isDecimalInteger(left.range)  // `1 .toString()`
        default:
            return false
        }
    }

    /// Whether the number at `range` is only decimal digits, so a `.` after it would be its fraction.
    private func isDecimalInteger(_ range: Range<Int>) -> Bool {
        source[range].allSatisfy { $0.isDigit || $0 == UInt8(ascii: "_") }
    }

    /// Whether removing a line break between `left` and `right` cannot change how automatic
    /// semicolon insertion reads the code.
    private func canDropLineBreak(between left: JSToken, and right: JSToken) -> Bool {
        switch left.kind {
        case .punctuator:
            if expectsMore(punctuator: source[left.range]) { return true }
        case .template:
            if source[left.range.upperBound - 1] == UInt8(ascii: "{") { return true }  // `${`
        case .identifier:
            if Self.restrictedKeywords.contains(where: { $0.elementsEqual(source[left.range]) }) { return false }
        default:
            break
        }
        switch right.kind {
        case .punctuator:
            return continuesExpression(punctuator: source[right.range])
        case .template:
            return source[right.range.lowerBound] == UInt8(ascii: "}")  // the end of a `${ … }`
        default:
            return false
        }
    }

    /// Keywords that must not be followed by a line break they did not have (`return\nx`).
    private static let restrictedKeywords: [[UInt8]] = ["return", "throw", "break", "continue", "yield", "async", "await"]
        .map { Array($0.utf8) }

    /// Whether `punctuator` cannot end a statement: everything but `) ] } ++ --`.
    private func expectsMore(punctuator: ArraySlice<UInt8>) -> Bool {
        guard let first = punctuator.first else { return false }
        if first == UInt8(ascii: ")") || first == UInt8(ascii: "]") || first == UInt8(ascii: "}") { return false }
        let postfix =
            punctuator.count == 2 && (first == UInt8(ascii: "+") || first == UInt8(ascii: "-"))
            && punctuator.last == first
        return !postfix
    }

    /// Whether `punctuator` cannot start a statement or an expression, so the code before it goes on
    /// or closes: `} ) ] , ; . ?. : ?`, comparisons, logical and bitwise operators, `* % **` and
    /// assignments other than `/=`. Not `( [ + - ++ -- / ! ~ ... =>`.
    private func continuesExpression(punctuator: ArraySlice<UInt8>) -> Bool {
        guard let first = punctuator.first else { return false }
        switch first {
        case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "*"), UInt8(ascii: "%"):
            return true
        case UInt8(ascii: "."):
            return punctuator.count == 1
        case UInt8(ascii: "="):
            return punctuator.count == 1 || punctuator.last == UInt8(ascii: "=")  // not `=>`
        case UInt8(ascii: "!"):
            return punctuator.count > 1  // `!=` and `!==`, not `!`
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return punctuator.count == 2 && punctuator.last == UInt8(ascii: "=")  // `+=` and `-=`
        default:
            return false
        }
    }
}
