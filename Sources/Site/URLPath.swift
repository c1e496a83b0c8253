/// Paths inside the content and output folders, always with `/` and never starting with one.
enum URLPath {
    /// The folder part of a path: `playbooks/sla.md` -> `playbooks`; `index.md` -> ``.
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component: `playbooks/sla.md` -> `sla.md`.
    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : name.isEmpty ? directory : directory + "/" + name
    }

    /// Resolves `.` and `..`; nil when the path climbs above the root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// A relative URL from the folder `fromDirectory` to the file `to` (both relative to the output root).
    ///
    /// Works on bytes without splitting: it runs for every link of every page.
    static func relative(from fromDirectory: String, to target: String) -> String {
        var result = ""
        fromDirectory.utf8.withContiguousStorageIfAvailable { from in
            target.utf8.withContiguousStorageIfAvailable { to in
                // The longest common run of whole folders.
                var boundary = 0
                var j = 0
                while j < from.count && j < to.count && from[j] == to[j] {
                    if from[j] == 0x2F { boundary = j + 1 }
                    j += 1
                }
                if j == from.count && j < to.count && to[j] == 0x2F { boundary = j + 1 }
                if from.isEmpty { boundary = 0 }
                // One `../` for each folder of `from` below the common part.
                var ups = boundary < from.count ? 1 : 0
                if boundary < from.count {
                    for k in boundary..<from.count where from[k] == 0x2F { ups += 1 }
                }
                result.reserveCapacity(ups * 3 + to.count - boundary)
                for _ in 0..<ups { result += "../" }
                result += encoded(UnsafeBufferPointer(rebasing: to[boundary...]))
            }
        }
        return result
    }

    /// A path as a URL path: each segment percent-encoded (RFC 3986), so that a file named
    /// `javascript:x.md`, `a#b.md`, `50%.pdf`, `a\\b.md` or ` x` links to itself and never reads as a
    /// scheme, a fragment, a query or another folder. Letters, digits, `-._~` and `!$()*+,;=@` stay
    /// as they are; everything else, `:` and non-ASCII letters included, is written as `%XX`.
    static func encoded(_ path: String) -> String {
        var path = path
        return path.withUTF8 { encoded($0) }
    }

    static func encoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { !isURLSafe($0) }) else { return String(decoding: bytes, as: UTF8.self) }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if isURLSafe(byte) {
                out.append(byte)
            } else {
                out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes a URL path keeps as they are: unreserved characters, `/`, and the sub-delimiters that
    /// mean nothing in HTML attributes (`&` and `'` are encoded).
    @inline(__always)
    static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
            true
        default: false
        }
    }

    /// `../../` for a page in `playbooks/sla/`: the way from a folder up to the output root.
    static func up(from directory: String) -> String {
        String(repeating: "../", count: directory.split(separator: "/").count)
    }

    /// Splits `sla.md#escalation` into `sla.md` and `escalation`; a query is kept with the path.
    static func splitFragment(_ url: String) -> (path: String, fragment: String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }

    /// Whether a link destination names another site or a scheme (`https:`, `mailto:`, `//host`).
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        for (i, c) in url.enumerated() {
            if c == ":" { return i > 0 }
            if !(c.isLetter || c.isNumber || c == "+" || c == "-" || c == ".") { return false }
        }
        return false
    }

    /// Undoes %-encoding in a path (`M%C3%A5l.md` -> `Mål.md`).
    static func percentDecoded(_ path: String) -> String {
        guard path.contains("%") else { return path }
        var bytes: [UInt8] = []
        var iterator = Array(path.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 0x25, iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
