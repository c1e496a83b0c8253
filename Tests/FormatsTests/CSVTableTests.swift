import Formats
import Testing

@Suite("CSV reader (RFC 4180)")
struct CSVTableTests {
    static func rows(_ text: String) throws -> [[String]] {
        try CSVTable(parsing: Array(text.utf8)).rows.map { $0.map(\.text) }
    }

    static func failure(_ text: String) -> String? {
        failure(Array(text.utf8))
    }

    static func failure(_ bytes: [UInt8]) -> String? {
        do {
            _ = try CSVTable(parsing: bytes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func quotedCellsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n1,2,3"
        #expect(try Self.rows(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "2", "3"]])
        let table = try CSVTable(parsing: Array(text.utf8))
        // The empty row is skipped; the row after the quoted line break starts on line 5.
        #expect(table.lines == [1, 2, 5])
        #expect(table.rows[2].map(\.column) == [1, 3, 5])
        #expect(table.rows[1][2].line == 2)
        #expect(table.rows[1][2].column == 21)
    }

    @Test func theDelimiterIsFoundInTheHeader() throws {
        #expect(try CSVTable(parsing: Array("date;department;q1\n2026-01-01;sales;3,5\n".utf8)).delimiter == UInt8(ascii: ";"))
        #expect(
            try Self.rows("date;department;q1\n2026-01-01;sales;3,5\n") == [
                ["date", "department", "q1"], ["2026-01-01", "sales", "3,5"],
            ])
        #expect(try Self.rows("a\tb\n1\t2") == [["a", "b"], ["1", "2"]])
        #expect(try Self.rows("\"a;b\",c\n1,2") == [["a;b", "c"], ["1", "2"]])
    }

    @Test func aByteOrderMarkAndUnicodeColumns() throws {
        let table = try CSVTable(parsing: [0xEF, 0xBB, 0xBF] + Array("æø,b\nå,2".utf8))
        #expect(table.rows[0][0].text == "æø")
        #expect(table.rows[0][1].column == 4)
        #expect(table.rows[1][1].column == 3)
    }

    @Test func emptyInputHasNoRows() throws {
        #expect(try Self.rows("") == [])
        #expect(try Self.rows("\n\n") == [])
    }

    @Test func errorsNameLineAndColumn() {
        #expect(
            Self.failure("a,b\n1,\"open")
                == "2:3: this quoted cell is never closed; end it with \" (write a quote inside a cell as \"\")")
        #expect(
            Self.failure("a,b\n1,\"x\"y")
                == "2:6: text after the closing quote of a cell; put the whole cell in quotes and write a quote inside it as \"\""
        )
        #expect(
            Self.failure("a,b\n1,x\"y\"")
                == "2:4: a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote as \"\""
        )
        #expect(
            Self.failure(Array("a,b\n1,".utf8) + [0xE6, 0x0A])
                == "2:3: this cell is not valid UTF-8; save the file as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)")
    }
}
