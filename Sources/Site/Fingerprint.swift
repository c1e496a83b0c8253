/// Content hashes for cache-busting asset names (`style.css` -> `style.5f1c0e2a9b.css`).
enum Fingerprint {
    /// 64-bit FNV-1a of the bytes, as 10 hex digits: stable across runs and machines.
    static func hash(_ bytes: some Sequence<UInt8>) -> String {
        let hex = String(hash64(bytes), radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }

    /// 64-bit FNV-1a.
    static func hash64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var h = seed
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// `style.css` with hash `abc` -> `style.abc.css`.
    static func name(_ path: String, hash: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        if let dot = path[slash...].lastIndex(of: "."), dot != slash {
            return "\(path[..<dot]).\(hash)\(path[dot...])"
        }
        return "\(path).\(hash)"
    }
}
