/// The text encodings a CRM export is read in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// An export's bytes made UTF-8, whatever the CRM or spreadsheet saved them in.
///
/// HubSpot, Salesforce and Pipedrive write UTF-8, often with a byte order mark; Excel's plain
/// "CSV" writes Windows-1252 (with a Danish locale, `æ ø å` as single bytes). Without a declared
/// encoding, valid UTF-8 is read as UTF-8 and anything else as Windows-1252.
public enum ExportEncoding {
    /// The file's bytes as UTF-8 without a byte order mark.
    ///
    /// With `declared` nil, UTF-8 when the bytes are valid UTF-8, else Windows-1252. A leading
    /// UTF-8 byte order mark is removed in every case and reported in `hadBOM`. Declared UTF-8
    /// that is not valid has each bad sequence replaced by U+FFFD: call `firstInvalidUTF8` first
    /// to report it instead. Removing the mark copies nothing when the caller hands over its last
    /// use of `bytes`.
    public static func decode(_ bytes: consuming [UInt8], declared: TextEncoding?) -> (
        utf8: [UInt8], encoding: TextEncoding, hadBOM: Bool
    ) {
        let hadBOM = hasBOM(bytes)
        let start = hadBOM ? 3 : 0
        let valid =
            declared != .windows1252
            && bytes.withUnsafeBufferPointer { all in
                validPrefix(UnsafeBufferPointer(rebasing: all[start...])) == all.count - start
            }
        if valid {
            // In place when the caller let go of the bytes.
            if hadBOM { bytes.removeFirst(3) }
            return (bytes, .utf8, hadBOM)
        }
        return bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[start...])
            if declared == .utf8 { return (Array(String(decoding: body, as: UTF8.self).utf8), .utf8, hadBOM) }
            return (windows1252ToUTF8(body), .windows1252, hadBOM)
        }
    }

    /// Where the first byte that is not UTF-8 is: its offset in `bytes` (the start of the bad
    /// sequence), and its 1-based line and column (in Unicode scalars, after a byte order mark),
    /// for an error. Nil when all of `bytes` is valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        bytes.withUnsafeBufferPointer { all in
            let offset = validPrefix(all)
            guard offset < all.count else { return nil }
            var line = 1
            var column = 1
            var i = hasBOM(bytes) ? 3 : 0
            while i < offset {
                let byte = all[i]
                if byte == 0x0A || (byte == 0x0D && all[i + 1] != 0x0A) {
                    line += 1
                    column = 1
                } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            return (offset, line, column)
        }
    }

    static func hasBOM(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The length of the longest valid UTF-8 prefix: the offset of the first bad sequence, or
    /// the count when there is none. No overlong forms, surrogates or scalars above U+10FFFF.
    static func validPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let p = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let lead = p[i]
            if lead < 0x80 {
                i += 1
            } else if lead < 0xC2 {
                return i
            } else if lead < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
            } else if lead < 0xF0 {
                guard i + 2 < n else { return i }
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard p[i + 1] >= low, p[i + 1] <= high, p[i + 2] & 0xC0 == 0x80 else { return i }
                i += 3
            } else if lead < 0xF5 {
                guard i + 3 < n else { return i }
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard p[i + 1] >= low, p[i + 1] <= high, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else {
                    return i
                }
                i += 4
            } else {
                return i
            }
        }
        return n
    }

    /// The Unicode scalars of Windows-1252's bytes 0x80–0x9F; the five it leaves undefined (0x81,
    /// 0x8D, 0x8F, 0x90, 0x9D) stand for the C1 controls of the same number, as in Latin-1.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Windows-1252 bytes as UTF-8: ASCII as it is, 0xA0–0xFF as U+00A0–U+00FF, 0x80–0x9F
    /// through the table.
    static func windows1252ToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let p = bytes.baseAddress else { return [] }
        let n = bytes.count
        return windows1252High.withUnsafeBufferPointer { high in
            // The length first, so the output is written once into its final size.
            var length = n
            for byte in bytes where byte >= 0x80 {
                length += byte >= 0xA0 || high[Int(byte - 0x80)] < 0x800 ? 1 : 2
            }
            return [UInt8](unsafeUninitializedCapacity: length) { out, count in
                let o = out.baseAddress!
                var i = 0
                var j = 0
                while i < n {
                    if i + 8 <= n {
                        let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(o + j).storeBytes(of: word, as: UInt64.self)
                            i += 8
                            j += 8
                            continue
                        }
                    }
                    let byte = p[i]
                    i += 1
                    if byte < 0x80 {
                        o[j] = byte
                        j += 1
                        continue
                    }
                    let scalar = byte >= 0xA0 ? UInt32(byte) : high[Int(byte - 0x80)]
                    if scalar < 0x800 {
                        o[j] = UInt8(0xC0 | scalar >> 6)
                        o[j + 1] = UInt8(0x80 | scalar & 0x3F)
                        j += 2
                    } else {
                        o[j] = UInt8(0xE0 | scalar >> 12)
                        o[j + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                        o[j + 2] = UInt8(0x80 | scalar & 0x3F)
                        j += 3
                    }
                }
                count = j
            }
        }
    }
}
