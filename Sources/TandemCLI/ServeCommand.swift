internal import ArgumentParser
internal import Core
internal import Dispatch
internal import Render
internal import Site
internal import Synchronization

/// `tandem serve`: the site built in memory and served, rebuilt and reloaded in the browser on
/// every change.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build it in memory, serve it, and reload the browser on every change.",
        discussion: """
            Watches the content folder and the site's templates. After a change the site is built \
            again and every open page reloads itself; when the build fails, the last good build is \
            still served and the pages show the problems (file:line:column) until they are fixed. \
            Nothing is written: the output folder is left as it is. Ctrl-C stops.
            """
    )

    static let defaultPort = 4000

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 makes the preview reachable from other machines.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (default: 4000, or a free one when 4000 is taken); 0 chooses a free port.")
    var port: Int?

    @OptionGroup var drafts: DraftsOption

    @Flag(name: .long, help: "Print the time each phase of a rebuild took.")
    var timings = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        guard FileSystem.isDirectory(site.content) else {
            throw ValidationError(
                "the content folder \(site.content) does not exist; run tandem serve in a site's folder or pass --content")
        }
        let options = try site.buildOptions(output: "public", drafts: drafts.include)
        // The site's own theme folder is watched even before it exists, and counts once it does.
        let site = site
        let live = LiveSite(options: options) { (try? site.themeLayers()) ?? options.themeLayers }
        switch live.rebuildNow() {
        case .built(let pages, _, let warnings, _, _, let seconds, _):
            report(warnings)
            live.lastWarnings = warnings
            Terminal.say("Built \(Terminal.plural(pages, "page")) in memory in \(Terminal.milliseconds(seconds))")
        case .failed(let problems, _):
            report(problems)
            Terminal.say(
                "The site did not build (\(Terminal.plural(problems.count, "problem"))); serving the problems until they are fixed"
            )
        }
        let server = DevServer(
            site: live, folders: [site.content] + Self.themeFolders(options.themeLayers, own: site.ownTemplates), host: host,
            ports: port.map { [$0] } ?? [Self.defaultPort, 0], timings: timings)
        do {
            try Self.wait { try await server.run() }
        } catch let error as DevServer.PortInUse {
            report([
                Diagnostic(
                    SourceLocation(file: "tandem serve"),
                    "port \(error.port) is in use; choose another with --port, or --port 0 for a free one")
            ])
            throw ExitCode(1)
        }
    }

    /// The theme folders to watch: a default theme read from disk (`TANDEM_THEME`), then the site's
    /// own, whether or not it exists yet.
    static func themeFolders(_ layers: [ThemeLayer], own: String) -> [String] {
        layers.compactMap(\.directory).filter { $0 != own } + [own]
    }

    /// Runs async work from this synchronous command (the root command is synchronous) and waits.
    static func wait(_ work: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Task.detached {
            do { try await work() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
