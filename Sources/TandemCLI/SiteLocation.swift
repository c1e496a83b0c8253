internal import ArgumentParser
internal import Core
internal import DefaultSite
internal import Render
internal import Site

#if canImport(Glibc)
    internal import Glibc
#endif

/// Where a site's content, theme and output are, from the options every site command shares.
/// `--drafts`, the same for `tandem build`, `check` and `serve`.
struct DraftsOption: ParsableArguments {
    @Flag(name: .customLong("drafts"), help: "Include pages marked draft: true.")
    var include = false
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(
        name: .long,
        help:
            "The site's own theme folder; its files replace the default theme's. Default: site-templates beside the content folder, when it exists."
    )
    var templates: String?

    /// What a build of this site needs: its folders, the theme layers and the files every site
    /// with questionnaires publishes.
    func buildOptions(output: String, drafts: Bool) throws -> BuildOptions {
        BuildOptions(
            contentDirectory: content, themeLayers: try themeLayers(), outputDirectory: output, includeDrafts: drafts,
            publishedFiles: DefaultSite.schemas)
    }

    /// The site's own theme folder: `--templates`, or `site-templates` beside the content folder.
    var ownTemplates: String {
        templates ?? URLPath.siblingOf(content, named: "site-templates")
    }

    /// The theme layers, lowest first: the default theme, then the site's own templates.
    func themeLayers() throws -> [ThemeLayer] {
        var layers = [DefaultTheme.layer()]
        let own = ownTemplates
        if FileSystem.isDirectory(own) {
            layers.append(.directory(own))
        } else if templates != nil {
            throw ValidationError("the templates folder \(own) does not exist")
        }
        return layers
    }
}

/// The default theme that ships inside the binary.
enum DefaultTheme {
    /// The built-in theme, or the folder `TANDEM_THEME` names (for people working on the theme).
    static func layer() -> ThemeLayer {
        if let folder = getenv("TANDEM_THEME") { return .directory(String(cString: folder)) }
        return .files(name: "the built-in theme", DefaultSite.theme)
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
    guard milliseconds >= 1000 else { return "\(milliseconds) ms" }
    // Whole hundredths of a second, the rest of the milliseconds cut: 1.239 s is `1.23 s`.
    return FixedPoint(digits: 2).format(Double(milliseconds / 10) / 100) + " s"
}

/// Writes all of `bytes` to a file descriptor (1: standard output, 2: standard error), however
/// many `write` calls it takes; stops quietly when the reader is gone.
func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
