internal import Core
internal import Dispatch
internal import Render
internal import Site
internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The site as `tandem serve` serves it: the last good build in memory, and the problems of the
/// latest build when it failed.
final class LiveSite: Sendable {
    /// What the server answers from, replaced as a whole after each build.
    struct Snapshot: Sendable {
        /// The last good build's files by output path; empty until a build succeeds.
        var files: [String: [UInt8]] = [:]
        /// Counts good builds; 0 until the first one.
        var generation = 0
        /// Names the build the pages come from, unique across runs of the server.
        var build: String
        /// The latest build's problems when it failed; empty when it succeeded.
        var errors: [Diagnostic] = []

        var hasGoodBuild: Bool { generation > 0 }
    }

    /// What one build did.
    enum Outcome: Sendable {
        /// - changed: whether any file differs from the previous good build's.
        /// - recovered: whether the build before this one failed.
        /// - timings: seconds per phase of the build (load, parse, render), then `compare` and the CPU time of all threads (`cpu`).
        case built(
            pages: Int, files: Int, warnings: [Diagnostic], changed: Bool, recovered: Bool, seconds: Double,
            timings: [(phase: String, seconds: Double)])
        case failed([Diagnostic], seconds: Double)
    }

    let options: BuildOptions
    /// The theme layers for each build: a site's `site-templates/` made while serving counts.
    let themeLayers: @Sendable () -> [ThemeLayer]
    /// Kept for as long as the server runs: a change to one page renders only that page's Markdown.
    let cache = BuildCache()
    private let session: String
    private let state: Mutex<Snapshot>
    private let shownWarnings = Mutex<[Diagnostic]>([])
    private let queue = DispatchQueue(label: "tandem.serve.build", qos: .userInitiated)

    init(options: BuildOptions, themeLayers: (@Sendable () -> [ThemeLayer])? = nil) {
        self.options = options
        let fixed = options.themeLayers
        self.themeLayers = themeLayers ?? { fixed }
        session = String(UInt64.random(in: 1...UInt64.max) % 0xFFFF_FFFF, radix: 36)
        state = Mutex(Snapshot(build: session + "-0"))
    }

    var snapshot: Snapshot { state.withLock { $0 } }

    /// The warnings last printed, so the same ones are not printed after every save.
    var lastWarnings: [Diagnostic] {
        get { shownWarnings.withLock { $0 } }
        set { shownWarnings.withLock { $0 = newValue } }
    }

    /// Builds the site again off the concurrency pool (a build blocks its thread and uses every core).
    func rebuild() async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.rebuildNow()) }
        }
    }

    /// Builds the site and, when the build succeeds, serves it from now on.
    func rebuildNow() -> Outcome {
        let start = ContinuousClock.now
        let cpuStart = Self.cpuSeconds()
        func elapsed() -> Double {
            let duration = ContinuousClock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        do {
            var options = options
            options.themeLayers = themeLayers()
            let site = try SiteBuilder(options: options).renderInMemory(cache: cache)
            let rendered = elapsed()
            // One build at a time (the first, then this queue's), so the files can be compared outside the lock.
            let previous = state.withLock { $0 }
            let changed = !previous.hasGoodBuild || !Self.same(previous.files, site.files)
            let recovered = !previous.errors.isEmpty
            state.withLock { state in
                state.errors = []
                if changed {
                    state.files = site.files
                    state.generation += 1
                    state.build = session + "-" + String(state.generation)
                }
            }
            let seconds = elapsed()
            return .built(
                pages: site.pages, files: site.files.count, warnings: site.warnings, changed: changed, recovered: recovered,
                seconds: seconds,
                timings: site.timings + [("compare", seconds - rendered), ("cpu", Self.cpuSeconds() - cpuStart)])
        } catch {
            let problems = error.diagnostics
            state.withLock { $0.errors = problems }
            return .failed(problems, seconds: elapsed())
        }
    }

    /// User and system CPU time of the whole process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
            / 1e6
    }

    /// Whether two builds have the same files with the same bytes.
    static func same(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> Bool {
        guard a.count == b.count else { return false }
        for (path, bytes) in a {
            guard let other = b[path], other.count == bytes.count else { return false }
            if bytes.isEmpty { continue }
            let equal = bytes.withUnsafeBytes { x in
                other.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
            }
            if !equal { return false }
        }
        return true
    }
}
