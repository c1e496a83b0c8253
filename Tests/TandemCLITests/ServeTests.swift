import Core
import Foundation
import Synchronization
import Testing

@testable import TandemCLI

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - The server as a process

/// `tandem serve` run as a user runs it, in a copy of a fixture site, on a free port.
@Suite struct ServeProcessTests {
    @Test func servesExactlyTheBuiltSiteFromMemory() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        // What `tandem build` writes is what serve answers, byte for byte, but for the live-reload
        // script, which only serve adds.
        let built = try Tandem.run(["build", "--output", "../\(URL(fileURLWithPath: site).lastPathComponent)-out"], in: site)
        #expect(built.status == 0)
        let output = site + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        // Every file of the site: the output folder's marker is not part of it.
        let files = try FileManager.default.subpathsOfDirectory(atPath: output).filter { path in
            guard path != ".tandem-output" else { return false }
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }

        let server = try ServeProcess(in: site)
        defer { server.kill() }
        let types = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
            "wasm": "application/wasm", "svg": "image/svg+xml", "png": "image/png", "xml": "application/xml",
        ]
        var seen = Set<String>()
        for file in files {
            let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + file)))
            #expect(
                !String(decoding: expected, as: UTF8.self).contains("__tandem"),
                "build output has the live-reload script: \(file)")
            let target = file == "index.html" ? "/" : file.hasSuffix("/index.html") ? "/" + file.dropLast(10) : "/" + file
            let response = try HTTP.request(target, port: server.port)
            let ext = String(file.split(separator: ".").last!)
            seen.insert(ext)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == types[ext], "\(target)")
            if ext == "html" {
                let script = "<script src=\"/__tandem/live.js?build="
                let text = response.text
                #expect(text.contains(script), "\(target)")
                // Injected right before </body>, and nothing else changed.
                let withoutScript = text.replacingOccurrences(
                    of: #"<script src="/__tandem/live\.js\?build=[^"]*"></script>\n"#, with: "", options: .regularExpression)
                #expect(withoutScript == String(decoding: expected, as: UTF8.self), "\(target)")
                #expect(text.range(of: "</script>\n</body>") != nil, "\(target)")
            } else {
                #expect(response.body == expected, "\(target)")
            }
        }
        #expect(seen.isSuperset(of: ["html", "css", "js", "wasm", "svg", "png", "xml"]))

        let script = try HTTP.request("/__tandem/live.js", port: server.port)
        #expect(script.status == 200)
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource(\"/__tandem/events\")"))

        // Folders without their slash are redirected, so relative links resolve.
        let redirect = try HTTP.request("/guides?x=1", port: server.port)
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "/guides/?x=1")
        #expect(try HTTP.request("/guides/advanced/deep/", port: server.port).status == 200)

        // A missing page gets the site's 404 page, with status 404.
        let missing = try HTTP.request("/guides/missing/", port: server.port)
        #expect(missing.status == 404)
        #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
        let notFoundPage = try String(contentsOfFile: output + "/404.html", encoding: .utf8)
        #expect(missing.text.hasPrefix(String(notFoundPage.prefix(200))))
        #expect(try HTTP.request("/nothing.css", port: server.port).status == 404)

        // `..`, raw or percent-encoded, is refused before any lookup.
        for attempt in [
            "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc%2fpasswd", "/guides/%2E%2E/%2E%2E/index.html",
            "/guides/..", "/%2e%2e%5cx", "/a%00b", "/%zz",
        ] {
            let response = try HTTP.request(attempt, port: server.port)
            #expect(response.status == 400, "\(attempt)")
            #expect(!response.text.contains("root:"), "\(attempt)")
        }

        let head = try HTTP.request("/", method: "HEAD", port: server.port)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"].flatMap { Int($0) } ?? 0 > 1000)
        #expect(try HTTP.request("/", method: "POST", port: server.port).status == 405)

        // Nothing is written next to the content.
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))

        #expect(server.stop() == 0)
        #expect(server.output.contains("Stopped"))
    }

    @Test(arguments: ["inotify", "poll"])
    func changesReloadAndBrokenBuildsShowTheirErrorsUntilFixed(watch: String) throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let server = try ServeProcess(in: site, environment: watch == "poll" ? ["TANDEM_WATCH": "poll"] : [:])
        defer { server.kill() }
        #expect(server.output.contains("(\(watch == "poll" ? "polling" : "inotify"))"))

        let page = try EventStream(port: server.port)
        let hello = try #require(try page.next())
        #expect(hello.event == "hello")
        let first = try HTTP.request("/guides/sla/", port: server.port).text
        #expect(first.contains("/__tandem/live.js?build=\(hello.build)\""))

        // A change: the page is told to reload, and then shows the new text.
        let sla = site + "/content/guides/sla.md"
        let original = try String(contentsOfFile: sla, encoding: .utf8)
        try (original + "\nFreshly served paragraph.\n").write(toFile: sla, atomically: false, encoding: .utf8)
        let reload = try #require(try page.next(skipping: ["errors"]))
        #expect(reload.event == "reload")
        #expect(reload.build != hello.build)
        let changed = try HTTP.request("/guides/sla/", port: server.port).text
        #expect(changed.contains("Freshly served paragraph."))
        #expect(changed.contains("/__tandem/live.js?build=\(reload.build)\""))

        // Bad YAML: the errors go to open pages with file:line:column; the last good build stays.
        let alpha = site + "/content/notes/alpha.md"
        let alphaText = try String(contentsOfFile: alpha, encoding: .utf8)
        try ("---\ntitle: [unclosed\n---\n" + alphaText).write(toFile: alpha, atomically: true, encoding: .utf8)
        let broken = try #require(try page.next())
        #expect(broken.event == "errors")
        #expect(broken.data.range(of: #""location": "content/notes/alpha\.md:\d+:\d+""#, options: .regularExpression) != nil)
        #expect(broken.data.contains("YAML"))
        #expect(try HTTP.request("/notes/alpha/", port: server.port).status == 200)
        #expect(try HTTP.request("/guides/sla/", port: server.port).text.contains("Freshly served paragraph."))
        // A page opened now learns the errors at once.
        let later = try EventStream(port: server.port)
        #expect(try later.next()?.event == "hello")
        let pending = try #require(try later.next())
        #expect(pending.event == "errors")
        #expect(pending.data == broken.data)
        #expect(server.waitForOutput(containing: "content/notes/alpha.md:"))

        // Fixing it reloads the pages, which then show no errors.
        try alphaText.write(toFile: alpha, atomically: true, encoding: .utf8)
        #expect(try page.next()?.event == "reload")
        #expect(try later.next()?.event == "reload")
        let fresh = try EventStream(port: server.port)
        #expect(try fresh.next()?.event == "hello")
        #expect(try fresh.next(timeout: .milliseconds(300)) == nil)

        // A broken link fails the build too, and names where it is.
        try (original + "\nSee [the missing page](missing.md).\n").write(toFile: sla, atomically: true, encoding: .utf8)
        let link = try #require(try page.next())
        #expect(link.event == "errors")
        #expect(link.data.range(of: #"content/guides/sla\.md:\d+:\d+"#, options: .regularExpression) != nil)
        try original.write(toFile: sla, atomically: true, encoding: .utf8)
        #expect(try page.next()?.event == "reload")
        #expect(!(try HTTP.request("/guides/sla/", port: server.port).text.contains("Freshly served paragraph.")))

        // Ctrl-C with pages still open: their streams end and the server exits cleanly.
        #expect(server.stop() == 0)
        #expect(try page.next(timeout: .seconds(5)) == nil)
    }

    /// New CRM exports (here: a later `as_of`) rebuild the pipeline pages and the blocks' measured lines.
    @Test func aChangeInTheCRMFolderRebuildsThePipelinePages() throws {
        let site = try Tandem.copyOfSite("pipeline")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let server = try ServeProcess(in: site)
        defer { server.kill() }
        let page = try EventStream(port: server.port)
        #expect(try page.next()?.event == "hello")
        let before = try HTTP.request("/pipeline/2026-q1/", port: server.port).text
        #expect(before.contains("data-delivered=\"9\""))
        #expect(try HTTP.request("/playbook/", port: server.port).text.contains("data-delivered=\"9\""))

        let sources = site + "/content/crm/sources.yml"
        let text = try String(contentsOfFile: sources, encoding: .utf8)
        try text.replacingOccurrences(of: "as_of: 2026-03-31T17:00", with: "as_of: 2026-02-28T17:00")
            .write(toFile: sources, atomically: false, encoding: .utf8)
        #expect(try page.next(skipping: ["errors"])?.event == "reload")
        let after = try HTTP.request("/pipeline/2026-q1/", port: server.port).text
        #expect(after.contains("data-delivered=\"6\""))
        #expect(after.contains("28 February 2026, 17:00"))
        #expect(try HTTP.request("/playbook/", port: server.port).text.contains("data-delivered=\"6\""))
        #expect(server.stop() == 0)
    }

    @Test(arguments: ["inotify", "poll"])
    func aThemeFolderMadeWhileServingIsWatchedAndUsed(watch: String) throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(!FileManager.default.fileExists(atPath: site + "/site-templates"))
        let server = try ServeProcess(in: site, environment: watch == "poll" ? ["TANDEM_WATCH": "poll"] : [:])
        defer { server.kill() }
        #expect(server.output.contains("site-templates"))
        let page = try EventStream(port: server.port)
        #expect(try page.next()?.event == "hello")

        // The site gets a theme of its own: a footer partial that says so.
        let footer = try String(contentsOfFile: Tandem.repository + "/site-templates/partials/footer.mustache", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: site + "/site-templates/partials", withIntermediateDirectories: true)
        try footer.replacingOccurrences(of: "</footer>", with: "<p>Our own footer</p>\n</footer>")
            .write(toFile: site + "/site-templates/partials/footer.mustache", atomically: true, encoding: .utf8)
        #expect(try page.next(skipping: ["errors"])?.event == "reload")
        #expect(try HTTP.request("/guides/sla/", port: server.port).text.contains("<p>Our own footer</p>"))

        // Removing it again brings the default theme back.
        try FileManager.default.removeItem(atPath: site + "/site-templates")
        #expect(try page.next(skipping: ["errors"])?.event == "reload")
        #expect(!(try HTTP.request("/guides/sla/", port: server.port).text.contains("Our own footer")))
        #expect(server.stop() == 0)
    }

    @Test func theDefaultPortFallsBackToAFreeOneAndAnExplicitPortDoesNot() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        // Hold port 4000, unless something else already does.
        let holder = try? Listener(port: ServeCommand.defaultPort)
        let server = try ServeProcess(in: site, arguments: ["serve"])
        defer { server.kill() }
        if holder != nil {
            #expect(server.port != ServeCommand.defaultPort)
            #expect(server.output.contains("Port 4000 is in use; choosing a free one"))
        }
        #expect(try HTTP.request("/", port: server.port).status == 200)
        #expect(server.stop() == 0)

        let taken = try Listener(port: 0)
        let refused = try Tandem.run(["serve", "--port", String(taken.port)], in: site)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("port \(taken.port) is in use"))
    }

    @Test func aSiteThatDoesNotBuildServesItsProblemsUntilItDoes() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let index = site + "/content/index.md"
        let text = try String(contentsOfFile: index, encoding: .utf8)
        try ("---\ntitle: [unclosed\n---\n" + text).write(toFile: index, atomically: true, encoding: .utf8)
        let server = try ServeProcess(in: site)
        defer { server.kill() }
        let failing = try HTTP.request("/guides/", port: server.port)
        #expect(failing.status == 500)
        #expect(failing.text.contains("content/index.md:"))
        #expect(failing.text.contains("/__tandem/live.js"))
        let page = try EventStream(port: server.port)
        #expect(try page.next()?.event == "hello")
        #expect(try page.next()?.event == "errors")
        try text.write(toFile: index, atomically: true, encoding: .utf8)
        #expect(try page.next()?.event == "reload")
        #expect(try HTTP.request("/guides/", port: server.port).status == 200)
        #expect(server.stop(signal: SIGTERM) == 0)
    }
}

