/// One token of JavaScript source: what it is and where its bytes are.
struct JSToken: Equatable, Sendable {
    /// What a token is.
    enum Kind: Equatable, Sendable {
        /// A name or keyword (`let`, `x`, `æøå`, `#private`).
        case identifier
        /// A numeric literal (`1`, `.5`, `0xff`, `1_000n`).
        case number
        /// A `'…'` or `"…"` literal.
        case string
        /// A template literal, or one piece of it: `` `…` ``, `` `…${ ``, `` }…${ `` or `` }…` ``.
        case template
        /// A regular expression literal with its flags.
        case regex
        /// An operator or other punctuation, matched longest first (`>>>=`, `?.`, `...`).
        case punctuator
        /// A `//…` or `/*…*/` comment, or a `#!` line at the very start.
        case comment
    }

    /// What the token is.
    var kind: Kind
    /// Where its bytes are in the source.
    var range: Range<Int>
    /// Whether the whitespace directly before the token contains a line break.
    var lineBreakBefore: Bool
}

/// Splits JavaScript (ES2022) into tokens, one at a time, with no allocation per token.
///
/// A `/` starts a regular expression unless the previous token (comments aside) is an operand: an
/// identifier that is not one of the keywords that precede expressions (`return`, `typeof`, …), a
/// property name after `.`, a number, a string, a regex, the end of a template, `)`, `]`, `}`, `++`
/// or `--` — except the `)` that ends the head of an `if`, `while`, `for` or `with`, after which a
/// statement (so a regex) begins: `if (x) /re/.test(y)`. Known limits, from not parsing: a regex
/// after the `}` that ends a block (`}\n/re/.test(y)`) is taken for a division; `of` used as a
/// variable name before a division is taken for the keyword; HTML-like comments (`<!--`, `-->`)
/// are not recognised.
struct JSTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    /// How many `{` are open (template substitutions aside).
    private var braceDepth = 0
    /// For each open `${`, the brace depth where it opened: its `}` resumes the template.
    private var substitutionDepths: [Int] = []
    /// Whether a `/` here starts a regular expression.
    private var regexAllowed = true
    /// Whether the previous token is `.` or `?.`, so an identifier is a property name.
    private var afterDot = false
    /// Whether the previous token is `if`, `while`, `for` or `with` (not a property name).
    private var afterControlKeyword = false
    /// For each open `(`, whether it opens the head of an `if`, `while`, `for` or `with`.
    private var parenthesesOpenControlHeads: [Bool] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// All tokens of `bytes`, comments included.
    static func tokens(in bytes: [UInt8]) -> [JSToken] {
        var tokenizer = JSTokenizer(bytes)
        var tokens: [JSToken] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    /// The next token, or nil at the end.
    mutating func next() -> JSToken? {
        let lineBreak = skipWhitespace()
        guard index < bytes.count else { return nil }
        let start = index
        let kind = scanToken()
        let token = JSToken(kind: kind, range: start..<index, lineBreakBefore: lineBreak)
        if kind != .comment { noteSignificant(token) }
        return token
    }

    // MARK: Scanning

    /// Reads the token at `index` and moves past it.
    private mutating func scanToken() -> JSToken.Kind {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "/"):
            return slash()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            index = bytes.quotedStringEnd(from: index)
            return .string
        case UInt8(ascii: "`"):
            scanTemplate(from: index + 1)
            return .template
        case UInt8(ascii: "}") where substitutionDepths.last == braceDepth:
            substitutionDepths.removeLast()
            scanTemplate(from: index + 1)
            return .template
        case UInt8(ascii: "#") where index == 0 && bytes.byte(at: 1) == UInt8(ascii: "!"):
            index = lineEnd(from: index)
            return .comment
        case UInt8(ascii: "#") where Self.isIdentifierStart(bytes.byte(at: index + 1)):
            index = identifierEnd(from: index + 1)
            return .identifier
        case UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard byte.isDigit || bytes.byte(at: index + 1).isDigit else { return punctuator() }
            index = numberEnd(from: index)
            return .number
        default:
            guard Self.isIdentifierStart(byte) && unicodeSpaceLength(at: index) == 0 else { return punctuator() }
            index = identifierEnd(from: index)
            return .identifier
        }
    }

    /// A comment, a regular expression or a division operator.
    private mutating func slash() -> JSToken.Kind {
        switch bytes.byte(at: index + 1) {
        case UInt8(ascii: "/"):
            index = lineEnd(from: index)
            return .comment
        case UInt8(ascii: "*"):
            index = bytes.blockCommentEnd(from: index)
            return .comment
        default:
            if regexAllowed, let end = regexEnd(from: index) {
                index = end
                return .regex
            }
            return punctuator()
        }
    }

    /// An operator, matched longest first; braces update the template bookkeeping.
    private mutating func punctuator() -> JSToken.Kind {
        let byte = bytes[index]
        if byte == UInt8(ascii: "{") { braceDepth += 1 }
        if byte == UInt8(ascii: "}") { braceDepth -= 1 }
        index += punctuatorLength(at: index)
        return .punctuator
    }

    /// The length of the longest punctuator at `start`.
    private func punctuatorLength(at start: Int) -> Int {
        let first = bytes[start]
        let second = bytes.byte(at: start + 1)
        let third = bytes.byte(at: start + 2)
        let equals = UInt8(ascii: "=")
        switch first {
        case UInt8(ascii: ">"):
            guard second == first else { return second == equals ? 2 : 1 }
            guard third == first else { return third == equals ? 3 : 2 }
            return bytes.byte(at: start + 3) == equals ? 4 : 3  // >>> and >>>=
        case UInt8(ascii: "<"), UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "|"):
            guard second == first else { return second == equals ? 2 : 1 }
            return third == equals ? 3 : 2  // << <<= ** **= && &&= || ||=
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            if first == equals && second == UInt8(ascii: ">") { return 2 }
            guard second == equals else { return 1 }
            return third == equals ? 3 : 2  // == === != !==
        case UInt8(ascii: "?"):
            if second == first { return third == equals ? 3 : 2 }  // ?? ??=
            return second == UInt8(ascii: ".") && !third.isDigit ? 2 : 1  // ?. but not `? .5`
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return second == first || second == equals ? 2 : 1
        case UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "^"):
            return second == equals ? 2 : 1
        case UInt8(ascii: "."):
            return second == first && third == first ? 3 : 1
        default:
            return 1
        }
    }

    /// Reads template text from `start` (just after `` ` `` or `}`) through its closing `` ` `` or
    /// its next `${`, which opens a substitution.
    private mutating func scanTemplate(from start: Int) {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "`") {
                index = end + 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                end += 2
            } else if byte == UInt8(ascii: "$") && bytes.byte(at: end + 1) == UInt8(ascii: "{") {
                substitutionDepths.append(braceDepth)
                index = end + 2
                return
            } else {
                end += 1
            }
        }
        index = bytes.count
    }

    /// The end of the regular expression literal at `start` with its flags, or nil when no `/`
    /// closes it on the same line (then the `/` is taken for a division).
    private func regexEnd(from start: Int) -> Int? {
        var end = start + 1
        var inClass = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte.isLineFeedOrReturn { return nil }
            if byte == UInt8(ascii: "\\") {
                end += 2
                continue
            }
            if inClass {
                inClass = byte != UInt8(ascii: "]")
            } else if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "/") {
                return identifierEnd(from: end + 1)
            }
            end += 1
        }
        return nil
    }

    /// The end of the numeric literal at `start`: decimal with fraction and exponent, or `0x`,
    /// `0o`, `0b`; separators `_` and the BigInt suffix `n` included.
    private func numberEnd(from start: Int) -> Int {
        var end = start
        if hasRadixPrefix(at: start) {
            end += 2
            while end < bytes.count && (bytes[end].isHexDigit || bytes[end] == UInt8(ascii: "_")) { end += 1 }
        } else {
            end = digitsEnd(from: end)
            if bytes.byte(at: end) == UInt8(ascii: ".") { end = digitsEnd(from: end + 1) }
            end = exponentEnd(from: end)
        }
        return bytes.byte(at: end) == UInt8(ascii: "n") ? end + 1 : end
    }

    /// Whether `0x`, `0o` or `0b` (in any case) starts at `start`.
    private func hasRadixPrefix(at start: Int) -> Bool {
        guard bytes[start] == UInt8(ascii: "0") else { return false }
        let letter = bytes.byte(at: start + 1).lowercased
        return letter == UInt8(ascii: "x") || letter == UInt8(ascii: "o") || letter == UInt8(ascii: "b")
    }

    /// The end of a run of decimal digits and `_` from `start`.
    private func digitsEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count && (bytes[end].isDigit || bytes[end] == UInt8(ascii: "_")) { end += 1 }
        return end
    }

    /// The end of an exponent (`e10`, `E-3`) at `start`, or `start` when there is none.
    private func exponentEnd(from start: Int) -> Int {
        guard bytes.byte(at: start).lowercased == UInt8(ascii: "e") else { return start }
        var end = start + 1
        if bytes.byte(at: end) == UInt8(ascii: "+") || bytes.byte(at: end) == UInt8(ascii: "-") { end += 1 }
        return bytes.byte(at: end).isDigit ? digitsEnd(from: end) : start
    }

    /// The end of the identifier characters from `start` (a backslash escape counts as two).
    private func identifierEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\\") {
                end += 2
            } else if Self.isIdentifierPart(byte) && (!byte.isNonASCII || unicodeSpaceLength(at: end) == 0) {
                end += 1
            } else {
                break
            }
        }
        return min(end, bytes.count)
    }

    /// The index of the line break that ends the line comment at `start`, or the end.
    private func lineEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count && !bytes[end].isLineFeedOrReturn && !isUnicodeLineBreak(at: end) { end += 1 }
        return end
    }

    // MARK: Whitespace

    /// Moves past whitespace; whether it contained a line break.
    private mutating func skipWhitespace() -> Bool {
        var lineBreak = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C {
                index += 1
            } else if byte.isLineFeedOrReturn {
                lineBreak = true
                index += 1
            } else if byte.isNonASCII, case let length = unicodeSpaceLength(at: index), length > 0 {
                lineBreak = lineBreak || isUnicodeLineBreak(at: index)
                index += length
            } else {
                break
            }
        }
        return lineBreak
    }

    /// The byte length of the non-ASCII whitespace or line terminator at `start` (no-break space,
    /// byte order mark, the U+2000 spaces, U+2028, U+2029, …), or 0.
    private func unicodeSpaceLength(at start: Int) -> Int {
        let first = bytes[start]
        let second = bytes.byte(at: start + 1)
        let third = bytes.byte(at: start + 2)
        switch (first, second) {
        case (0xC2, 0xA0): return 2  // U+00A0
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0  // U+1680
        case (0xE2, 0x80): return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0  // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0  // U+3000
        case (0xEF, 0xBB): return third == 0xBF ? 3 : 0  // U+FEFF
        default: return 0
        }
    }

    /// Whether U+2028 or U+2029 starts at `start`.
    private func isUnicodeLineBreak(at start: Int) -> Bool {
        bytes[start] == 0xE2 && bytes.byte(at: start + 1) == 0x80
            && (bytes.byte(at: start + 2) == 0xA8 || bytes.byte(at: start + 2) == 0xA9)
    }

    // MARK: Regex or division

    /// Remembers whether a `/` after `token` starts a regular expression.
    private mutating func noteSignificant(_ token: JSToken) {
        let first = bytes[token.range.lowerBound]
        let last = bytes[token.range.upperBound - 1]
        switch token.kind {
        case .identifier:
            regexAllowed = !afterDot && Self.precedesExpression(bytes[token.range])
        case .template:
            regexAllowed = last == UInt8(ascii: "{")  // `${`: an expression follows
        case .punctuator:
            let closes = first == UInt8(ascii: ")") || first == UInt8(ascii: "]") || first == UInt8(ascii: "}")
            let postfix = token.range.count == 2 && (first == UInt8(ascii: "+") || first == UInt8(ascii: "-")) && first == last
            regexAllowed = !closes && !postfix
            if token.range.count == 1 && first == UInt8(ascii: "(") {
                parenthesesOpenControlHeads.append(afterControlKeyword)
            } else if token.range.count == 1 && first == UInt8(ascii: ")") {
                regexAllowed = parenthesesOpenControlHeads.popLast() ?? false
            }
        case .number, .string, .regex, .comment:
            regexAllowed = false
        }
        afterControlKeyword =
            token.kind == .identifier && !afterDot && Self.controlKeywords.contains { $0.elementsEqual(bytes[token.range]) }
        afterDot = token.kind == .punctuator && last == UInt8(ascii: ".") && token.range.count <= 2
    }

    /// Keywords after which an expression (so a regex) comes rather than a division.
    private static let expressionKeywords: [[UInt8]] = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield",
        "await",
    ].map { Array($0.utf8) }

    /// Keywords whose parenthesized head a statement follows.
    private static let controlKeywords: [[UInt8]] = ["if", "while", "for", "with"].map { Array($0.utf8) }

    /// Whether the identifier `name` is one of `expressionKeywords`.
    private static func precedesExpression(_ name: ArraySlice<UInt8>) -> Bool {
        guard name.count <= 10, name.first?.isLetter == true else { return false }
        return expressionKeywords.contains { $0.elementsEqual(name) }
    }

    // MARK: Identifier bytes

    /// A byte that can start an identifier: ASCII letter, `_`, `$`, `\` (escape) or non-ASCII.
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        byte.isLetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\")
            || byte.isNonASCII
    }

    /// A byte that can continue an identifier: a start byte or a digit.
    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || byte.isDigit
    }
}
