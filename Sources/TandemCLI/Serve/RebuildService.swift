internal import ServiceLifecycle
internal import Synchronization

/// Changed paths, gathered between builds: changes that arrive during a build lead to one more build.
final class ChangeQueue: Sendable {
    private struct State {
        var pending = Set<String>()
        var signal: AsyncStream<Void>.Continuation?
    }

    private let state = Mutex(State())

    /// Called by the watcher.
    func add(_ paths: [String]) {
        state.withLock { state in
            state.pending.formUnion(paths)
            state.signal?.yield()
        }
    }

    /// A new stream that yields whenever changes are waiting (at once, when some already are).
    func signals() -> AsyncStream<Void> {
        let (stream, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        state.withLock { state in
            state.signal?.finish()
            state.signal = signal
            if !state.pending.isEmpty { signal.yield() }
        }
        return stream
    }

    /// The changes waiting, which are then no longer waiting.
    func take() -> Set<String> {
        state.withLock { state in
            defer { state.pending = [] }
            return state.pending
        }
    }
}

/// After each settled change, builds the site again and tells open pages to reload, or to show
/// the problems.
struct RebuildService: Service {
    let site: LiveSite
    let hub: LiveReloadHub
    let changes: ChangeQueue
    /// Whether to print the time of each phase after a rebuild.
    var timings = false
    /// How often open event streams get a keep-alive comment.
    var keepAlive: Duration = .seconds(15)

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { [hub, keepAlive] in
                while (try? await Task.sleep(for: keepAlive)) != nil { hub.broadcast(.ping) }
            }
            for await _ in changes.signals().cancelOnGracefulShutdown() {
                await rebuild(after: changes.take())
            }
            group.cancelAll()
        }
    }

    private func rebuild(after changed: Set<String>) async {
        let previousWarnings = site.lastWarnings
        let outcome = await site.rebuild()
        let what = Self.describe(changed)
        switch outcome {
        case .built(_, _, let warnings, let changed, let recovered, let seconds, let phases):
            // Warnings that were already shown are not repeated after every save.
            if warnings != previousWarnings { report(warnings) }
            site.lastWarnings = warnings
            let detail =
                timings
                ? " (" + phases.map { "\($0.phase) \(Terminal.milliseconds($0.seconds))" }.joined(separator: ", ") + ")" : ""
            guard changed || recovered else {
                Terminal.say("\(what): rebuilt in \(Terminal.milliseconds(seconds))\(detail), nothing changed")
                return
            }
            let pages = hub.broadcast(.reload(build: site.snapshot.build))
            Terminal.say(
                "\(what): rebuilt in \(Terminal.milliseconds(seconds))\(detail)\(recovered ? ", the errors are fixed" : ""); "
                    + "reloading \(Terminal.plural(pages, "open page"))")
        case .failed(let problems, let seconds):
            report(problems)
            hub.broadcast(.errors(problems))
            Terminal.say(
                "\(what): build failed in \(Terminal.milliseconds(seconds)) with \(Terminal.plural(problems.count, "problem")); "
                    + "still serving the last good build")
        }
    }

    /// `content/playbooks/sla.md changed` or `3 files changed`.
    static func describe(_ paths: Set<String>) -> String {
        guard paths.count == 1, let path = paths.first else { return "\(paths.count) files changed" }
        return path + " changed"
    }
}