// MARK: - Parts, in process

@Suite struct ServePartsTests {
    @Test func requestPaths() {
        let files: Set<String> = ["index.html", "guides/index.html", "guides/sla/index.html", "assets/a b.css", "404.html"]
        func resolve(_ path: String, query: String? = nil) -> RequestPath.Resolution {
            RequestPath.resolve(path, query: query, exists: files.contains)
        }
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/guides/") == .file("guides/index.html"))
        #expect(resolve("/guides/sla/") == .file("guides/sla/index.html"))
        #expect(resolve("/guides/sla") == .redirect(location: "/guides/sla/"))
        #expect(resolve("/guides", query: "a=1") == .redirect(location: "/guides/?a=1"))
        #expect(resolve("/assets/a%20b.css") == .file("assets/a b.css"))
        #expect(resolve("/%67uides/") == .file("guides/index.html"))
        #expect(resolve("/missing") == .notFound)
        #expect(resolve("/guides//sla/") == .notFound)
        #expect(resolve("//guides") == .notFound)
        for refused in [
            "/..", "/../", "/%2e%2e/", "/%2E%2e%2Findex.html", "/..%2f", "/guides/../index.html", "/./index.html",
            "/a%5c..", "/%00", "/%", "/%4", "/%g0", "/%ff", "guides/",
        ] {
            #expect(resolve(refused) == .refused, "\(refused)")
        }
    }

