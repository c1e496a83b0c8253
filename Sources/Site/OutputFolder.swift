internal import Model

#if canImport(Glibc)
    internal import Glibc
#endif

/// One file of the built site.
struct OutputFile: Sendable {
    var path: String
    /// Pages keep their text: writing its UTF-8 directly saves a copy of every page.
    private var text: String?
    private var data: [UInt8]?

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.data = bytes
    }

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    var bytes: [UInt8] { data ?? Array(text!.utf8) }

    func write(to file: String) throws(FileSystemError) {
        if let data {
            try FileSystem.write(data, to: file)
        } else {
            try FileSystem.write(text!, to: file)
        }
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
            DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: display),
                    "cannot build into this folder: \(why); choose another --output folder, such as public")
            ])
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
            // Folders level by level (parents first), each level in parallel.
            let levels = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == 0x2F }) }
            for depth in levels.keys.sorted() {
                let level = levels[depth]!.sorted()
                let failures = parallelMap(level.count) { i -> FileSystemError? in
                    do throws(FileSystemError) { try FileSystem.createFolder(staging + "/" + level[i]) } catch { return error }
                    return nil
                }
                if let failure = failures.compactMap({ $0 }).first { throw failure }
            }
            let failures = parallelMap(files.count) { i -> FileSystemError? in
                do throws(FileSystemError) { try files[i].write(to: staging + "/" + files[i].path) } catch { return error }
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
                try Self.remove(retired)
            } else {
                try FileSystem.rename(staging, to: path)
            }
        } catch {
            try? FileSystem.removeTree(staging)
            throw error
        }
    }

    /// Removes a whole output tree, its subtrees in parallel: the previous build of a large site
    /// has as many files as it has pages.
    static func remove(_ folder: String) throws(FileSystemError) {
        // Work items: everything two levels down, so one big section does not keep a core idle.
        var items: [String] = []
        var folders: [String] = [folder]
        for (name, isFolder) in FileSystem.entries(folder) {
            let child = folder + "/" + name
            guard isFolder else {
                items.append(child)
                continue
            }
            folders.append(child)
            for (inner, _) in FileSystem.entries(child) { items.append(child + "/" + inner) }
        }
        let work = items
        let failures = parallelMap(work.count) { i -> FileSystemError? in
            do throws(FileSystemError) { try FileSystem.removeTree(work[i]) } catch { return error }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for path in folders.reversed() { try FileSystem.removeTree(path) }
    }
}
