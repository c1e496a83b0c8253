internal import Model
#if canImport(Glibc)
    internal import Glibc
#endif

/// One file of the built site.
struct OutputFile: Sendable {
    var path: String
    var bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }
}

/// The output folder, checked to be safe to replace, and replaced only by a complete build.
struct OutputFolder {
    /// The canonical absolute path.
    let path: String

    /// Refuses output folders whose replacement would destroy something else: `/`, the home folder,
    /// the content or theme folder, or any folder holding one of them.
    static func checked(_ output: String, content: String, themes: [String]) throws(DiagnosticsError) -> OutputFolder {
        let path = FileSystem.canonical(output)
        let display = FileSystem.display(output)
        func refuse(_ why: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(SourceLocation(file: display), "cannot build into this folder: \(why); choose another --output folder, such as public")])
        }
        if path == "/" { throw refuse("it is the root of the file system") }
        if let home = FileSystem.homeDirectory(), FileSystem.canonical(home) == path { throw refuse("it is your home folder") }
        let protected = [("content", content)] + themes.filter(FileSystem.isDirectory).map { ("theme", $0) }
        for (what, folder) in protected {
            let other = FileSystem.canonical(folder)
            if other == path { throw refuse("it is the \(what) folder") }
            if other.hasPrefix(path + "/") { throw refuse("it holds the \(what) folder \(FileSystem.display(folder))") }
            if path.hasPrefix(other + "/") { throw refuse("it is inside the \(what) folder \(FileSystem.display(folder))") }
        }
        return OutputFolder(path: path)
    }

    /// Writes every file into a new folder beside the output folder, then swaps it in.
    ///
    /// Until the swap, the old output is untouched; a failure removes the new folder and nothing else.
    func replace(with files: [OutputFile]) throws(FileSystemError) {
        let parent = FileSystem.canonical(path + "/..")
        let name = URLPath.lastComponent(path)
        let pid = getpid()
        let staging = "\(parent)/.\(name).tandem-new-\(pid)"
        let retired = "\(parent)/.\(name).tandem-old-\(pid)"
        try FileSystem.makeDirectory(parent)
        try FileSystem.removeTree(staging)
        do throws(FileSystemError) {
            try FileSystem.makeDirectory(staging)
            var folders = Set<String>()
            for file in files {
                var folder = URLPath.directory(file.path)
                while !folder.isEmpty, folders.insert(folder).inserted { folder = URLPath.directory(folder) }
            }
            for folder in folders.sorted() { try FileSystem.makeDirectory(staging + "/" + folder) }
            let failures = parallelMap(files.count) { i -> FileSystemError? in
                do throws(FileSystemError) { try FileSystem.write(files[i].bytes, to: staging + "/" + files[i].path) } catch { return error }
                return nil
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            if FileSystem.exists(path) {
                try FileSystem.removeTree(retired)
                try FileSystem.rename(path, to: retired)
                do throws(FileSystemError) { try FileSystem.rename(staging, to: path) } catch {
                    try? FileSystem.rename(retired, to: path)
                    throw error
                }
                try FileSystem.removeTree(retired)
            } else {
                try FileSystem.rename(staging, to: path)
            }
        } catch {
            try? FileSystem.removeTree(staging)
            throw error
        }
    }
}