    @Test func contentTypes() {
        #expect(ContentType.of("assets/scoring.04d8646dfd.wasm") == "application/wasm")
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("a/b.JPG") == "image/jpeg")
        #expect(ContentType.of("results.csv") == "text/csv; charset=utf-8")
        #expect(ContentType.of("data.json") == "application/json")
        #expect(ContentType.of("robots.txt") == "text/plain; charset=utf-8")
        #expect(ContentType.of("LICENSE") == "application/octet-stream")
        #expect(ContentType.of(".hidden") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY>\n</html>".utf8)
        let injected = String(decoding: LiveReloadInjection.inject(into: page, build: "a-1"), as: UTF8.self)
        #expect(
            injected == "<html><body><p>&lt;/body&gt;</p><script src=\"/__tandem/live.js?build=a-1\"></script>\n</BODY>\n</html>")
        let fragment = String(decoding: LiveReloadInjection.inject(into: Array("<p>x</p>".utf8), build: "b"), as: UTF8.self)
        #expect(fragment == "<p>x</p><script src=\"/__tandem/live.js?build=b\"></script>\n")
    }

    @Test func errorEventsAreOneLineOfJSON() {
        let item = LiveReloadEvent.item(
            location: "content/a.md:3:5", severity: "error", message: "a \"quoted\" <b>tag</b>\nand a second line")
        let message = "event: errors\ndata: {\"errors\": [\(item)]}\n\n"
        #expect(message.dropLast(2).split(separator: "\n").count == 2)
        #expect(item.contains(#""location": "content/a.md:3:5""#))
        #expect(item.contains(#""text": "content/a.md:3:5: a \"quoted\" <b>tag</b>\nand a second line""#))
        #expect(LiveReloadEvent.hello(build: "x-1").message == "event: hello\ndata: {\"build\": \"x-1\"}\n\n")
        #expect(LiveReloadEvent.ping.message == ": ping\n\n")
        #expect(JSONText.quoted("\u{1}\u{2028}") == #""\u0001\u2028""#)
    }

    /// Whether a watcher reports `path` within 10 seconds.
    static func wait(until path: String, isIn seen: borrowing Mutex<[[String]]>) -> Bool {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if seen.withLock({ $0.joined().contains(path) }) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    @Test(arguments: [FileWatcher.Method.inotify, .polling])
    func watchersSeeNewFoldersAndTheirFiles(method: FileWatcher.Method) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seen = Mutex<[[String]]>([])
        let watcher = FileWatcher(roots: [root], method: method) { paths in seen.withLock { $0.append(paths) } }
        watcher.start()
        defer { watcher.stop() }
        func waitFor(_ path: String) -> Bool { Self.wait(until: path, isIn: seen) }
        try "one".write(toFile: root + "/a/one.md", atomically: false, encoding: .utf8)
        #expect(waitFor(root + "/a/one.md"))
        // A folder made after the watch started is watched too.
        try FileManager.default.createDirectory(atPath: root + "/b/c", withIntermediateDirectories: true)
        #expect(waitFor(root + "/b"))
        Thread.sleep(forTimeInterval: 0.05)
        try "two".write(toFile: root + "/b/c/two.md", atomically: false, encoding: .utf8)
        #expect(waitFor(root + "/b/c/two.md"))
        // Hidden files (editors' swap files) are not changes.
        try "swap".write(toFile: root + "/a/.one.md.swp", atomically: false, encoding: .utf8)
        try "three".write(toFile: root + "/a/three.md", atomically: false, encoding: .utf8)
        #expect(waitFor(root + "/a/three.md"))
        #expect(!seen.withLock { $0.joined().contains { $0.hasSuffix(".swp") } })
        #expect(watcher.method == method)
    }

    @Test(arguments: [FileWatcher.Method.inotify, .polling])
    func aRootMadeAfterTheStartIsWatched(method: FileWatcher.Method) throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent + "/content", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let later = parent + "/site-templates"
        let seen = Mutex<[[String]]>([])
        let watcher = FileWatcher(roots: [parent + "/content", later], method: method) { paths in
            seen.withLock { $0.append(paths) }
        }
        watcher.start()
        defer { watcher.stop() }
        func waitFor(_ path: String) -> Bool { Self.wait(until: path, isIn: seen) }
        // Other things made beside the roots are not changes of the site.
        try "x".write(toFile: parent + "/notes.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: later + "/layouts", withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.05)
        try "page".write(toFile: later + "/layouts/page.mustache", atomically: false, encoding: .utf8)
        #expect(waitFor(later + "/layouts/page.mustache"))
        #expect(!seen.withLock { $0.joined().contains(parent + "/notes.txt") })
        #expect(watcher.method == method)
    }
}

