import Formats
import Testing

@testable import PipelineData

@Suite struct CSVScannerTests {
    /// Every record's texts, and the line each starts on.
    static func scan(_ text: String, delimiter: UInt8? = nil) throws(CSVScanError) -> (records: [[String]], lines: [Int]) {
        try scan(bytes: Array(text.utf8), delimiter: delimiter)
    }

    static func scan(bytes: [UInt8], delimiter: UInt8? = nil) throws(CSVScanError) -> (records: [[String]], lines: [Int]) {
        var scanner = CSVScanner(bytes, delimiter: delimiter)
        var fields: [CSVScanner.Field] = []
        var records: [[String]] = []
        var lines: [Int] = []
        while try scanner.next(&fields) {
            records.append(fields.map { scanner.string($0) })
            lines.append(scanner.line)
        }
        return (records, lines)
    }

    static func records(_ text: String, delimiter: UInt8? = nil) throws -> [[String]] {
        try scan(text, delimiter: delimiter).records
    }

    static func failure(_ text: String) -> CSVScanError? {
        do throws(CSVScanError) {
            _ = try scan(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func lineEnds() throws {
        let (records, lines) = try Self.scan("a,b\r\nc,d\ne,f\rg,h")
        #expect(records == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
        #expect(lines == [1, 2, 3, 4])
        // A line end at the end of the text starts no record; \r\r\n is a lone \r and a \r\n.
        #expect(try Self.records("a,b\r\n") == [["a", "b"]])
        #expect(try Self.scan("a\r\r\nb\r").records == [["a"], [""], ["b"]])
        #expect(try Self.scan("a\r\r\nb\r").lines == [1, 2, 3])
        #expect(try Self.records("") == [])
        #expect(try Self.records("\n") == [[""]])
        #expect(try Self.records("a,") == [["a", ""]])
    }

    @Test func theDelimiterIsFoundInTheHeader() {
        #expect(CSVScanner(Array("date;department;q1\n2026-01-01;sales;3,5".utf8), delimiter: nil).delimiter == UInt8(ascii: ";"))
        #expect(CSVScanner(Array("a\tb\tc\n".utf8), delimiter: nil).delimiter == 0x09)
        #expect(CSVScanner(Array("a,b,c\n1;2;3;4;5".utf8), delimiter: nil).delimiter == UInt8(ascii: ","))
        // Ties: `,` before `;` before tab.
        #expect(CSVScanner(Array("a,b;c".utf8), delimiter: nil).delimiter == UInt8(ascii: ","))
        #expect(CSVScanner(Array("a;b\tc".utf8), delimiter: nil).delimiter == UInt8(ascii: ";"))
        #expect(CSVScanner(Array("a,b;c\td".utf8), delimiter: nil).delimiter == UInt8(ascii: ","))
        // None: `,`. Delimiters in quotes do not count.
        #expect(CSVScanner(Array("name\nx;y".utf8), delimiter: nil).delimiter == UInt8(ascii: ","))
        #expect(CSVScanner(Array("\"a;b;c\",d\n".utf8), delimiter: nil).delimiter == UInt8(ascii: ","))
        #expect(CSVScanner(Array("\"a,\nb,c\";d".utf8), delimiter: nil).delimiter == UInt8(ascii: ";"))
        #expect(CSVScanner([], delimiter: nil).delimiter == UInt8(ascii: ","))
        // A given delimiter is used as it is.
        #expect(CSVScanner(Array("a;b,c,d".utf8), delimiter: UInt8(ascii: ";")).delimiter == UInt8(ascii: ";"))
    }

    @Test func semicolonsAndTabs() throws {
        #expect(try Self.records("navn;beløb\nSøren;1.234,50\n") == [["navn", "beløb"], ["Søren", "1.234,50"]])
        #expect(try Self.records("a\tb\n1\t2\n") == [["a", "b"], ["1", "2"]])
        // A tab in a comma-separated file is text.
        #expect(try Self.records("a,b\nx\ty,z") == [["a", "b"], ["x\ty", "z"]])
    }

    @Test func quotedFieldsHoldDelimitersLineBreaksAndQuotes() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\"\",\"\"\"\",\"a\r\nb\rc\"\n1,2,3"
        let (records, lines) = try Self.scan(text)
        #expect(records == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["", "\"", "a\r\nb\rc"], ["1", "2", "3"]])
        #expect(lines == [1, 2, 4, 7])
        var scanner = CSVScanner(Array(text.utf8), delimiter: nil)
        var fields: [CSVScanner.Field] = []
        _ = try scanner.next(&fields)
        #expect(fields.map(\.quoted) == [false, false, false])
        _ = try scanner.next(&fields)
        #expect(fields.map(\.quoted) == [true, true, true])
        #expect(fields.map(\.escapedQuotes) == [false, true, false])
        #expect(fields[0] == CSVScanner.Field(start: 8, end: 12, quoted: true, escapedQuotes: false))
    }

    @Test func bytesWithoutCopying() throws {
        let text = Array("id,name\n7,\"Søren \"\"S\"\" Jensen\",\"plain\"".utf8)
        var scanner = CSVScanner(text, delimiter: nil)
        var fields: [CSVScanner.Field] = []
        _ = try scanner.next(&fields)
        _ = try scanner.next(&fields)
        let base = scanner.bytes.withUnsafeBufferPointer { $0.baseAddress! }
        // Unquoted and quote-free quoted fields point into the text.
        #expect(scanner.withBytes(fields[0]) { $0.baseAddress == base + 8 && Array($0) == [UInt8(ascii: "7")] })
        #expect(scanner.withBytes(fields[2]) { $0.baseAddress == base + fields[2].start && $0.count == 5 })
        #expect(scanner.withBytes(fields[1]) { String(decoding: $0, as: UTF8.self) } == "Søren \"S\" Jensen")
        #expect(scanner.string(fields[1]) == "Søren \"S\" Jensen")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        var scanner = CSVScanner([0xEF, 0xBB, 0xBF] + Array("æø;b\nå;2".utf8), delimiter: nil)
        #expect(scanner.delimiter == UInt8(ascii: ";"))
        var fields: [CSVScanner.Field] = []
        _ = try scanner.next(&fields)
        #expect(fields.map { scanner.string($0) } == ["æø", "b"])
        #expect(fields.map { scanner.column(of: $0) } == [1, 4])
        _ = try scanner.next(&fields)
        #expect(fields.map { scanner.column(of: $0) } == [1, 3])
        #expect(fields.map { scanner.line(of: $0) } == [2, 2])
    }

    @Test func aSalesforceReport() throws {
        let text = """
            "Opportunity Owner","Account Name","Amount","Close Date"
            "Søren Jensen","Nordisk Træ A/S","12.500,00","31-03-2026"
            "Anne Hansen","Hansen & Co","","15-04-2026"
            "Mette Ørsted","Ørsted ""Vind"" ApS","7.250,50","30-04-2026"

            "Grand Totals (3 records)"
            "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
            "Confidential Information - Do Not Distribute"
            "Generated By:  Søren Jensen  31-03-2026 14:05"
            "Nordisk Træ A/S"

            """
        var scanner = CSVScanner(Array(text.utf8), delimiter: nil)
        #expect(scanner.delimiter == UInt8(ascii: ","))
        var fields: [CSVScanner.Field] = []
        var records: [[String]] = []
        var blank: [Int] = []
        while try scanner.next(&fields) {
            records.append(fields.map { scanner.string($0) })
            if CSVScanner.isBlank(fields) { blank.append(scanner.line) }
        }
        #expect(records.count == 10)
        #expect(records[3] == ["Mette Ørsted", "Ørsted \"Vind\" ApS", "7.250,50", "30-04-2026"])
        #expect(records[2][2] == "")
        #expect(records[4] == [""])
        #expect(records[5] == ["Grand Totals (3 records)"])
        #expect(records[6] == ["Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."])
        #expect(blank == [5])
        #expect(scanner.line == 11)
    }

    @Test func blankRecords() throws {
        var scanner = CSVScanner(Array("a,b\n\n,\n\"\",\"\"\n,x\nc,d".utf8), delimiter: nil)
        var fields: [CSVScanner.Field] = []
        var blank: [Bool] = []
        while try scanner.next(&fields) { blank.append(CSVScanner.isBlank(fields)) }
        #expect(blank == [false, true, true, true, false, false])
        #expect(CSVScanner.isBlank([]))
    }

    @Test func wideRecordsAndFieldArraysOfAnySize() throws {
        // More fields than the room first made, then fewer, then more again.
        let wide = (0..<50).map { $0.isMultiple(of: 7) ? "\"q,\($0)\"" : "f\($0)" }.joined(separator: ",")
        let records = try Self.records("h\n\(wide)\na,b\n\(wide),\n")
        #expect(records.map(\.count) == [1, 50, 2, 51])
        #expect(records[1][7] == "q,7")
        #expect(records[1][49] == "q,49")
        #expect(records[3][50] == "")
        // An array shared with another variable is left as it was.
        var scanner = CSVScanner(Array("a,b,c".utf8), delimiter: nil)
        let old = CSVScanner.Field(start: 9, end: 9, quoted: false, escapedQuotes: false)
        var fields = [old, old, old, old, old]
        let kept = fields
        #expect(try scanner.next(&fields))
        #expect(fields.map { scanner.string($0) } == ["a", "b", "c"])
        #expect(kept == [old, old, old, old, old])
    }

    @Test func raggedRecordsAreReturnedAsTheyAre() throws {
        #expect(try Self.records("a,b,c\n1\n1,2,3,4\n") == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    }

    @Test func linesAndColumnsOfFieldsInAMultiLineRecord() throws {
        let text = "id,note,amount\n1,\"first\nsecond\",\"x\"\r\n2,\"a\rb\r\nc\",ø\n3,d,e"
        var scanner = CSVScanner(Array(text.utf8), delimiter: nil)
        var fields: [CSVScanner.Field] = []
        _ = try scanner.next(&fields)
        let header = fields
        #expect(try scanner.next(&fields))
        #expect(scanner.line == 2)
        #expect(fields.map { scanner.line(of: $0) } == [2, 2, 3])
        #expect(fields.map { scanner.column(of: $0) } == [1, 3, 9])
        #expect(try scanner.next(&fields))
        #expect(scanner.line == 4)
        #expect(fields.map { scanner.line(of: $0) } == [4, 4, 6])
        #expect(fields.map { scanner.column(of: $0) } == [1, 3, 4])
        // A field of an earlier record is found from the start of the text.
        #expect(header.map { scanner.line(of: $0) } == [1, 1, 1])
        #expect(header.map { scanner.column(of: $0) } == [1, 4, 9])
        #expect(try scanner.next(&fields))
        #expect(scanner.line == 7)
        #expect(try !scanner.next(&fields))
        #expect(scanner.line == 7)
    }

    @Test func anUnclosedQuote() {
        let message = "this quoted cell is never closed; end it with \" (write a quote inside a cell as \"\")"
        #expect(Self.failure("a,b\n1,\"x\ny") == CSVScanError(line: 2, column: 3, message: message))
        #expect(Self.failure("\"") == CSVScanError(line: 1, column: 1, message: message))
        #expect(Self.failure("a,b\nø,\"x\"\"") == CSVScanError(line: 2, column: 3, message: message))
        #expect(Self.failure("a\n\"x\ny\nzzzzzzzzzzzzzzzzzzzz") == CSVScanError(line: 2, column: 1, message: message))
    }

    @Test func textAfterAClosingQuote() {
        let message =
            "text after the closing quote of a cell; put the whole cell in quotes and write a quote inside it as \"\""
        #expect(Self.failure("a,\"b\"c") == CSVScanError(line: 1, column: 6, message: message))
        #expect(Self.failure("a\n\"x\ny\"z") == CSVScanError(line: 3, column: 3, message: message))
        #expect(Self.failure("h\n\"æ\" ,") == CSVScanError(line: 2, column: 4, message: message))
        #expect(Self.failure("a;b\n1;\"2\r\n3\"\"\" ;") == CSVScanError(line: 3, column: 5, message: message))
    }

    @Test func aQuoteInsideAnUnquotedField() {
        let message =
            "a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote as \"\""
        #expect(Self.failure("a,b\"c") == CSVScanError(line: 1, column: 4, message: message))
        #expect(Self.failure("æ,ø\"") == CSVScanError(line: 1, column: 4, message: message))
        #expect(Self.failure("name,size\r\nscreen,27\"\r\n") == CSVScanError(line: 2, column: 10, message: message))
        #expect(Self.failure("a\n\"x\ny\",long text here\"") == CSVScanError(line: 3, column: 18, message: message))
        #expect(Self.failure("h\n 12\" screen") == CSVScanError(line: 2, column: 4, message: message))
    }

    @Test func afterAnErrorTheScannerIsAtTheEnd() throws {
        var scanner = CSVScanner(Array("a,b\nc\"d\ne,f".utf8), delimiter: nil)
        var fields: [CSVScanner.Field] = []
        #expect(try scanner.next(&fields))
        #expect(throws: CSVScanError.self) { try scanner.next(&fields) }
        #expect(scanner.line == 2)
        #expect(try !scanner.next(&fields))
    }

    @Test func errorsDescribeTheirPosition() {
        #expect(CSVScanError(line: 3, column: 7, message: "m").description == "3:7: m")
    }

    static let pieces = [
        "a", "b", "æ", "€", "12345678", "long field text", ",", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "\r", " ",
        "a text of more than 64 bytes, so that it spans the blocks of bytes the scanner reads at once",
    ]

    /// Pieces of CSV strung together, some in quotes: mostly not CSV.
    static func randomPieces(_ random: inout some RandomNumberGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0..<40, using: &random) {
            let piece = pieces.randomElement(using: &random)!
            text += Int.random(in: 0..<3, using: &random) == 0 ? "\"\(piece)\"" : piece
        }
        return text
    }

    /// Records of fields, quoted where they must be (and at times where they need not), with at
    /// times one stray quote: mostly CSV.
    static func randomRecords(_ random: inout some RandomNumberGenerator, upTo records: Int) -> String {
        let delimiter = [",", ";", "\t"].randomElement(using: &random)!
        var text = ""
        for _ in 0..<Int.random(in: 0..<records, using: &random) {
            let fields = (0..<Int.random(in: 1..<6, using: &random)).map { _ in
                var content = ""
                for _ in 0..<Int.random(in: 0..<4, using: &random) { content += pieces.randomElement(using: &random)! }
                let special = content.contains {
                    $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || String($0) == delimiter
                }
                guard special || Int.random(in: 0..<4, using: &random) == 0 else { return content }
                return "\"" + content.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            }
            text += fields.joined(separator: delimiter) + ["\n", "\r\n", "\r"].randomElement(using: &random)!
        }
        if !text.isEmpty && Int.random(in: 0..<5, using: &random) == 0 {
            text.insert("\"", at: text.index(text.startIndex, offsetBy: Int.random(in: 0..<text.count, using: &random)))
        }
        return text
    }

    /// Random texts read as `CSVTable` (Formats) reads them: the same records (blank ones aside),
    /// lines and columns, and the same errors.
    @Test func agreesWithCSVTable() throws {
        var random = SplitMix(seed: 4180)
        var outcomes = (read: 0, failed: 0)
        for round in 0..<4000 {
            let text =
                switch round % 3 {
                case 0: Self.randomPieces(&random)
                case 1: Self.randomRecords(&random, upTo: 6)
                default: Self.randomRecords(&random, upTo: 60)
                }
            let bytes = Array(text.utf8)
            var expected: Result<CSVTable, CSVSyntaxError>
            do throws(CSVSyntaxError) {
                expected = .success(try CSVTable(parsing: bytes))
            } catch {
                expected = .failure(error)
            }
            var scanner = CSVScanner(bytes, delimiter: nil)
            var fields: [CSVScanner.Field] = []
            var cells: [[CSVTable.Cell]] = []
            var lines: [Int] = []
            var failure: CSVScanError?
            do throws(CSVScanError) {
                while try scanner.next(&fields) {
                    if CSVScanner.isBlank(fields) { continue }
                    cells.append(
                        fields.map {
                            CSVTable.Cell(text: scanner.string($0), line: scanner.line(of: $0), column: scanner.column(of: $0))
                        })
                    lines.append(scanner.line)
                }
            } catch {
                failure = error
            }
            switch expected {
            case .success(let table):
                outcomes.read += 1
                #expect(failure == nil, "round \(round): \(text.debugDescription)")
                #expect(scanner.delimiter == table.delimiter)
                #expect(cells == table.rows, "round \(round): \(text.debugDescription)")
                #expect(lines == table.lines, "round \(round): \(text.debugDescription)")
            case .failure(let error):
                outcomes.failed += 1
                let same =
                    failure.map { [$0.line, $0.column] } == [error.line, error.column] && failure?.message == error.message
                #expect(same, "round \(round): \(text.debugDescription): \(String(describing: failure)) vs \(error)")
            }
        }
        // Both kinds of text are common.
        #expect(outcomes.read > 1000 && outcomes.failed > 1000, "\(outcomes)")
    }
}

/// Reproducible random numbers for the tests.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
