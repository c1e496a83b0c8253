internal import Core

/// Why a text is not JSON: the first problem, where it is, and what was expected.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    /// Byte offset of the problem.
    public let offset: Int
    /// What is wrong and what is expected, without the position.
    public let message: String

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    /// `3:14: expected ',' or '}' after a member of an object, not '"'`
    public var description: String { "\(line):\(column): \(message)" }
}

/// A recursive-descent parser over raw bytes that writes ``JSONNode``s in document order.
struct JSONParser {
    private let input: UnsafeBufferPointer<UInt8>
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var i = 0
    private var nodes: [JSONNode] = []

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        // An empty buffer may have no address; parse a one-byte stand-in that is never read.
        self.base = input.baseAddress ?? UnsafePointer(bitPattern: 1)!
        self.end = input.count
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> [JSONNode] {
        guard end <= Int(UInt32.max) else { throw failure(at: 0, "the file is larger than 4 GB") }
        // A rough guess from typical results files (about one value per 6 bytes) avoids regrowth.
        nodes.reserveCapacity(end / 6 + 16)
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { i = 3 }
        skipWhitespace()
        guard i < end else { throw failure(at: i, "the file is empty; expected a JSON value") }
        try parseValue(depth: 0)
        skipWhitespace()
        if i < end {
            throw failure(
                at: i,
                "unexpected \(describe(at: i)) after the end of the JSON value; a file holds one value (put several in an array)")
        }
        return nodes
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) {
        guard i < end else { throw failure(at: i, "the JSON ends where a value is expected") }
        switch base[i] {
        case UInt8(ascii: "{"): try parseObject(depth: depth)
        case UInt8(ascii: "["): try parseArray(depth: depth)
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", .true)
        case UInt8(ascii: "f"): try parseLiteral("false", .false)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        default: throw unexpectedValue()
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) {
        guard depth < JSONDocument.maximumDepth else {
            throw failure(at: i, "arrays and objects are nested more than \(JSONDocument.maximumDepth) deep")
        }
        let index = nodes.count
        nodes.append(JSONNode(kind: .object, flags: 0, count: 0, start: UInt32(i), end: 0))
        i += 1
        skipWhitespace()
        var count: UInt32 = 0
        if i < end, base[i] == UInt8(ascii: "}") {
            i += 1
        } else {
            while true {
                guard i < end else { throw failure(at: i, "the JSON ends inside an object; close it with }") }
                guard base[i] == UInt8(ascii: "\"") else {
                    if base[i] == UInt8(ascii: "}"), count > 0 {
                        throw failure(at: i, "a comma before } must be followed by another member; remove the trailing comma")
                    }
                    throw failure(at: i, "expected a key in double quotes, not \(describe(at: i))")
                }
                try parseString()
                skipWhitespace()
                guard i < end, base[i] == UInt8(ascii: ":") else {
                    throw failure(at: i, "expected ':' after the key, not \(describe(at: i))")
                }
                i += 1
                skipWhitespace()
                try parseValue(depth: depth + 1)
                count += 1
                skipWhitespace()
                guard i < end else { throw failure(at: i, "the JSON ends inside an object; close it with }") }
                if base[i] == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    continue
                }
                if base[i] == UInt8(ascii: "}") {
                    i += 1
                    break
                }
                throw failure(at: i, "expected ',' or '}' after a member of an object, not \(describe(at: i))")
            }
        }
        nodes[index].count = count
        nodes[index].end = UInt32(nodes.count)
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) {
        guard depth < JSONDocument.maximumDepth else {
            throw failure(at: i, "arrays and objects are nested more than \(JSONDocument.maximumDepth) deep")
        }
        let index = nodes.count
        nodes.append(JSONNode(kind: .array, flags: 0, count: 0, start: UInt32(i), end: 0))
        i += 1
        skipWhitespace()
        var count: UInt32 = 0
        if i < end, base[i] == UInt8(ascii: "]") {
            i += 1
        } else {
            while true {
                guard i < end else { throw failure(at: i, "the JSON ends inside an array; close it with ]") }
                if base[i] == UInt8(ascii: "]"), count > 0 {
                    throw failure(at: i, "a comma before ] must be followed by another element; remove the trailing comma")
                }
                try parseValue(depth: depth + 1)
                count += 1
                skipWhitespace()
                guard i < end else { throw failure(at: i, "the JSON ends inside an array; close it with ]") }
                if base[i] == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    continue
                }
                if base[i] == UInt8(ascii: "]") {
                    i += 1
                    break
                }
                throw failure(at: i, "expected ',' or ']' after an element of an array, not \(describe(at: i))")
            }
        }
        nodes[index].count = count
        nodes[index].end = UInt32(nodes.count)
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: JSONDocument.Kind) throws(JSONSyntaxError) {
        let start = i
        let length = word.utf8CodeUnitCount
        guard end - i >= length, memoryEqual(base + i, word.utf8Start, length) else {
            throw unexpectedValue()
        }
        i += length
        // `nullx` or `true1` is one bad word, not a literal followed by junk.
        if i < end, Self.isWordByte(base[i]) { i = start; throw unexpectedValue() }
        nodes.append(JSONNode(kind: kind, flags: 0, count: 0, start: UInt32(start), end: UInt32(i)))
    }

    private mutating func parseNumber() throws(JSONSyntaxError) {
        let start = i
        var flags = JSONNode.isPlainInteger
        if base[i] == UInt8(ascii: "-") {
            i += 1
            guard i < end, Self.isDigit(base[i]) else {
                if i < end, base[i] == UInt8(ascii: "I") { i = start; throw unexpectedValue() }
                throw failure(at: i, "a minus sign must be followed by a digit")
            }
        }
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, Self.isDigit(base[i]) {
                throw failure(
                    at: start,
                    "numbers must not start with 0 followed by more digits (\(word(at: start))); remove the leading zeros")
            }
        } else {
            while i < end, Self.isDigit(base[i]) { i += 1 }
        }
        if i < end, base[i] == UInt8(ascii: ".") {
            flags = 0
            i += 1
            guard i < end, Self.isDigit(base[i]) else {
                throw failure(at: i, "a decimal point must be followed by a digit (\(word(at: start)))")
            }
            while i < end, Self.isDigit(base[i]) { i += 1 }
        }
        if i < end, base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E") {
            flags = 0
            i += 1
            if i < end, base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, Self.isDigit(base[i]) else {
                throw failure(at: i, "an exponent must have digits (\(word(at: start)))")
            }
            while i < end, Self.isDigit(base[i]) { i += 1 }
        }
        if i < end, Self.isWordByte(base[i]) || base[i] == UInt8(ascii: ".") {
            throw failure(at: start, "\(word(at: start)) is not a number; write numbers like 4, -2, 3.5 or 1e3")
        }
        nodes.append(JSONNode(kind: .number, flags: flags, count: 0, start: UInt32(start), end: UInt32(i)))
    }

    // MARK: - Strings

    /// Byte classes for the string scanner: 0 plain ASCII, 1 quote, 2 backslash, 3 control
    /// character, 4 the lead byte of a multi-byte sequence (or an invalid byte).
    private static let stringClass: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x22: 1
        case 0x5C: 2
        case 0..<0x20: 3
        case 0x80...: 4
        default: 0
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) {
        let start = i
        var flags: UInt8 = 0
        i += 1
        try Self.stringClass.withUnsafeBufferPointer { classes throws(JSONSyntaxError) in
            while true {
                // The common case: a run of plain ASCII.
                while i < end, classes[Int(base[i])] == 0 { i += 1 }
                guard i < end else { throw failure(at: start, "this string is never closed; end it with \"") }
                switch classes[Int(base[i])] {
                case 1:
                    i += 1
                    return
                case 2:
                    flags = JSONNode.hasEscapes
                    try skipEscape()
                case 3:
                    let name = Self.controlNames[Int(base[i])]
                    throw failure(
                        at: i,
                        "a string must not contain a raw control character (U+\(Self.hex(UInt32(base[i]), digits: 4)))"
                            + (name.isEmpty
                                ? "; escape it as \\u00\(Self.hex(UInt32(base[i]), digits: 2))" : "; write it as \(name)")
                            + (base[i] == 0x0A ? ", or close the string with \" before the line ends" : ""))
                default:
                    try skipUTF8Sequence()
                }
            }
        }
        nodes.append(JSONNode(kind: .string, flags: flags, count: 0, start: UInt32(start), end: UInt32(i)))
    }

    private static let controlNames: [String] = (0..<32).map { byte in
        switch byte {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: ""
        }
    }

    /// Checks one escape after a backslash at `i` and moves past it.
    private mutating func skipEscape() throws(JSONSyntaxError) {
        let backslash = i
        i += 1
        guard i < end else { throw failure(at: backslash, "the JSON ends inside an escape") }
        switch base[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
        case UInt8(ascii: "u"):
            guard let unit = hex4(at: i + 1) else {
                throw failure(at: backslash, "\\u must be followed by four hexadecimal digits, like \\u00e6")
            }
            i += 5
            if (0xD800...0xDBFF).contains(unit) {
                guard end - i >= 6, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u"),
                    let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low)
                else {
                    throw failure(
                        at: backslash,
                        "\\u\(Self.hex(unit, digits: 4)) is the first half of a surrogate pair and must be followed by a second half (\\uDC00 to \\uDFFF)"
                    )
                }
                i += 6
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw failure(
                    at: backslash, "\\u\(Self.hex(unit, digits: 4)) is the second half of a surrogate pair without a first half")
            }
        default:
            throw failure(
                at: backslash,
                "\(describe(at: backslash, length: 2)) is not an escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
    }

    private func hex4(at position: Int) -> UInt32? {
        guard end - position >= 4 else { return nil }
        var value: UInt32 = 0
        for k in 0..<4 {
            let byte = base[position + k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks one well-formed UTF-8 sequence (Unicode table 3-7) starting at `i` and moves past it.
    private mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let lead = base[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw invalidUTF8(at: i)
        }
        guard end - i >= length else { throw invalidUTF8(at: i) }
        guard base[i + 1] >= low, base[i + 1] <= high else { throw invalidUTF8(at: i) }
        for k in 2..<length where base[i + k] & 0xC0 != 0x80 {
            throw invalidUTF8(at: i)
        }
        i += length
    }

    private func invalidUTF8(at position: Int) -> JSONSyntaxError {
        failure(at: position, "byte 0x\(Self.hex(UInt32(base[position]), digits: 2)) is not valid UTF-8; save the file as UTF-8")
    }

    /// The bytes of a string's contents (between the quotes) with its escapes resolved.
    static func unescape(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        func hexValue(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for k in 0..<4 {
                let byte = raw[at + k]
                let digit: UInt8 =
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
                    default: byte - UInt8(ascii: "A") + 10
                    }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < raw.endIndex {
            let byte = raw[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = raw[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(i)
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    let low = hexValue(i + 2)
                    i += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default: out.append(escape)  // \" \\ \/
            }
        }
        return out
    }

    // MARK: - Helpers

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < end {
            switch base[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// The error for a byte that cannot start a value, naming the common mistakes.
    private func unexpectedValue() -> JSONSyntaxError {
        let text = word(at: i)
        switch text {
        case "NaN", "Infinity", "-Infinity":
            return failure(at: i, "\(text) is not allowed in JSON; use null for a missing value")
        case "True", "False", "None", "Null", "NULL", "TRUE", "FALSE", "undefined":
            return failure(at: i, "\(text) is not a JSON value; write true, false or null in lower case")
        default:
            break
        }
        switch base[i] {
        case UInt8(ascii: "'"):
            return failure(at: i, "strings must be in double quotes (\"), not single quotes")
        case UInt8(ascii: "/"):
            return failure(at: i, "comments are not allowed in JSON")
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            return failure(at: i, "expected a value, not \(describe(at: i))")
        case UInt8(ascii: "."), UInt8(ascii: "+"):
            return failure(at: i, "\(text) is not a number; write numbers like 4, -2, 0.5 or 1e3")
        default:
            if Self.isWordByte(base[i]) {
                return failure(at: i, "\(text) is not a JSON value; strings must be in double quotes")
            }
            return failure(
                at: i, "expected a value (an object, array, string, number, true, false or null), not \(describe(at: i))")
        }
    }

    /// The run of word characters at `position`, for messages (at most 40 bytes).
    private func word(at position: Int) -> String {
        var stop = position
        while stop < end, stop - position < 40, Self.isWordByte(base[stop]) || base[stop] == UInt8(ascii: ".") { stop += 1 }
        if stop == position { stop = min(end, position + 1) }
        return String(decoding: UnsafeBufferPointer(rebasing: input[position..<stop]), as: UTF8.self)
    }

    /// The character at `position` as a message shows it: `'x'`, `a line break`, `byte 0xFF`.
    private func describe(at position: Int, length: Int = 1) -> String {
        guard position < end else { return "the end of the file" }
        let byte = base[position]
        switch byte {
        case 0x0A, 0x0D: return "a line break"
        case 0x09: return "a tab"
        case 0x20..<0x7F:
            let stop = min(end, position + length)
            return "'\(String(decoding: UnsafeBufferPointer(rebasing: input[position..<stop]), as: UTF8.self))'"
        case 0x80...:
            var stop = position + 1
            while stop < end, base[stop] & 0xC0 == 0x80 { stop += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: input[position..<stop]), as: UTF8.self)
            return text.unicodeScalars.first == "\u{FFFD}" ? "byte 0x\(Self.hex(UInt32(byte), digits: 2))" : "'\(text)'"
        default: return "the control character U+\(Self.hex(UInt32(byte), digits: 4))"
        }
    }

    private func failure(at position: Int, _ message: String) -> JSONSyntaxError {
        let (line, column) = TextPosition.lineAndColumn(of: position, in: input)
        return JSONSyntaxError(line: line, column: column, offset: position, message: message)
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
