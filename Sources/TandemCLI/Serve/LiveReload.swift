internal import Core
internal import Synchronization

/// What the server tells open pages, as Server-Sent Events on `/__tandem/events`.
enum LiveReloadEvent: Sendable, Equatable {
    /// Sent first on every connection: the build the server is serving now. A page from another
    /// build (it missed a reload while the connection was down) reloads itself.
    case hello(build: String)
    /// A rebuild succeeded: every open page reloads.
    case reload(build: String)
    /// A rebuild failed: pages show these problems over the last good build.
    case errors([Diagnostic])
    /// Keeps the connection from looking idle, and finds clients that went away.
    case ping

    /// The event in the `text/event-stream` format: one `data:` line of JSON.
    var message: String {
        switch self {
        case .hello(let build): "event: hello\ndata: \(Self.json(build: build))\n\n"
        case .reload(let build): "event: reload\ndata: \(Self.json(build: build))\n\n"
        case .errors(let diagnostics): "event: errors\ndata: \(Self.json(diagnostics))\n\n"
        case .ping: ": ping\n\n"
        }
    }

    /// `{"errors": [{"location": "content/a.md:3:5", "severity": "error", "message": "...",
    /// "text": "content/a.md:3:5: message"}]}`
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map {
            item(location: $0.location.description, severity: $0.severity.rawValue, message: $0.message)
        }
        var json = JSONWriter()
        json.raw("{")
        json.key("errors")
        json.raw("[" + items.joined(separator: ", ") + "]}")
        return json.text
    }

    static func item(location: String, severity: String, message: String) -> String {
        var json = JSONWriter()
        json.object([
            "location": .string(location), "severity": .string(severity), "message": .string(message),
            "text": .string(location + ": " + message),
        ])
        return json.text
    }

    /// `{"build": "..."}`
    private static func json(build: String) -> String {
        var json = JSONWriter()
        json.object(["build": .string(build)])
        return json.text
    }
}

/// The open event streams, one per open page.
final class LiveReloadHub: Sendable {
    private struct State {
        var next = 0
        var streams: [Int: AsyncStream<LiveReloadEvent>.Continuation] = [:]
    }

    private let state = Mutex(State())

    /// A new stream of events; `end(_:)` it when the connection closes.
    func subscribe() -> (id: Int, events: AsyncStream<LiveReloadEvent>) {
        // A page that cannot keep up only needs the latest few events.
        let (events, continuation) = AsyncStream.makeStream(of: LiveReloadEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id = state.withLock { state in
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return (id, events)
    }

    /// Ends one stream: its connection's response finishes.
    func end(_ id: Int) {
        remove(id)?.finish()
    }

    /// Sends an event to every open page.
    ///
    /// - Returns: how many pages it was sent to.
    @discardableResult
    func broadcast(_ event: LiveReloadEvent) -> Int {
        let streams = state.withLock { Array($0.streams.values) }
        for stream in streams { stream.yield(event) }
        return streams.count
    }

    var count: Int { state.withLock { $0.streams.count } }

    @discardableResult
    private func remove(_ id: Int) -> AsyncStream<LiveReloadEvent>.Continuation? {
        state.withLock { $0.streams.removeValue(forKey: id) }
    }
}

/// Adds the live-reload script to an HTML page, in serve mode only.
enum LiveReloadInjection {
    static let scriptPath = "/__tandem/live.js"
    static let eventsPath = "/__tandem/events"

    /// The page with `<script src="/__tandem/live.js?build=...">` before its last `</body>` (at the
    /// end when it has none). The script is external because pages forbid inline scripts (CSP).
    static func inject(into page: [UInt8], build: String) -> [UInt8] {
        let tag = Array("<script src=\"\(scriptPath)?build=\(RequestPath.encode(build))\"></script>\n".utf8)
        var result = page
        result.insert(contentsOf: tag, at: closingBody(in: page) ?? page.count)
        return result
    }

    /// Where the last `</body>` starts, in any letter case.
    static func closingBody(in page: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        var i = page.count - needle.count
        while i >= 0 {
            var matches = true
            for j in 0..<needle.count where lowercased(page[i + j]) != needle[j] {
                matches = false
                break
            }
            if matches { return i }
            i -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
