import Testing

@testable import PipelineData

@Suite struct AmountTests {
    static let comma = UInt8(ascii: ",")
    static let period = UInt8(ascii: ".")

    static func danish(_ text: String) -> Int64? { AmountParser.parse(text, decimalMark: comma) }
    static func english(_ text: String) -> Int64? { AmountParser.parse(text, decimalMark: period) }

    @Test func commaAsTheDecimalMark() {
        #expect(Self.danish("1.234,50") == 12_345_000)
        #expect(Self.danish("1234,5") == 12_345_000)
        #expect(Self.danish("1 234,50") == 12_345_000)
        #expect(Self.danish("1\u{00A0}234,50") == 12_345_000)
        #expect(Self.danish("1'234,50") == 12_345_000)
        #expect(Self.danish("1.234.567,89") == 12_345_678_900)
        #expect(Self.danish("1.234") == 12_340_000)
        #expect(Self.danish("999.999") == 9_999_990_000)
        #expect(Self.danish("1234") == 12_340_000)
        #expect(Self.danish("0,5") == 5000)
        #expect(Self.danish("12,3456") == 123_456)
        #expect(Self.danish("007") == 70_000)
        #expect(Self.danish("0") == 0)
        #expect(Self.danish("-0,00") == 0)
    }

    @Test func periodAsTheDecimalMark() {
        #expect(Self.english("1,234.50") == 12_345_000)
        #expect(Self.english("1234.5") == 12_345_000)
        #expect(Self.english("1,234") == 12_340_000)
        #expect(Self.english("1,234,567.89") == 12_345_678_900)
        #expect(Self.english("1 234.5") == 12_345_000)
        #expect(Self.english("1'234'567.5") == 12_345_675_000)
        #expect(Self.english("1\u{00A0}234\u{00A0}567") == 12_345_670_000)
        #expect(Self.english("0.0001") == 1)
        #expect(Self.english("42") == 420_000)
    }

    @Test func signsAndSpaces() {
        #expect(Self.danish("-1.234,5") == -12_345_000)
        #expect(Self.danish("+7") == 70_000)
        #expect(Self.danish("  42  ") == 420_000)
        #expect(Self.danish("\t-3,25\u{00A0}") == -32_500)
        #expect(Self.english(" -1,234.50 ") == -12_345_000)
    }

    @Test func moreThanFourDecimalsAreRoundedHalfAwayFromZero() {
        #expect(Self.danish("0,00005") == 1)
        #expect(Self.danish("0,00004") == 0)
        #expect(Self.danish("0,000049999") == 0)
        #expect(Self.danish("-0,00005") == -1)
        #expect(Self.danish("-0,00004") == 0)
        #expect(Self.danish("0,123449") == 1234)
        #expect(Self.danish("0,123450") == 1235)
        #expect(Self.danish("0,99995") == 10_000)
        #expect(Self.english("2.71828182845") == 27_183)
        #expect(Self.english("-1,999.99995") == -20_000_000)
    }

    @Test func theLimit() {
        #expect(Self.danish("100000000000000") == 1_000_000_000_000_000_000)
        #expect(Self.danish("100.000.000.000.000,0000") == 1_000_000_000_000_000_000)
        #expect(Self.danish("-100000000000000") == -1_000_000_000_000_000_000)
        #expect(Self.danish("99999999999999,99995") == 1_000_000_000_000_000_000)
        #expect(Self.danish("99999999999999,9999") == 999_999_999_999_999_999)
        #expect(Self.danish("100000000000000,0001") == nil)
        #expect(Self.danish("100000000000001") == nil)
        #expect(Self.danish("999999999999999999999999999") == nil)
        #expect(Self.english("100,000,000,000,000.00005") == nil)
    }

    @Test func rejectedWithCommaAsTheMark() {
        let rejected = [
            "", " ", "-", "+", ",", ",5", "1,", "1.234,", "1,234.50", "12.34", "1.2345", "1.23", ".5", "1..234", "1.234.56",
            "1234.567", "1.234 567,00", "1 234.567", "12 34", "1  234", "1 ,5", "1,5 0", "1,2,3", "1e5", "1E5", "kr 100",
            "100 kr", "DKK 100", "€100", "100%", "--1", "+-1", "1-", "- 1", "(100)", "0x10", "1_000", "١٢٣", "1.234,5.6",
            "\u{00A0}", "1\u{202F}234",
        ]
        for text in rejected {
            #expect(Self.danish(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func rejectedWithPeriodAsTheMark() {
        let rejected = ["1234,50", "1,23", "1,2345", "1,234,5", "1.234.50", "1,234.5.0", "1.", ".", "12,34.5", "1,234 567"]
        for text in rejected {
            #expect(Self.english(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func fromBytes() {
        let bytes = Array("x;1.234,50;y".utf8)
        let value = bytes.withUnsafeBufferPointer {
            AmountParser.parse(UnsafeBufferPointer(rebasing: $0[2..<10]), decimalMark: Self.comma)
        }
        #expect(value == 12_345_000)
        #expect(AmountParser.parse(UnsafeBufferPointer(start: nil, count: 0), decimalMark: Self.comma) == nil)
    }
}
