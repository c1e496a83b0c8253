/// Byte classes shared by the CSS and JavaScript minifiers. Everything works on UTF-8 bytes.
extension UInt8 {
    /// `0`–`9`.
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// `0`–`9`, `a`–`f`, `A`–`F`.
    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }

    /// `a`–`z`, `A`–`Z`.
    var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }

    /// A byte of a multi-byte UTF-8 sequence (any non-ASCII character).
    var isNonASCII: Bool { self >= 0x80 }

    /// `\n` or `\r`.
    var isLineFeedOrReturn: Bool { self == UInt8(ascii: "\n") || self == UInt8(ascii: "\r") }

    /// The ASCII letter in lower case; other bytes unchanged.
    var lowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self + 32 : self }
}

extension Array where Element == UInt8 {
    /// The byte at `index`, or 0 past the end (so look-ahead needs no bounds checks).
    @inline(__always)
    func byte(at index: Int) -> UInt8 { index < count ? self[index] : 0 }

    /// The index just after the `*/` that closes the block comment opening at `start`, or the end.
    func blockCommentEnd(from start: Int) -> Int {
        var index = start + 2
        while index + 1 < count {
            if self[index] == UInt8(ascii: "*") && self[index + 1] == UInt8(ascii: "/") { return index + 2 }
            index += 1
        }
        return count
    }

    /// The index just after the quoted string opening at `start` (its quote is `self[start]`).
    ///
    /// A backslash escapes the next byte, a backslash before a line break (`\r\n` too) continues the
    /// string; an unescaped line break ends an unterminated string before the break.
    func quotedStringEnd(from start: Int) -> Int {
        let quote = self[start]
        var index = start + 1
        while index < count {
            let current = self[index]
            if current == quote { return index + 1 }
            if current == UInt8(ascii: "\\") {
                let crlf = byte(at: index + 1) == UInt8(ascii: "\r") && byte(at: index + 2) == UInt8(ascii: "\n")
                index += crlf ? 3 : 2
                continue
            }
            if current.isLineFeedOrReturn { return index }
            index += 1
        }
        return count
    }

    /// Whether the bytes from `start` are exactly `text`.
    func hasPrefix(_ text: StaticString, at start: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard start + length <= count else { return false }
        return text.withUTF8Buffer { prefix in
            for offset in 0..<length where self[start + offset] != prefix[offset] { return false }
            return true
        }
    }
}
