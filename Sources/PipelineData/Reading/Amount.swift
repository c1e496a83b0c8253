/// Reads the amounts CRM exports write (deal values, revenue) from bytes, as whole numbers of
/// ten-thousandths so sums are exact.
///
/// The decimal mark is given (`,` in a Danish export, `.` in an English one); the other of the two,
/// a space, a no-break space or an apostrophe may group thousands. A group must be three digits,
/// so `1234,50` is not read as 123,450 when the mark is `.`: it is no amount.
public enum AmountParser {
    /// The largest magnitude read, 10^14, in ten-thousandths.
    static let limit: Int64 = 1_000_000_000_000_000_000

    /// An amount in ten-thousandths (4 decimal places; more decimals rounded half away from
    /// zero); nil for any other text and for magnitudes above 10^14.
    ///
    /// `decimalMark` is `.` or `,`. Accepted: an optional `-` or `+`, digits (in groups of three
    /// after the first, with one kind of separator: the other mark, a space, a no-break space or an
    /// apostrophe), and an optional decimal mark followed by digits; surrounding spaces trimmed.
    /// With mark `,`: `1.234,50`, `1234,5`, `1 234,50`; not `1,234.50`. With mark `.`: `1,234.50`,
    /// `1234.5`; not `1234,50`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalMark: UInt8) -> Int64? {
        precondition(decimalMark == period || decimalMark == comma, "the decimal mark is . or ,")
        guard let p = bytes.baseAddress else { return nil }
        let grouping = decimalMark == period ? comma : period
        var i = 0
        var end = bytes.count
        // Surrounding spaces, tabs and no-break spaces.
        while true {
            if i < end && (p[i] == space || p[i] == 0x09) {
                i += 1
            } else if i + 1 < end && p[i] == 0xC2 && p[i + 1] == 0xA0 {
                i += 2
            } else {
                break
            }
        }
        while true {
            if end > i && (p[end - 1] == space || p[end - 1] == 0x09) {
                end -= 1
            } else if end - 1 > i && p[end - 2] == 0xC2 && p[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        var negative = false
        if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        // The whole part: digits, grouped by one kind of separator.
        var whole: Int64 = 0
        var digitsInGroup = 0
        var groups = 0
        var separator: UInt8 = 0  // the separator's first byte once one is seen
        while i < end {
            let byte = p[i]
            let digit = byte &- 0x30
            if digit < 10 {
                whole = whole * 10 + Int64(digit)
                guard whole <= limit / 10_000 else { return nil }
                digitsInGroup += 1
                guard groups == 0 || digitsInGroup <= 3 else { return nil }
                i += 1
                continue
            }
            if byte == decimalMark { break }
            var width = 1
            if byte == 0xC2 && i + 1 < end && p[i + 1] == 0xA0 {
                width = 2
            } else if byte != grouping && byte != space && byte != UInt8(ascii: "'") {
                return nil
            }
            guard digitsInGroup >= 1, groups == 0 ? digitsInGroup <= 3 : digitsInGroup == 3,
                separator == 0 || separator == byte
            else { return nil }
            separator = byte
            groups += 1
            digitsInGroup = 0
            i += width
        }
        guard digitsInGroup >= 1, groups == 0 || digitsInGroup == 3 else { return nil }
        // The fraction: four places kept, the fifth rounds.
        var fraction: Int64 = 0
        if i < end {
            i += 1
            guard i < end else { return nil }
            var places = 0
            while i < end {
                let digit = p[i] &- 0x30
                guard digit < 10 else { return nil }
                if places < 4 {
                    fraction = fraction * 10 + Int64(digit)
                } else if places == 4 && digit >= 5 {
                    fraction += 1
                }
                places += 1
                i += 1
            }
            while places < 4 {
                fraction *= 10
                places += 1
            }
        }
        let value = whole * 10_000 + fraction
        guard value <= limit else { return nil }
        return negative ? -value : value
    }

    /// The amount in `text`; see `parse(_:decimalMark:)` on bytes.
    public static func parse(_ text: String, decimalMark: UInt8) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0, decimalMark: decimalMark) }
    }
}

private let period = UInt8(ascii: ".")
private let comma = UInt8(ascii: ",")
private let space: UInt8 = 0x20
