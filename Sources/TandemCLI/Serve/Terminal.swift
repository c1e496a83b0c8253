internal import Core

#if canImport(Glibc)
    internal import Glibc
#endif

/// What `tandem serve` prints, written at once (standard output may be a pipe, which buffers).
enum Terminal {
    static func say(_ line: String) {
        var line = line + "\n"
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func milliseconds(_ seconds: Double) -> String {
        FixedPoint(digits: 0).format(seconds * 1000) + " ms"
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
