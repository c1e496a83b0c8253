internal import Core
internal import Hummingbird
internal import ServiceLifecycle

/// Answers every request from the site in memory, plus the live-reload script and event stream.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: LiveSite
    let hub: LiveReloadHub

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Self.text(.methodNotAllowed, "Only GET and HEAD are served.\n", headers: headers)
        }
        let path = request.uri.path
        switch path {
        case LiveReloadInjection.scriptPath:
            return Self.file(Array(LiveReloadScript.source.utf8), type: ContentType.of("live.js"), head: request.method == .head)
        case LiveReloadInjection.eventsPath:
            return events()
        default:
            break
        }
        if path.hasPrefix("/__tandem/") { return Self.text(.notFound, "Not found.\n") }

        let snapshot = site.snapshot
        guard snapshot.hasGoodBuild else { return Self.failurePage(snapshot, head: request.method == .head) }
        let head = request.method == .head
        switch RequestPath.resolve(path, query: request.uri.query, exists: { snapshot.files[$0] != nil }) {
        case .file(let output):
            return Self.page(snapshot.files[output]!, path: output, build: snapshot.build, head: head)
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            return Self.text(.movedPermanently, "Moved to \(location)\n", headers: headers)
        case .notFound:
            guard let notFound = snapshot.files["404.html"] else { return Self.text(.notFound, "Not found.\n") }
            return Self.page(notFound, path: "404.html", build: snapshot.build, status: .notFound, head: head)
        case .refused:
            return Self.text(.badRequest, "Refused: the path is not valid or leaves the site.\n")
        }
    }

    // MARK: - Responses

    /// A site file; HTML gets the live-reload script.
    static func page(_ bytes: [UInt8], path: String, build: String, status: HTTPResponse.Status = .ok, head: Bool) -> Response {
        let type = ContentType.of(path)
        let body = type == ContentType.html ? LiveReloadInjection.inject(into: bytes, build: build) : bytes
        return file(body, type: type, status: status, head: head)
    }

    static func file(_ bytes: [UInt8], type: String, status: HTTPResponse.Status = .ok, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        // A preview always shows the latest build.
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(
            status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = HTTPFields()) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// What every path shows while no build has succeeded yet: the problems, and the live-reload
    /// script, so the page turns into the site as soon as it builds.
    static func failurePage(_ snapshot: LiveSite.Snapshot, head: Bool) -> Response {
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>The site did not build</title></head>
            <body><h1>The site did not build</h1><p>Fix these problems and save; this page reloads by itself.</p><ul>

            """
        for problem in snapshot.errors {
            html +=
                "<li><code>" + HTML.escaped(problem.location.description, for: .anywhere) + "</code>: "
                + HTML.escaped(problem.message, for: .anywhere) + "</li>\n"
        }
        html += "</ul></body></html>\n"
        return page(Array(html.utf8), path: "error.html", build: snapshot.build, status: .internalServerError, head: head)
    }

    // MARK: - Live reload

    /// `/__tandem/events`: a Server-Sent Events stream that lasts as long as the page is open.
    func events() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        let site = site
        let hub = hub
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                // Subscribe before reading the state, so no event falls between the two.
                let (id, events) = hub.subscribe()
                defer { hub.end(id) }
                let snapshot = site.snapshot
                var greeting = "retry: 500\n\n" + LiveReloadEvent.hello(build: snapshot.build).message
                if !snapshot.errors.isEmpty { greeting += LiveReloadEvent.errors(snapshot.errors).message }
                try await writer.write(ByteBuffer(string: greeting))
                // The server waits for open responses before it stops; this one ends when it is told to stop.
                try await withGracefulShutdownHandler {
                    for await event in events {
                        try await writer.write(ByteBuffer(string: event.message))
                    }
                } onGracefulShutdown: {
                    hub.end(id)
                }
                try await writer.finish(nil)
            })
    }
}
