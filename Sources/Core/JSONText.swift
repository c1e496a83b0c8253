/// Writing JSON text: strings quoted and escaped as RFC 8259 requires, numbers in full precision.
public enum JSONText {
    /// `"text"`, with `"`, `\` and control characters escaped, and U+2028 and U+2029 (which end a
    /// line in some JavaScript engines); other characters stay as UTF-8. The result is also a valid
    /// YAML double-quoted string.
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string to `bytes`.
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0xF))
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in some JavaScript engines.
                bytes.append(contentsOf: Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 2
            default: bytes.append(byte)
            }
            i += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a number in the shortest form that reads back as the same `Double`
    /// (`3.4444444444444446`, `4.0`), or `null` for `nil`.
    ///
    /// JSON has no form for infinity and NaN; they are written as `null`, like JavaScript's
    /// `JSON.stringify`. Scores never are: ScoringCore's ranges keep every mean and gap finite.
    public static func appendNumber(_ value: Double?, to bytes: inout [UInt8]) {
        guard let value, value.isFinite else {
            bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Appends a whole number.
    public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: String(value.magnitude).utf8)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}

/// JSON text written piece by piece: the one JSON writer of Tandem's outputs (`tandem score
/// --format json`, `tandem check --format json`, the results downloads, the live-reload events).
///
/// Values go through the methods below, strings and numbers as ``JSONText`` writes them (numbers
/// at full `Double` precision, non-finite ones and `nil` as `null`). The layout between values
/// (`, `, line breaks, indents) is the caller's, written with ``raw(_:)``, so each output keeps the
/// shape its documentation shows.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Layout or punctuation exactly as given: `{`, `, `, `,\n  `.
    public mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `"name": `: an object's key and the space after its colon.
    public mutating func key(_ name: String) {
        JSONText.appendQuoted(name, to: &bytes)
        bytes.append(contentsOf: ": ".utf8)
    }

    /// A string, or `null` for nil.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        JSONText.appendQuoted(text, to: &bytes)
    }

    /// A number in the shortest form that reads back as the same `Double`, or `null` for nil.
    public mutating func number(_ value: Double?) {
        JSONText.appendNumber(value, to: &bytes)
    }

    /// A whole number, or `null` for nil.
    public mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        JSONText.appendInteger(value, to: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    public mutating func null() {
        raw("null")
    }

    /// `[1, 2, 3]` on one line, or `null` for nil.
    public mutating func integers(_ values: [Int]?) {
        guard let values else { return null() }
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(", ") }
            integer(value)
        }
        raw("]")
    }

    /// One value of any kind.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .string(let text): string(text)
        case .number(let number): self.number(number)
        case .integer(let integer): self.integer(integer)
        case .bool(let bool): self.bool(bool)
        case .integers(let integers): self.integers(integers)
        }
    }

    /// `"a": 1, "b": 2`: an object's members with `separator` between them and no braces, so
    /// a caller can break an object into lines.
    public mutating func members(_ members: KeyValuePairs<String, JSONValue>, separator: String = ", ") {
        for (index, member) in members.enumerated() {
            if index > 0 { raw(separator) }
            key(member.key)
            value(member.value)
        }
    }

    /// `{"a": 1, "b": 2}` on one line.
    public mutating func object(_ members: KeyValuePairs<String, JSONValue>) {
        raw("{")
        self.members(members)
        raw("}")
    }
}

/// A value for ``JSONWriter/members(_:separator:)``; nil is `null`.
public enum JSONValue: Sendable {
    case string(String?)
    case number(Double?)
    case integer(Int?)
    case bool(Bool)
    case integers([Int]?)
}
