public import Core
internal import Synchronization

/// The whole site rendered in memory.
public struct RenderedSite: Sendable {
    /// Every file of the site by its path below the output folder (`playbooks/sla/index.html`).
    public var files: [String: [UInt8]]
    public var pages: Int
    public var warnings: [Diagnostic]
    /// Seconds per phase, in order: load, parse, render.
    public var timings: [(phase: String, seconds: Double)]
}

/// What one render of a site lends the next: the rendered Markdown of each page, kept while the
/// page's text and the site around it (its pages and files) stay the same. `tandem serve` keeps one
/// for as long as it runs, so a change to one page renders that page's Markdown again, not every page's.
public final class BuildCache: Sendable {
    struct Entry {
        var textHash: UInt64
        var siteHash: UInt64
        var page: RenderedPage
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let hitCount = Mutex(0)

    public init() {}

    /// How many pages the cache holds.
    public var count: Int { entries.withLock { $0.count } }

    /// How many pages were taken from the cache instead of being rendered.
    public var hits: Int { hitCount.withLock { $0 } }

    func page(_ source: String, textHash: UInt64, siteHash: UInt64) -> RenderedPage? {
        let page: RenderedPage? = entries.withLock { entries in
            guard let entry = entries[source], entry.textHash == textHash, entry.siteHash == siteHash else { return nil }
            return entry.page
        }
        if page != nil { hitCount.withLock { $0 += 1 } }
        return page
    }

    func store(_ source: String, textHash: UInt64, siteHash: UInt64, page: RenderedPage) {
        entries.withLock { $0[source] = Entry(textHash: textHash, siteHash: siteHash, page: page) }
    }
}