// MARK: - Helpers

/// A running `tandem serve`, its port read from what it prints.
final class ServeProcess: Sendable {
    /// What the process printed so far, on standard output and standard error.
    final class Output: Sendable {
        let text = Mutex("")
    }

    let port: Int
    private let process: Process
    private let printed: Output

    init(in site: String, arguments: [String] = ["serve", "--port", "0"], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tandem.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: site)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let printed = Output()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let data = reader.availableData
                if data.isEmpty { return }
                printed.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        var port: Int?
        let deadline = ContinuousClock.now + .seconds(60)
        while port == nil && ContinuousClock.now < deadline && process.isRunning {
            let text = printed.text.withLock { $0 }
            if let range = text.range(of: #"Serving at http://127\.0\.0\.1:\d+/"#, options: .regularExpression) {
                port = Int(text[range].dropFirst("Serving at http://127.0.0.1:".count).dropLast())
            } else {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        guard let port else {
            process.terminate()
            throw ServeError("tandem serve did not start: \(printed.text.withLock { $0 })")
        }
        self.process = process
        self.printed = printed
        self.port = port
    }

    var output: String { printed.text.withLock { $0 } }

    func waitForOutput(containing text: String, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if output.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Sends the signal (Ctrl-C by default) and waits for the exit status; -1 when it did not stop.
    func stop(signal: Int32 = SIGINT, timeout: Duration = .seconds(15)) -> Int32 {
        Glibc.kill(process.processIdentifier, signal)
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { return -1 }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { process.terminate() }
    }
}

struct ServeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// HTTP/1.1 over a plain socket: the request target goes out exactly as written (URLSession would
/// normalise `..` away before sending it).
enum HTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func request(_ target: String, method: String = "GET", port: Int) throws -> Response {
        let socket = try Socket(port: port)
        defer { socket.close() }
        try socket.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var raw: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while let bytes = try socket.receive(until: deadline) { raw += bytes }
        guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { throw ServeError("no response head") }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" {
            var decoder = ChunkedDecoder()
            body = decoder.feed(body)
        }
        if method == "HEAD" { body = Array(raw[end.upperBound...]) }
        return Response(status: status, headers: headers, body: body)
    }
}

