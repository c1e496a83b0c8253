internal import Content
internal import Core
internal import Markdown

/// The pipeline each language's pages refer to: the `pipeline` block of a page in that language,
/// else the main language's, else the default pipeline.
struct SitePipelines: Sendable {
    struct Entry: Sendable {
        var pipeline: Pipeline
        /// The page that shows it.
        var page: Int
        /// Its opening fence.
        var location: SourceLocation
    }

    /// The first pipeline block of each language, in page order.
    var byLanguage: [Language: Entry] = [:]
    let mainLanguage: Language

    init(mainLanguage: Language) {
        self.mainLanguage = mainLanguage
    }

    /// Keeps the first pipeline of each language; returns the one already kept when there was one.
    mutating func add(_ pipeline: Pipeline, language: Language, page: Int, location: SourceLocation) -> Entry? {
        if let first = byLanguage[language] { return first }
        byLanguage[language] = Entry(pipeline: pipeline, page: page, location: location)
        return nil
    }

    /// The pipeline SLA rules on a page in `language` refer to; `entry` is nil for the default pipeline.
    func pipeline(for language: Language) -> (pipeline: Pipeline, entry: Entry?) {
        if let entry = byLanguage[language] ?? byLanguage[mainLanguage] { return (entry.pipeline, entry) }
        return (Pipeline.standard(language), nil)
    }

    /// Finds the pipeline blocks before pages are rendered, so SLA tables can name and link stages.
    ///
    /// Only pages with a line that opens a `pipeline` fence are parsed; problems are left to the
    /// rendering pass, which reports them.
    static func scan(_ site: SiteTree) -> SitePipelines {
        var pipelines = SitePipelines(mainLanguage: site.config.language)
        for (index, page) in site.pages.enumerated() where page.source != nil && opensPipelineFence(page.body) {
            var found: [(Pipeline, Int)] = []
            _ = Markdown.render(page.body, options: MarkdownOptions(lineOffset: page.bodyLine)) { _ in
                nil
            } renderBlock: { fenced in
                guard PlaybookBlock.Kind(info: fenced.info) == .pipeline else { return nil }
                let (block, _) = PlaybookBlock.parse(
                    .pipeline, yaml: fenced.literal, file: page.display, fenceLine: fenced.line, fenceColumn: fenced.column)
                if case .pipeline(let pipeline)? = block { found.append((pipeline, fenced.line)) }
                return nil
            }
            for (pipeline, line) in found {
                _ = pipelines.add(
                    pipeline, language: page.language, page: index,
                    location: SourceLocation(file: page.display, line: line, column: 1))
            }
        }
        return pipelines
    }

    /// Whether a line of the text may open a fence (indentation, ```` ``` ```` or `~~~`) whose info
    /// string starts with `pipeline`. A byte scan, as it runs on every page; a false positive only
    /// costs parsing that page twice.
    static func opensPipelineFence(_ text: Substring) -> Bool {
        opensFence(text, words: ["pipeline"])
    }

    /// Whether a line of the text may open a fence whose info string starts with one of `words`.
    static func opensFence(_ text: Substring, words: [String]) -> Bool {
        let words = words.map { Array($0.utf8) }
        let longest = words.map(\.count).max() ?? 0
        var bytes = text.utf8.makeIterator()
        var atLineStart = true
        var pending: [UInt8] = []
        while let byte = bytes.next() {
            if byte == 0x0A {
                atLineStart = true
                continue
            }
            guard atLineStart else { continue }
            atLineStart = false
            // Read the rest of this line's start: spaces, the fence, spaces, then the info word.
            var current: UInt8? = byte
            while current == 0x20 || current == 0x09 { current = bytes.next() }
            guard let fence = current, fence == 0x60 || fence == 0x7E else {
                if current == 0x0A { atLineStart = true }
                continue
            }
            var count = 0
            while current == fence {
                count += 1
                current = bytes.next()
            }
            while current == 0x20 { current = bytes.next() }
            guard count >= 3 else {
                if current == 0x0A { atLineStart = true }
                continue
            }
            pending.removeAll(keepingCapacity: true)
            while let c = current, c != 0x0A, pending.count < longest {
                pending.append(c)
                current = bytes.next()
                if words.contains(pending) { return true }
            }
            if current == 0x0A { atLineStart = true }
        }
        return false
    }
}
