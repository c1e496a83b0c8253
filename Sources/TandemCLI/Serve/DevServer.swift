internal import Core
internal import Hummingbird
internal import Logging
internal import NIOCore
internal import ServiceLifecycle

#if canImport(Glibc)
    internal import Glibc
#endif

/// The preview server: the site in memory over HTTP, rebuilt and reloaded on every change.
struct DevServer: Sendable {
    let site: LiveSite
    let hub = LiveReloadHub()
    /// The content folder and the site's own theme folders.
    let folders: [String]
    let host: String
    /// Ports to try in order; 0 lets the system choose a free one.
    let ports: [Int]
    /// Whether to print the time of each phase after a rebuild.
    var timings = false

    /// Serves until SIGINT or SIGTERM, then stops cleanly: open pages' event streams end, the
    /// server waits for the responses in flight, and the watcher stops.
    ///
    /// - Throws: when no port could be bound.
    func run() async throws {
        // Watching starts before serving, so no change made once the address is printed is missed.
        let changes = ChangeQueue()
        let watcher = FileWatcher(roots: folders) { changes.add($0) }
        watcher.start()
        defer { watcher.stop() }
        var ports = ports[...]
        while let port = ports.popFirst() {
            do {
                try await serve(on: port, changes: changes, watching: watcher.method)
                return
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                guard !ports.isEmpty else { throw PortInUse(port: port) }
                Terminal.say("Port \(port) is in use; choosing a free one")
            }
        }
    }

    struct PortInUse: Error {
        var port: Int
    }

    private func serve(on port: Int, changes: ChangeQueue, watching method: FileWatcher.Method) async throws {
        var logger = Logger(label: "tandem.serve")
        logger.logLevel = .error
        let host = host
        let folders = folders
        var app = Application(
            responder: SiteResponder(site: site, hub: hub),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                Terminal.say("Serving at \(Self.url(host: host, port: port))")
                let watched = folders.map { FileSystem.isDirectory($0) ? $0 : $0 + " (once it exists)" }
                Terminal.say("Watching \(watched.joined(separator: ", ")) (\(method.rawValue)); Ctrl-C stops")
            },
            logger: logger
        )
        // Services stop in reverse order: the server first, so rebuilds go on while the last
        // responses finish.
        app.addServices(RebuildService(site: site, hub: hub, changes: changes, timings: timings))
        try await app.runService()  // stops gracefully on SIGINT and SIGTERM
        Terminal.say("Stopped")
    }

    /// The address to open in a browser; a wildcard host is shown as 127.0.0.1.
    static func url(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" || host == "::" || host.isEmpty ? "127.0.0.1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
    }
}
