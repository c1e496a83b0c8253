/// A CSV text (RFC 4180) split into rows of cells, each cell with the line and column it starts at.
///
/// What spreadsheets and form tools write is accepted: `,`, `;` (Excel with a Danish or German
/// locale) or tab as the delimiter, detected from the header line; `\r\n`, `\n` or `\r` line ends
/// (a lone `\r` is what old Mac spreadsheets saved); a UTF-8 byte order mark; cells in double quotes
/// with `""` for a quote and line breaks inside.
/// Rows whose cells are all empty are skipped. Anything else — a quote inside an unquoted cell,
/// text after a closing quote, an unclosed quote, bytes that are not UTF-8 — is an error with its
/// position, as a person can fix it in any editor.
public struct CSVTable: Sendable {
    /// One cell: its text without quotes, and where it starts.
    public struct Cell: Sendable, Hashable {
        public var text: String
        /// 1-based line of the cell's first character.
        public var line: Int
        /// 1-based column of the cell's first character, in Unicode scalars.
        public var column: Int

        public init(text: String, line: Int, column: Int) {
            self.text = text
            self.line = line
            self.column = column
        }
    }

    /// The delimiter found in the header line.
    public let delimiter: UInt8
    /// The rows in file order, the header first.
    public let rows: [[Cell]]
    /// The line each row starts on.
    public let lines: [Int]

    /// Splits a CSV text into rows of cells.
    ///
    /// - Throws: The first syntax error, with its line and column.
    public init(parsing bytes: [UInt8]) throws(CSVSyntaxError) {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let delimiter = Self.detectDelimiter(bytes, from: start)
        var rows: [[Cell]] = []
        var lines: [Int] = []
        var row: [Cell] = []
        var cellBytes: [UInt8] = []
        var line = 1
        var column = 1
        var i = start

        func makeCell(_ cellBytes: [UInt8], line: Int, column: Int) throws(CSVSyntaxError) -> Cell {
            guard let text = String(validating: cellBytes, as: UTF8.self) else {
                throw CSVSyntaxError(
                    line: line, column: column,
                    message: "this cell is not valid UTF-8; save the file as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8)")
            }
            return Cell(text: text, line: line, column: column)
        }

        func finishRow(_ row: inout [Cell], line: Int) {
            if row.contains(where: { !$0.text.isEmpty }) {
                rows.append(row)
                lines.append(line)
            }
            row = []
        }

        while i <= bytes.count {
            // At the start of a cell.
            let cellLine = line
            let cellColumn = column
            let rowLine = row.first?.line ?? line
            cellBytes.removeAll(keepingCapacity: true)
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                i += 1
                column += 1
                while true {
                    guard i < bytes.count else {
                        throw CSVSyntaxError(
                            line: cellLine, column: cellColumn,
                            message: "this quoted cell is never closed; end it with \" (write a quote inside a cell as \"\")")
                    }
                    let byte = bytes[i]
                    if byte == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                            cellBytes.append(byte)
                            i += 2
                            column += 2
                            continue
                        }
                        i += 1
                        column += 1
                        break
                    }
                    cellBytes.append(byte)
                    i += 1
                    if byte == 0x0A || (byte == 0x0D && (i == bytes.count || bytes[i] != 0x0A)) {
                        line += 1
                        column = 1
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                }
                // After the closing quote: a delimiter, a line end or the end of the file.
                if i < bytes.count, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D {
                    throw CSVSyntaxError(
                        line: line, column: column,
                        message:
                            "text after the closing quote of a cell; put the whole cell in quotes and write a quote inside it as \"\""
                    )
                }
            } else {
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    if byte == UInt8(ascii: "\"") {
                        throw CSVSyntaxError(
                            line: line, column: column,
                            message:
                                "a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote as \"\""
                        )
                    }
                    cellBytes.append(byte)
                    i += 1
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
            row.append(try makeCell(cellBytes, line: cellLine, column: cellColumn))
            // What ends the cell.
            if i >= bytes.count {
                finishRow(&row, line: rowLine)
                break
            }
            if bytes[i] == delimiter {
                i += 1
                column += 1
                continue
            }
            // A line end: \n, \r\n or \r.
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            i += 1
            finishRow(&row, line: rowLine)
            line += 1
            column = 1
            if i == bytes.count { break }
        }
        self.delimiter = delimiter
        self.rows = rows
        self.lines = lines
    }

    /// The delimiter that occurs most often outside quotes on the first line; `,` on a tie.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D { break }
                if counts[byte] != nil { counts[byte]! += 1 }
            }
            i += 1
        }
        var best = UInt8(ascii: ",")
        for candidate in [UInt8(ascii: ";"), 0x09] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return best
    }
}

/// Why a text is not CSV, and where.
public struct CSVSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