/// A page's view of `/__tandem/events`.
final class EventStream {
    struct Event: Equatable {
        var event: String
        var data: String
        /// The build named by a hello or reload event.
        var build: String {
            guard let range = data.range(of: #""build": ""#) else { return "" }
            return String(data[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    private let socket: Socket
    private var decoder = ChunkedDecoder()
    private var text = ""
    private var headRead = false
    private var raw: [UInt8] = []

    init(port: Int) throws {
        socket = try Socket(port: port)
        try socket.send("GET /__tandem/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { socket.close() }

    /// The next event (comments and `retry:` skipped), or nil when the stream ended or the time is up.
    func next(timeout: Duration = .seconds(30), skipping: Set<String> = []) throws -> Event? {
        let deadline = ContinuousClock.now + timeout
        while true {
            while let blank = text.range(of: "\n\n") {
                let block = text[..<blank.lowerBound]
                text = String(text[blank.upperBound...])
                var event = Event(event: "message", data: "")
                var hasData = false
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("event: ") { event.event = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") {
                        event.data += (hasData ? "\n" : "") + line.dropFirst(6)
                        hasData = true
                    }
                }
                if hasData && !skipping.contains(event.event) { return event }
            }
            guard let bytes = try socket.receive(until: deadline) else { return nil }
            if headRead {
                text += String(decoding: decoder.feed(bytes), as: UTF8.self)
            } else {
                raw += bytes
                if let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) {
                    headRead = true
                    text += String(decoding: decoder.feed(Array(raw[end.upperBound...])), as: UTF8.self)
                }
            }
        }
    }
}

/// Undoes `Transfer-Encoding: chunked`, fed as bytes arrive.
struct ChunkedDecoder {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var out: [UInt8] = []
        while let lineEnd = pending.firstRange(of: Array("\r\n".utf8)) {
            let size =
                Int(String(decoding: pending[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
            guard pending.count >= lineEnd.upperBound + size + 2 else { break }
            out += pending[lineEnd.upperBound..<(lineEnd.upperBound + size)]
            pending.removeFirst(lineEnd.upperBound + size + 2)
            if size == 0 { break }
        }
        return out
    }
}

/// A TCP connection to 127.0.0.1.
final class Socket: Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            throw ServeError("cannot connect to port \(port)")
        }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw ServeError("send failed") }
    }

    /// Bytes that arrived, or nil at the end of the stream or when the time is up.
    func receive(until deadline: ContinuousClock.Instant) throws -> [UInt8]? {
        let left = deadline - ContinuousClock.now
        guard left > .zero else { return nil }
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
        guard poll(&waiting, 1, milliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { return nil }
        return Array(buffer[..<count])
    }

    func close() {
        Glibc.close(fd)
    }
}

/// A listening socket that holds a port.
final class Listener {
    let fd: Int32
    let port: Int

    init(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(fd)
            throw ServeError("port \(port) is taken")
        }
        self.fd = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { Glibc.close(fd) }
}
