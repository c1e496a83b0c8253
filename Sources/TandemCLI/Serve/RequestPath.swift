/// Maps a request's path to a file of the rendered site, without touching the disk.
///
/// The site lives in memory, so a path can never reach a file outside it; `..` is still refused
/// outright (raw or percent-encoded), so a preview never answers what a careless static host would.
enum RequestPath {
    enum Resolution: Equatable, Sendable {
        /// The file at this output path (`playbooks/sla/index.html`).
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(location: String)
        case notFound
        /// A path that is not valid or tries to leave the site.
        case refused
    }

    /// Resolves a raw request path (as sent, still percent-encoded, without the query).
    ///
    /// - Parameters:
    ///   - raw: the path part of the request target, like `/playbooks/sla/` or `/%2e%2e/x`.
    ///   - query: the query string, kept on a redirect.
    ///   - exists: whether the site has a file at an output path.
    static func resolve(_ raw: String, query: String? = nil, exists: (String) -> Bool) -> Resolution {
        guard raw.hasPrefix("/"), let segments = segments(of: raw) else { return .refused }
        // segments of "/" are [""], of "/a/b/" are ["a", "b", ""].
        let isFolder = segments.last == ""
        let names = isFolder ? Array(segments.dropLast()) : segments
        if names.contains(where: \.isEmpty) { return .notFound }
        let path = names.joined(separator: "/")
        if isFolder {
            let index = path.isEmpty ? "index.html" : path + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(path) { return .file(path) }
        if exists(path + "/index.html") {
            // Rebuilt from the decoded names, so the location is always a path on this server.
            var location = "/" + names.map(encode).joined(separator: "/") + "/"
            if let query, !query.isEmpty { location += "?" + query }
            return .redirect(location: location)
        }
        return .notFound
    }

    /// The decoded segments between slashes, or nil when the path is malformed or leaves the site:
    /// a bad `%` escape, bytes that are not UTF-8, a NUL or backslash, or a `.` or `..` segment.
    static func segments(of raw: String) -> [String]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.dropFirst().makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0), !bytes.contains(UInt8(ascii: "\\")),
            let text = String(validating: bytes, as: UTF8.self)
        else { return nil }
        let segments = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return nil }
        return segments
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Percent-encodes everything but unreserved characters and a few safe ones in a path segment.
    static func encode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
