internal import Core

/// What a page weighs in a browser: its HTML and the stylesheets, scripts and images it loads.
enum PageWeight {
    /// A warning for each page with a budget that weighs more than it.
    ///
    /// - Parameters:
    ///   - pages: the site's pages, in the order of `html`.
    ///   - html: each page's text.
    ///   - sizes: the byte count of every other output file, by its path.
    static func warnings(pages: [Page], html: [String], sizes: [String: Int]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (index, page) in pages.enumerated() {
            guard let budget = page.data?.budget else { continue }
            let (total, loaded) = weight(html: html[index], directory: page.outputDirectory, sizes: sizes)
            guard total > budget.bytes else { continue }
            warnings.append(
                Diagnostic(
                    SourceLocation(file: budget.source),
                    "the page \(page.outputPath) weighs \(kibibytes(total)) with the \(loaded) files it loads, over "
                        + "\(kibibytes(budget.bytes)): it opens slowly on a workshop's laptop; shorten the texts or "
                        + "split the questionnaire",
                    severity: .warning))
        }
        return warnings
    }

    /// The page's bytes and those of each file it loads once (`<link rel="stylesheet">`, `<script
    /// src>`, `<img src>` of the site's own), and how many files those are.
    static func weight(html: String, directory: String, sizes: [String: Int]) -> (bytes: Int, files: Int) {
        var total = html.utf8.count
        var seen = Set<String>()
        for reference in loadedReferences(html) {
            // Links are percent-encoded (URLPath.encoded); the sizes are by file path.
            guard !URLPath.isExternal(reference),
                let path = URLPath.normalize(URLPath.join(directory, URLPath.percentDecoded(reference))),
                seen.insert(path).inserted, let size = sizes[path]
            else { continue }
            total += size
        }
        return (total, seen.count)
    }

    /// The URLs of the stylesheets, scripts and images a page loads, in order.
    static func loadedReferences(_ html: String) -> [String] {
        var references: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let tagStart = rest[rest.index(after: open)...]
            guard let close = tagStart.firstIndex(of: ">") else { break }
            let tag = tagStart[..<close]
            rest = tagStart[tagStart.index(after: close)...]
            let attribute: String
            if tag.hasPrefix("link ") && tag.contains("rel=\"stylesheet\"") {
                attribute = "href=\""
            } else if tag.hasPrefix("script ") || tag.hasPrefix("img ") {
                attribute = "src=\""
            } else {
                continue
            }
            if let value = Self.value(of: attribute, in: tag) { references.append(value) }
        }
        return references
    }

    /// The value of `name="…"` in a tag's text (the name given with its `="`).
    private static func value(of name: String, in tag: Substring) -> String? {
        var search = tag
        while let start = search.firstIndex(of: name.first!) {
            let candidate = search[start...]
            if candidate.hasPrefix(name), start == tag.startIndex || tag[tag.index(before: start)] == " " {
                let valueStart = candidate.index(candidate.startIndex, offsetBy: name.count)
                guard let end = candidate[valueStart...].firstIndex(of: "\"") else { return nil }
                return String(candidate[valueStart..<end])
            }
            search = search[search.index(after: start)...]
        }
        return nil
    }

    static func kibibytes(_ bytes: Int) -> String {
        FixedPoint(digits: 1).format(Double(bytes) / 1024) + " KiB"
    }
}
