/// Stable, readable ids for headings and URLs.
public enum Slug {
    /// `Mål og økonomi` -> `mal-og-okonomi`; `Escalation (SLA)` -> `escalation-sla`.
    ///
    /// Letters are lowercased and Latin letters lose their accents (æ -> ae, ø -> oe, å -> aa, é -> e,
    /// ß -> ss); letters of other scripts stay as they are; every run of other characters becomes
    /// one `-`. An empty result becomes `section`.
    public static func make(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded: String?
            if scalar.isASCII {
                let v = scalar.value
                if (0x30...0x39).contains(v) || (0x61...0x7A).contains(v) {
                    folded = String(scalar)
                } else if (0x41...0x5A).contains(v) {
                    folded = String(Unicode.Scalar(v + 32)!)
                } else {
                    folded = nil
                }
            } else if let mapped = latin[scalar] {
                folded = mapped
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                folded = String(scalar.properties.lowercaseMapping)
            } else {
                folded = nil
            }
            if let folded {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += folded
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// Hands out slugs that are unique within one page: `faq`, `faq-2`, `faq-3`.
    public struct Registry: Sendable {
        private var used: [String: Int] = [:]

        public init() {}

        public mutating func unique(_ text: String) -> String {
            let base = Slug.make(text)
            guard let count = used[base] else {
                used[base] = 1
                return base
            }
            var n = count + 1
            var candidate = "\(base)-\(n)"
            while used[candidate] != nil {
                n += 1
                candidate = "\(base)-\(n)"
            }
            used[base] = n
            used[candidate] = 1
            return candidate
        }
    }

    /// Latin letters with diacritics and ligatures, folded to ASCII the way Danish and German
    /// readers expect (å is `aa`, not `a`).
    static let latin: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãāăą", "a"), ("ÀÁÂÃĀĂĄ", "a"), ("äÄ", "ae"), ("åÅ", "aa"), ("æÆ", "ae"),
            ("çćĉċčÇĆĈĊČ", "c"), ("ďđĎĐ", "d"), ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"),
            ("ĝğġģĜĞĠĢ", "g"), ("ĥħĤĦ", "h"), ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ĵĴ", "j"),
            ("ķĶ", "k"), ("ĺļľŀłĹĻĽĿŁ", "l"), ("ñńņňŉÑŃŅŇ", "n"), ("òóôõōŏőÒÓÔÕŌŎŐ", "o"),
            ("öÖøØœŒ", "oe"), ("ŕŗřŔŖŘ", "r"), ("śŝşšŚŜŞŠ", "s"), ("ß", "ss"),
            ("ţťŧŢŤŦ", "t"), ("ùúûũūŭůűųÙÚÛŨŪŬŮŰŲ", "u"), ("üÜ", "ue"), ("ŵŴ", "w"),
            ("ýÿŷÝŸŶ", "y"), ("źżžŹŻŽ", "z"), ("ðÐ", "d"), ("þÞ", "th"),
        ]
        for (letters, ascii) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = ascii }
        }
        return table
    }()
}
