/// Why an export is not CSV, and where.
public struct CSVScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column of the problem, in Unicode scalars.
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// The records of a CSV text (RFC 4180), one at a time, as byte ranges into the text: nothing is
/// copied while scanning, so a million-row export is read at the speed of its bytes.
///
/// What CRMs and spreadsheets write is accepted: `,`, `;` or tab as the delimiter, found in the
/// header line unless given; `\r\n`, `\n` or a lone `\r` as line ends; a UTF-8 byte order mark;
/// fields in double quotes with delimiters, line breaks and `""` for a quote inside. Every line is
/// a record, blank ones too (`isBlank` tells them). A quote inside an unquoted field, text after a
/// closing quote and an unclosed quote are errors with their line and column, worded as
/// `CSVTable` words them.
public struct CSVScanner: Sendable {
    /// One field: the byte range of its content, without the surrounding quotes.
    public struct Field: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// The field was in double quotes.
        public var quoted: Bool
        /// The content holds `""`, which stands for one quote.
        public var escapedQuotes: Bool

        public init(start: Int, end: Int, quoted: Bool, escapedQuotes: Bool) {
            self.start = start
            self.end = end
            self.quoted = quoted
            self.escapedQuotes = escapedQuotes
        }
    }

    /// The delimiter given, or the one found in the header line.
    public let delimiter: UInt8
    /// 1-based line the last record returned starts on; after the last record, the line the text
    /// ends on.
    public private(set) var line: Int

    let bytes: [UInt8]
    /// Where the text starts: after a byte order mark.
    let origin: Int
    /// Where the last record returned starts.
    var recordStart: Int
    /// Where the next record starts.
    var cursor: Cursor

    /// A place in the text, and what is known of the bytes after it.
    struct Cursor {
        var position: Int
        var line: Int
        /// The stop bytes not yet passed among the 64 from `blockStart`, one bit each (see
        /// `stops`).
        var blockStart: Int
        var stops: UInt64
    }

    /// A scanner over UTF-8 text; `delimiter` nil finds it in the header line.
    public init(_ utf8: [UInt8], delimiter: UInt8?) {
        let origin = utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0
        let delimiter = delimiter ?? Self.sniffDelimiter(utf8, from: origin)
        precondition(
            delimiter != quote && delimiter != lineFeed && delimiter != carriageReturn,
            "a CSV delimiter cannot be a quote or a line end")
        self.bytes = utf8
        self.origin = origin
        self.delimiter = delimiter
        self.line = 1
        self.recordStart = origin
        let delimiterPattern = Self.ones &* UInt64(delimiter)
        let stops = utf8.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress, origin < buffer.count else { return UInt64(0) }
            return Self.block(p, at: origin, count: buffer.count, delimiterPattern)
        }
        self.cursor = Cursor(position: origin, line: 1, blockStart: origin, stops: stops)
    }

    /// A scanner over the same text from a record's start on `line`: to read a file's rows in parts.
    init(_ utf8: [UInt8], delimiter: UInt8, from position: Int, line: Int) {
        self.bytes = utf8
        self.origin = utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0
        self.delimiter = delimiter
        self.line = line
        self.recordStart = position
        let stops = utf8.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress, position < buffer.count else { return UInt64(0) }
            return Self.block(p, at: position, count: buffer.count, Self.ones &* UInt64(delimiter))
        }
        self.cursor = Cursor(position: position, line: line, blockStart: position, stops: stops)
    }

    /// The delimiter that occurs most often outside quotes in the first record: `,`, `;` or tab,
    /// in that order on a tie; `,` when there is none.
    static func sniffDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var comma = 0
        var semicolon = 0
        var tab = 0
        var quoted = false
        for byte in bytes[start...] {
            if byte == quote {
                quoted.toggle()
            } else if !quoted {
                if byte == lineFeed || byte == carriageReturn { break }
                if byte == UInt8(ascii: ",") { comma += 1 }
                if byte == UInt8(ascii: ";") { semicolon += 1 }
                if byte == 0x09 { tab += 1 }
            }
        }
        if semicolon > comma && semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma && tab > semicolon { return 0x09 }
        return UInt8(ascii: ",")
    }

    /// Fills `fields` (emptied, its capacity kept) with the next record; false at the end of the
    /// text. After an error the scanner is at the end.
    ///
    /// - Throws: A quote never closed, text after a closing quote, or a quote inside an unquoted
    ///   field, with its line and column.
    public mutating func next(_ fields: inout [Field]) throws(CSVScanError) -> Bool {
        guard cursor.position < bytes.count else {
            fields.removeAll(keepingCapacity: true)
            line = cursor.line
            return false
        }
        // The fields are written in place, into room made ahead.
        var next = cursor
        var count = 0
        var outcome = Outcome.full
        while outcome == .full {
            if count == fields.count {
                let blank = Field(start: 0, end: 0, quoted: false, escapedQuotes: false)
                fields.append(contentsOf: repeatElement(blank, count: max(16, fields.count)))
            }
            outcome = fields.withUnsafeMutableBufferPointer { out in
                bytes.withUnsafeBufferPointer { text in
                    Self.scan(text, delimiter: delimiter, from: &next, into: out, count: &count)
                }
            }
        }
        fields.removeLast(fields.count - count)
        recordStart = cursor.position
        line = cursor.line
        guard case .failure(let failure, let offset) = outcome else {
            cursor = next
            return true
        }
        let (errorLine, errorColumn) = location(of: offset)
        cursor.position = bytes.count
        throw CSVScanError(line: errorLine, column: errorColumn, message: failure.message)
    }

    enum Outcome: Equatable {
        /// A record was read.
        case record
        /// `out` is full: to be called again with more room, at the start of the next field.
        case full
        case failure(Failure, at: Int)
    }

    /// Reads the fields of a record from `cursor` into `out` from `count` on, up to the end of
    /// the record or until `out` is full.
    static func scan(
        _ text: UnsafeBufferPointer<UInt8>, delimiter: UInt8, from cursor: inout Cursor,
        into out: UnsafeMutableBufferPointer<Field>, count: inout Int
    ) -> Outcome {
        let n = text.count
        let p = text.baseAddress!
        let room = out.count
        let o = out.baseAddress!
        let delimiterPattern = ones &* UInt64(delimiter)
        var i = cursor.position
        var lineCount = cursor.line
        var blockStart = cursor.blockStart
        var stops = cursor.stops
        var used = count
        defer {
            cursor = Cursor(position: i, line: lineCount, blockStart: blockStart, stops: stops)
            count = used
        }

        // The next byte that may end a run of plain bytes (n at the end): the lowest bit of
        // `stops`, which marks the stop bytes of the 64 from `blockStart` not yet passed.
        @inline(__always)
        func nextStop() -> Int {
            while stops == 0 {
                blockStart += 64
                if blockStart >= n { return n }
                stops = block(p, at: blockStart, count: n, delimiterPattern)
            }
            return blockStart + stops.trailingZeroBitCount
        }
        // Passes the stop `nextStop` returned.
        @inline(__always)
        func pass() { stops &= stops &- 1 }

        while true {
            // At the start of a field, at i.
            if used == room { return .full }
            var k = nextStop()
            if k == i && k < n && p[k] == quote {
                pass()
                let start = k + 1
                var escaped = false
                while true {
                    k = nextStop()
                    guard k < n else { return .failure(.unclosedQuote, at: start - 1) }
                    pass()
                    let byte = p[k]
                    if byte == quote {
                        guard k + 1 < n && p[k + 1] == quote else { break }
                        escaped = true
                        _ = nextStop()
                        pass()
                    } else if byte == lineFeed || (byte == carriageReturn && (k + 1 == n || p[k + 1] != lineFeed)) {
                        lineCount += 1
                    }
                }
                o[used] = Field(start: start, end: k, quoted: true, escapedQuotes: escaped)
                used += 1
                // After the closing quote: a delimiter, a line end or the end of the text.
                k += 1
                guard k < n else {
                    i = n
                    return .record
                }
                let byte = p[k]
                guard byte == delimiter || byte == lineFeed || byte == carriageReturn else {
                    return .failure(.textAfterQuote, at: k)
                }
                _ = nextStop()
            } else {
                // Other control bytes (a tab that is not the delimiter) are text.
                while k < n {
                    let byte = p[k]
                    if byte == delimiter || byte == lineFeed || byte == carriageReturn { break }
                    if byte == quote { return .failure(.bareQuote, at: k) }
                    pass()
                    k = nextStop()
                }
                o[used] = Field(start: i, end: k, quoted: false, escapedQuotes: false)
                used += 1
                guard k < n else {
                    i = n
                    return .record
                }
            }
            // At the delimiter or line end at k.
            pass()
            i = k + 1
            if p[k] == delimiter { continue }
            // \r\n is one line end.
            if p[k] == carriageReturn && i < n && p[i] == lineFeed {
                _ = nextStop()
                pass()
                i += 1
            }
            lineCount += 1
            return .record
        }
    }

    enum Failure: Equatable {
        case unclosedQuote, textAfterQuote, bareQuote

        var message: String {
            switch self {
            case .unclosedQuote:
                "this quoted cell is never closed; end it with \" (write a quote inside a cell as \"\")"
            case .textAfterQuote:
                "text after the closing quote of a cell; put the whole cell in quotes and write a quote inside it as \"\""
            case .bareQuote:
                "a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote as \"\""
            }
        }
    }

    /// The 1-based line a field starts on (its opening quote, if quoted). Counts from the start
    /// of the last record returned, or of the text for an earlier field: meant for messages.
    public func line(of field: Field) -> Int {
        location(of: field.quoted ? field.start - 1 : field.start).line
    }

    /// The 1-based column, in Unicode scalars, of a field's first character: the opening quote
    /// for a quoted field.
    public func column(of field: Field) -> Int {
        location(of: field.quoted ? field.start - 1 : field.start).column
    }

    /// The line and column of a byte offset, counted from the last record's start when the offset
    /// is in it or after it, else from the start of the text.
    func location(of offset: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { p in
            var i = origin
            var line = 1
            if offset >= recordStart {
                i = recordStart
                line = self.line
            }
            var lineStart = i
            while i < offset {
                let byte = p[i]
                if byte == lineFeed || (byte == carriageReturn && (i + 1 == p.count || p[i + 1] != lineFeed)) {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
            // The column counts back to the line's start, which may be before the record's.
            while lineStart > origin && p[lineStart - 1] != lineFeed && p[lineStart - 1] != carriageReturn {
                lineStart -= 1
            }
            var column = 1
            for j in lineStart..<offset where p[j] & 0xC0 != 0x80 { column += 1 }
            return (line, column)
        }
    }

    /// A field's text, with `""` made one quote.
    public func string(_ field: Field) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with a field's bytes, `""` made one quote; without copying unless the field
    /// holds `""`.
    public func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if !field.escapedQuotes {
            return try bytes.withUnsafeBufferPointer { all in
                try body(UnsafeBufferPointer(rebasing: all[field.start..<field.end]))
            }
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(field.end - field.start)
        var i = field.start
        while i < field.end {
            let byte = bytes[i]
            unescaped.append(byte)
            i += byte == quote ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// Whether every field is empty: a blank line.
    public static func isBlank(_ fields: [Field]) -> Bool {
        fields.allSatisfy { $0.start == $0.end }
    }

    // 64 bytes at a time, eight in each step: a bit for each byte that is a stop, a byte that may
    // end a run of plain bytes: one below 0x0E (line ends, tab and other controls), a quote or
    // the delimiter. Exact, byte by byte: no carries cross bytes.

    /// The stop bytes of the 64 from `start`, bit j for byte `start + j`; none past the end. Not
    /// inlined, so that the scanning loop stays small.
    @inline(never)
    static func block(_ p: UnsafePointer<UInt8>, at start: Int, count: Int, _ delimiterPattern: UInt64) -> UInt64 {
        var bits: UInt64 = 0
        if start + 64 <= count {
            for step in 0..<8 {
                let word = UnsafeRawPointer(p + start + 8 * step).loadUnaligned(as: UInt64.self).littleEndian
                bits |= gather(stops(word, delimiterPattern)) << (8 * UInt64(step))
            }
        } else {
            var step = 0
            while start + 8 * step < count {
                bits |= gather(stops(word(p, at: start + 8 * step, count: count), delimiterPattern)) << (8 * UInt64(step))
                step += 1
            }
        }
        return bits
    }

    /// The high bits of the eight bytes of `mask` as the low eight bits.
    @inline(__always)
    static func gather(_ mask: UInt64) -> UInt64 {
        ((mask >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var highs: UInt64 { 0x8080_8080_8080_8080 }
    static var lows: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }

    /// The high bit of each byte of `word` that equals the byte repeated in `pattern`.
    @inline(__always)
    static func equalBytes(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let x = word ^ pattern
        return ~(((x & lows) &+ lows) | x) & highs
    }

    /// The stop bytes of `word`: the high bit of each.
    @inline(__always)
    static func stops(_ word: UInt64, _ delimiterPattern: UInt64) -> UInt64 {
        let below0E = ~(((word & lows) &+ ones &* (0x80 - 0x0E)) | word) & highs
        return below0E | equalBytes(word, ones &* 0x22) | equalBytes(word, delimiterPattern)
    }

    /// The eight bytes from `start`, little-endian; past the end, a letter that is no stop.
    @inline(__always)
    static func word(_ p: UnsafePointer<UInt8>, at start: Int, count: Int) -> UInt64 {
        if start + 8 <= count { return UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self).littleEndian }
        var word: UInt64 = 0x4141_4141_4141_4141
        for j in 0..<(count - start) {
            word = word & ~(0xFF << (8 * UInt64(j))) | UInt64(p[start + j]) << (8 * UInt64(j))
        }
        return word
    }
}

private let quote = UInt8(ascii: "\"")
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D
