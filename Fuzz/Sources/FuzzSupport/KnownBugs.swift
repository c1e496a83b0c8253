/// Inputs that hit bugs already known and being fixed elsewhere, so that a run finds new ones
/// instead of stopping at these again. Remove a check when its bug is fixed (docs/fuzzing.md).
public enum KnownBugs {
    /// Goal, SLA and SQL-definition numbers overflow in their arithmetic, and a questionnaire weight
    /// of 1e308 becomes NaN and trips JSONText's precondition: skip any long run of digits and any
    /// exponent.
    public static func hugeNumber(_ bytes: [UInt8]) -> Bool {
        var digits = 0
        var previous: UInt8 = 0
        for byte in bytes {
            let isDigit = (0x30...0x39).contains(byte)
            if isDigit {
                digits += 1
                if digits > 9 { return true }
            } else {
                digits = 0
            }
            // 1e5, 1E+5, .inf, .nan: YAML floats that get large or are not numbers.
            if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && (0x30...0x39).contains(previous) { return true }
            if previous == UInt8(ascii: ".") && (byte | 0x20 == UInt8(ascii: "i") || byte | 0x20 == UInt8(ascii: "n")) {
                return true
            }
            previous = byte
        }
        return false
    }

    /// Templates nested deeper than this overflow the stack while parsing or rendering.
    public static func deepTemplate(_ bytes: [UInt8]) -> Bool {
        var opens = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == UInt8(ascii: "{") && (byte == UInt8(ascii: "#") || byte == UInt8(ascii: "^")) { opens += 1 }
            previous = byte
        }
        return opens > 100
    }
}
