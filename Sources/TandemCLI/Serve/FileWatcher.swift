internal import Core
internal import Foundation
internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Watches folders and reports settled changes, on a thread of its own.
///
/// A burst of events (an editor saving through a temporary file, a `git checkout`) is reported
/// once, when the folders have been quiet for `quiet`; hidden files and folders (names starting
/// with `.`, like editors' swap files) are ignored, as the build ignores them.
final class FileWatcher: Sendable {
    enum Method: String, Sendable {
        case inotify, polling
    }

    /// The quiet time that ends a burst of changes.
    static let quiet: Duration = .milliseconds(30)
    /// How long a burst may last before it is reported anyway.
    static let longestBurst: Duration = .milliseconds(300)
    /// How often the polling fallback looks at the folders.
    static let pollInterval: Duration = .milliseconds(250)

    let roots: [String]
    /// How this watcher watches: inotify, unless it is unavailable or polling was asked for.
    let method: Method
    /// Called on the watcher's thread with the paths that changed (below the roots, joined to them).
    private let onChange: @Sendable ([String]) -> Void
    private let wake: (read: Int32, write: Int32)
    private let stopped = Atomic(false)
    #if os(Linux)
        private let inotify: Inotify?
    #endif
    /// The polling fallback's first look, taken before `init` returns like inotify's watches.
    private let baseline: [String: Stamp]

    /// inotify on Linux; polling elsewhere, or when `TANDEM_WATCH=poll` is set.
    static var defaultMethod: Method {
        if let forced = getenv("TANDEM_WATCH"), String(cString: forced) == "poll" { return .polling }
        #if os(Linux)
            return .inotify
        #else
            return .polling
        #endif
    }

    /// Sets up the watches (so no change after this returns is missed); `start()` reports them.
    ///
    /// - Parameters:
    ///   - roots: the folders to watch, with all their subfolders, also those made later.
    ///   - method: inotify falls back to polling when the system refuses it (no inotify, or the
    ///     limit of watches reached).
    init(roots: [String], method: Method = FileWatcher.defaultMethod, onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots
        self.onChange = onChange
        #if os(Linux)
            inotify = method == .inotify ? Inotify(roots: roots) : nil
            self.method = inotify == nil ? .polling : .inotify
            if method == .inotify && inotify == nil {
                Terminal.say("inotify is not available (\(String(cString: strerror(errno)))); polling every 250 ms instead")
            }
        #else
            self.method = .polling
        #endif
        baseline = self.method == .polling ? Self.scan(roots) : [:]
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        wake = (fds[0], fds[1])
    }

    deinit {
        close(wake.read)
        close(wake.write)
    }

    /// Starts reporting changes, on a new thread; returns at once.
    func start() {
        let thread = Thread { [self] in
            #if os(Linux)
                if let inotify {
                    watch(with: inotify)
                    return
                }
            #endif
            poll()
        }
        thread.name = "tandem.serve.watch"
        thread.start()
    }

    /// Stops the thread soon; no change is reported after this returns.
    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    /// Waits until the wake pipe or `fd` (when not -1) is readable, or the time is up.
    ///
    /// - Returns: whether `fd` is readable.
    private func wait(for fd: Int32, upTo timeout: Duration?) -> Bool {
        var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0), pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        let milliseconds =
            timeout.map {
                Int32(clamping: max(0, $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000))
            } ?? -1
        let count = fds.withUnsafeMutableBufferPointer { Glibc.poll($0.baseAddress!, nfds_t(fd >= 0 ? 2 : 1), milliseconds) }
        return count > 0 && fd >= 0 && fds[1].revents & Int16(POLLIN) != 0
    }

    private func report(_ paths: Set<String>) {
        if !paths.isEmpty && !isStopped { onChange(paths.sorted()) }
    }

    // MARK: - inotify

    #if os(Linux)
        private func watch(with inotify: Inotify) {
            defer { inotify.close() }
            var pending = Set<String>()
            var burstStart = ContinuousClock.now
            var lastEvent = ContinuousClock.now
            while !isStopped {
                let now = ContinuousClock.now
                var timeout: Duration?
                if !pending.isEmpty {
                    timeout = min(lastEvent + Self.quiet, burstStart + Self.longestBurst) - now
                    if timeout! <= .zero {
                        report(pending)
                        pending = []
                        continue
                    }
                }
                guard wait(for: inotify.fd, upTo: timeout) else { continue }
                let changed = inotify.read()
                if changed.isEmpty { continue }
                if pending.isEmpty { burstStart = ContinuousClock.now }
                lastEvent = ContinuousClock.now
                pending.formUnion(changed)
            }
        }
    #endif

    // MARK: - Polling

    /// What polling compares: a file's size and modification time.
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var isDirectory: Bool
    }

    private func poll() {
        var previous = baseline
        while !isStopped {
            _ = wait(for: -1, upTo: Self.pollInterval)
            if isStopped { return }
            let current = Self.scan(roots)
            var changed = Set<String>()
            // A folder's own time changes with what it holds, which is reported for itself.
            for (path, stamp) in current where previous[path] != stamp && !(stamp.isDirectory && previous[path] != nil) {
                changed.insert(path)
            }
            for path in previous.keys where current[path] == nil { changed.insert(path) }
            previous = current
            report(changed)
        }
    }

    /// Every file and folder below the roots that a build would read (hidden ones left out).
    static func scan(_ roots: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots { scan(root, into: &result) }
        return result
    }

    /// Stamps the files and folders that a build reads: the one walk of `FileSystem.listing`, with
    /// its rules for hidden names and symbolic links.
    private static func scan(_ root: String, into result: inout [String: Stamp]) {
        let listing = FileSystem.listing(root)
        for relative in listing.folders + listing.files {
            let path = root + "/" + relative
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            result[path] = Stamp(
                size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
        }
    }
}
