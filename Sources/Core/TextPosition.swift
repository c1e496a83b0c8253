/// Lines and columns of byte offsets in UTF-8 text, as editors count them.
///
/// Lines end at `\n` (so `\r\n` works too); columns count Unicode scalars from 1, so `æ` is one
/// column though it is two bytes.
public struct TextPosition: Sendable {
    /// The byte offset at which each line starts.
    private let lineStarts: [Int]

    /// Indexes the line starts of `bytes` once, for texts with many positions to report.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The 1-based line and column of `offset` in `bytes`, the text this index was made from.
    public func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        // The last line start at or before `offset`.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes.withUnsafeBufferPointer { Self.column(from: lineStarts[low], to: offset, in: $0) }
        return (low + 1, column)
    }

    /// The 1-based line and column of `offset`, scanning from the start: for a single position.
    public static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let stop = min(offset, bytes.count)
        for position in 0..<stop where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return (line, column(from: lineStart, to: offset, in: bytes))
    }

    private static func column(from lineStart: Int, to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        var position = lineStart
        let stop = min(offset, bytes.count)
        while position < stop {
            // Count lead bytes only; a UTF-8 byte order mark on the first line takes no column.
            if bytes[position] & 0xC0 != 0x80
                && !(position == 0 && stop >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                column += 1
            }
            position += 1
        }
        return column
    }
}
