/// Fixed-point numbers as Tandem writes them for people: scores, differences, percentages, money,
/// SVG coordinates and the numbers in messages. The one formatter of decimals; plain Swift, so the
/// text is the same on every machine and in every locale.
///
/// A value is rounded to `digits` digits after the point (half away from zero unless `rounding`
/// says otherwise), then written with `point` between the whole part and the digits, the whole
/// part grouped in thousands by `grouping` when there is one, `minus` before a value that rounds
/// below zero and `plus` before one that rounds above it. A value too large for `Int` once scaled
/// (or not finite) is written as Swift writes it (`1e+20`).
public struct FixedPoint: Sendable {
    /// Digits after the point.
    public var digits: Int
    /// Drop trailing zeros after the point, and the point with them: `0.5`, `20`.
    public var trimsZeros = false
    public var point = "."
    /// The separator of thousands in the whole part, or nil for none.
    public var grouping: String?
    public var minus = "-"
    public var plus = ""
    public var rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero

    public init(
        digits: Int, trimsZeros: Bool = false, point: String = ".", grouping: String? = nil, minus: String = "-",
        plus: String = "", rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) {
        self.digits = digits
        self.trimsZeros = trimsZeros
        self.point = point
        self.grouping = grouping
        self.minus = minus
        self.plus = plus
        self.rounding = rounding
    }

    /// The language's separators: `1,234.5` in English, `1.234,5` in Danish.
    public init(digits: Int, trimsZeros: Bool = false, _ language: Language, grouped: Bool = true, minus: String = "-") {
        self.init(
            digits: digits, trimsZeros: trimsZeros, point: language.decimalSeparator,
            grouping: grouped ? language.groupingSeparator : nil, minus: minus)
    }

    /// `value` rounded and written as described above.
    public func format(_ value: Double) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(rounding)
        guard scaled.isFinite, scaled.magnitude < 9e18 else { return "\(value)" }
        let units = Int(scaled)
        let sign = units < 0 ? minus : units > 0 ? plus : ""
        let whole = Self.integer(Int(units.magnitude / UInt(scale)), grouping: grouping)
        var fraction = digits > 0 ? String(units.magnitude % UInt(scale)) : ""
        fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        if trimsZeros {
            while fraction.last == "0" { fraction.removeLast() }
        }
        return fraction.isEmpty ? sign + whole : sign + whole + point + fraction
    }

    /// A whole number with its thousands grouped by `grouping`: `480,000`, `-1.250`.
    public static func integer(_ value: Int, grouping: String?) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        guard let grouping else { return out + digits }
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += grouping }
            out.append(digit)
        }
        return out
    }
}

extension Language {
    /// `.` in English, `,` in Danish.
    public var decimalSeparator: String { self == .da ? "," : "." }
    /// `,` in English, `.` in Danish.
    public var groupingSeparator: String { self == .da ? "." : "," }
}
