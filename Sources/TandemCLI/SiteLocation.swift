internal import ArgumentParser
internal import Model
#if canImport(Glibc)
    internal import Glibc
#endif

/// Where a site's content, theme and output are, from the options every site command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The site's own theme folder; its files replace the default theme's. Default: site-templates beside the content folder, when it exists.")
    var templates: String?

    /// The theme layers, lowest first: the default theme, then the site's own templates.
    func themeLayers() throws -> [String] {
        var layers: [String] = []
        if let builtIn = DefaultTheme.locate() { layers.append(builtIn) }
        let own = templates ?? URLPath.siblingOf(content, named: "site-templates")
        if FileSystem.isDirectory(own) {
            if layers.first.map({ FileSystem.canonical($0) != FileSystem.canonical(own) }) ?? true { layers.append(own) }
        } else if templates != nil {
            throw ValidationError("the templates folder \(own) does not exist")
        }
        if layers.isEmpty {
            throw ValidationError(
                "no theme found: pass --templates DIR, or set TANDEM_THEME to the default theme's folder (site-templates)")
        }
        return layers
    }
}

/// The default theme that ships with Tandem.
enum DefaultTheme {
    /// `TANDEM_THEME`, or `site-templates` of the source tree the binary was built in, or
    /// `share/tandem/site-templates` of the prefix it is installed in.
    static func locate() -> String? {
        if let env = getenv("TANDEM_THEME") { return String(cString: env) }
        var folder = FileSystem.canonical(executablePath())
        for _ in 0..<5 {
            folder = FileSystem.canonical(folder + "/..")
            for candidate in [folder + "/site-templates", folder + "/share/tandem/site-templates"]
            where FileSystem.exists(candidate + "/layouts/page.mustache") {
                return candidate
            }
        }
        return nil
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }
}

enum URLPath {
    /// `content` -> `site-templates`; `sites/acme/content` -> `sites/acme/site-templates`.
    static func siblingOf(_ path: String, named name: String) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return name }
        return String(trimmed[...slash]) + name
    }
}

/// Prints every diagnostic on standard error, as `file:line:column: error: message`.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        var line = diagnostic.description + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}

func seconds(_ value: Double) -> String {
    let milliseconds = Int((value * 1000).rounded())
    return milliseconds < 1000 ? "\(milliseconds) ms" : "\(milliseconds / 1000).\(String(milliseconds % 1000 / 10 + 100).dropFirst()) s"
}
