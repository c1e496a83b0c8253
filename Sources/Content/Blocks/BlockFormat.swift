public import Core

/// Numbers as people read them in each language: `480,000` and `0.5` in English, `480.000` and
/// `0,5` in Danish. Plain Swift, so the output is the same on every machine.
public enum BlockFormat {
    /// The space between a number and its unit; a no-break space in HTML keeps `480.000 kr.` on one line.
    public static let noBreakSpace = "\u{00A0}"

    /// `480,000` / `480.000`
    public static func integer(_ value: Int, _ language: Language) -> String {
        FixedPoint.integer(value, grouping: language.groupingSeparator)
    }

    /// A number with at most `maxDecimals` decimals, trailing zeros dropped: `0.25` / `0,25`, `20`.
    public static func decimal(_ value: Double, _ language: Language, maxDecimals: Int = 2) -> String {
        FixedPoint(digits: maxDecimals, trimsZeros: true, language).format(value)
    }

    /// An amount of money: whole amounts without decimals, others with two.
    ///
    /// English writes the code after the number (`480,000 DKK`); Danish writes kroner as `kr.`
    /// (`480.000 kr.`) and other currencies by their code (`480.000 EUR`).
    public static func money(_ value: Double, currency: String?, _ language: Language, space: String = " ") -> String {
        let isWhole = (value - value.rounded()).magnitude < 0.005
        var number: String
        if isWhole {
            number = wholeNumber(value).map { integer($0, language) } ?? unformatted(value)
        } else {
            number = decimal(value, language, maxDecimals: 2)
            if let comma = number.lastIndex(where: { $0 == "." || $0 == "," }),
                number.distance(from: comma, to: number.endIndex) == 2
            {
                number += "0"
            }
        }
        guard let currency else { return number }
        if language == .da && currency == "DKK" { return number + space + "kr." }
        return number + space + currency
    }

    /// `value` rounded to a whole number, or nil when `Int` cannot hold it. Numbers read from
    /// blocks stay far inside (``BlockLimits``); this keeps a number built some other way from
    /// trapping.
    static func wholeNumber(_ value: Double) -> Int? {
        let rounded = value.rounded()
        guard rounded.isFinite, rounded.magnitude < 9e18 else { return nil }
        return Int(rounded)
    }

    /// A number too large to group into thousands, as Swift writes it: `1e+20`.
    static func unformatted(_ value: Double) -> String { "\(value)" }

    /// A share as a percentage: `20%` in English, `20 %` in Danish; one decimal at most.
    public static func percent(_ share: Double, _ language: Language, space: String = " ") -> String {
        let number = decimal(share * 100, language, maxDecimals: 1)
        return language == .da ? number + space + "%" : number + "%"
    }
}
