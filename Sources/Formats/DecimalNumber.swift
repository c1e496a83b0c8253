public import Yams

/// How a number must be written in YAML that Tandem reads (playbook blocks, questionnaires,
/// front matter): in plain decimal, as a person reads it.
///
/// YAML 1.1, and so Yams, also reads `0x10` (16), `0o17` (15), `0b11` (3), `1:30` (90, in base
/// 60), `1_000` (1000) and `.nan` as numbers. In a sales team's agreement those are mistakes:
/// a reader judges the scalar's text as written and reports them instead of reading a value the
/// author did not mean. YAML's infinity, `.inf`, stays a number: one beyond every range.
public enum DecimalNumber {
    /// Whether `text` is an optional sign and digits: `120`, `-3`, `+7`, `007`.
    public static func isWholeNumber(_ text: String) -> Bool {
        var rest = text.utf8[...]
        if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        return skipDigits(&rest) && rest.isEmpty
    }

    /// Whether `text` is an optional sign, digits, an optional fraction and an optional exponent:
    /// `120`, `-2.5`, `0.25`, `1e20`, `1.5E-3`.
    public static func isDecimal(_ text: String) -> Bool {
        var rest = text.utf8[...]
        if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        guard skipDigits(&rest) else { return false }
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            guard skipDigits(&rest) else { return false }
        }
        if rest.first == UInt8(ascii: "e") || rest.first == UInt8(ascii: "E") {
            rest = rest.dropFirst()
            if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
            guard skipDigits(&rest) else { return false }
        }
        return rest.isEmpty
    }

    /// YAML's infinity, `.inf`, `.Inf` or `.INF` with an optional sign; nil for any other text.
    public static func infinity(_ text: String) -> Double? {
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "+" || rest.first == "-" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        return rest == ".inf" || rest == ".Inf" || rest == ".INF" ? sign * .infinity : nil
    }

    /// Whether YAML reads a plain scalar as a number, or it starts like a hexadecimal, octal or
    /// binary one, yet `text` is neither decimal nor infinity: `0x10`, `0o17`, `0x1p2`, `1:30`,
    /// `1_000`, `.5`, `.nan`.
    public static func isOtherNotation(_ node: Node, _ text: String) -> Bool {
        guard !isDecimal(text), infinity(text) == nil else { return false }
        if node.int != nil || node.float != nil { return true }
        var rest = text.lowercased()[...]
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        return rest.hasPrefix("0x") || rest.hasPrefix("0o") || rest.hasPrefix("0b")
    }

    /// The decimal spelling of a number written with `_` separators or a bare point, `1_000` as
    /// `1000`, `.5` as `0.5`; nil when the notation is not just a different spelling.
    static func decimalSpelling(of text: String) -> String? {
        var spelling = String(text.filter { $0 != "_" })
        var sign = ""
        if spelling.first == "+" || spelling.first == "-" { sign = String(spelling.removeFirst()) }
        if spelling.first == "." { spelling = "0" + spelling }
        if spelling.last == "." { spelling += "0" }
        spelling = sign + spelling
        return isDecimal(spelling) ? spelling : nil
    }

    /// `key "0x10" is not a number; write it in decimal, such as 120`, with the decimal spelling
    /// of `text` as the example when there is one.
    public static func notDecimal(_ key: String, _ text: String, example: String) -> String {
        "\(key) \"\(text)\" is not a number; write it in decimal, such as \(decimalSpelling(of: text) ?? example)"
    }

    private static func skipDigits(_ rest: inout Substring.UTF8View) -> Bool {
        let start = rest.startIndex
        while let byte = rest.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { rest = rest.dropFirst() }
        return rest.startIndex != start
    }
}
