internal import Core

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
///
/// The contract (docs/authoring.md, "The output folder"): Tandem replaces only a folder it wrote
/// itself — one holding the marker file `.tandem-output` — or an empty one. It refuses a file, a
/// device, a folder with other files in it, the root, any folder that is or holds the home folder,
/// and any folder that is, holds or lies inside the content or theme folder. A build writes into a
/// staging folder beside the output (`.public.tandem-new-<pid>-<random>`) and swaps it in; staging folders
/// that a killed build left behind are recognised by their marker and their dead process, and removed.
struct OutputFolder {
    /// The file every output folder (and staging folder) Tandem writes holds.
    static let markerName = ".tandem-output"
    static let marker = Array(
        "This folder was written by tandem build. Each build replaces it as a whole: do not keep other files in it.\n"
            .utf8)

    /// The canonical absolute path.
    let path: String

    /// Refuses output folders whose replacement would destroy something that Tandem did not write.
    static func checked(
        _ output: String, content: String, themes: [String], homes: [String] = FileSystem.homeDirectories()
    ) throws(DiagnosticsError) -> OutputFolder {
        let display = FileSystem.display(output)
        func refuse(_ why: String, _ advice: String = "choose another --output folder, such as public") -> DiagnosticsError {
            DiagnosticsError([Diagnostic(SourceLocation(file: display), "cannot build into this folder: \(why); \(advice)")])
        }
        if output.isEmpty { throw refuse("its name is empty") }
        let path = FileSystem.canonical(output)
        if path == "/" { throw refuse("it is the root of the file system") }
        for home in homes.map(FileSystem.canonical) where home != "/" {
            if home == path { throw refuse("it is your home folder") }
            if home.hasPrefix(path + "/") { throw refuse("it holds your home folder \(home)") }
        }
        let protected = [("content", content)] + themes.filter(FileSystem.isDirectory).map { ("theme", $0) }
        for (what, folder) in protected {
            let other = FileSystem.canonical(folder)
            if other == path { throw refuse("it is the \(what) folder") }
            if other.hasPrefix(path + "/") { throw refuse("it holds the \(what) folder \(FileSystem.display(folder))") }
            if path.hasPrefix(other + "/") { throw refuse("it is inside the \(what) folder \(FileSystem.display(folder))") }
        }
        switch FileSystem.kind(path) {
        case nil:
            break
        case .folder?:
            let names = FileSystem.entries(path).map(\.name)
            if !names.isEmpty && !FileSystem.isRegularFile(path + "/" + markerName) {
                throw refuse(
                    "it is not empty, and tandem build did not write it (it has no \(markerName) file)",
                    "choose a new or empty --output folder; if it holds an earlier build of this site only, remove it and build again"
                )
            }
        case .file?:
            throw refuse("it is a file, not a folder")
        case .other(let kind)?:
            throw refuse("it is \(kind), not a folder")
        }
        return OutputFolder(path: path)
    }

    /// Writes every file into a new folder beside the output folder, then swaps it in.
    ///
    /// Until the swap, the old output is untouched; a failure removes the new folder and nothing else.
    func replace(with files: [OutputFile]) throws(FileSystemError) {
        let parent = FileSystem.canonical(path + "/..")
        let name = URLPath.lastComponent(path)
        try FileSystem.makeDirectory(parent)
        Self.removeDebris(in: parent, of: name)
        let (staging, lock) = try Self.makeStaging(in: parent, of: name)
        defer { close(lock) }
        do throws(FileSystemError) {
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
                let retired = Self.stagingName(in: parent, of: name, kind: "old")
                try FileSystem.rename(path, to: retired)
                // What was moved aside must still be what was checked before the render: Tandem's
                // own folder or an empty one. Anything else goes back where it was, untouched.
                guard Self.isReplaceable(retired) else {
                    try? FileSystem.rename(retired, to: path)
                    throw FileSystemError(
                        path: path, action: "replace it: it changed during the build and is no longer Tandem's output",
                        code: EEXIST)
                }
                let retiredLock = Self.lock(retired + "/" + Self.markerName, wait: true)
                defer { if retiredLock >= 0 { close(retiredLock) } }
                do throws(FileSystemError) { try FileSystem.rename(staging, to: path) } catch {
                    try? FileSystem.rename(retired, to: path)
                    throw error
                }
                try Self.remove(retired)
            } else {
                try FileSystem.rename(staging, to: path)
            }
        } catch {
            try? Self.remove(staging)
            throw error
        }
    }

    /// Whether a folder may be replaced: a real folder (not a link) that holds the marker or nothing.
    static func isReplaceable(_ folder: String) -> Bool {
        FileSystem.kind(folder) == .folder
            && (FileSystem.isRegularFile(folder + "/" + markerName) || FileSystem.entries(folder).isEmpty)
    }

    /// `.<name>.tandem-<kind>-<pid>-<random>` beside the output: never an existing name.
    static func stagingName(in parent: String, of name: String, kind: String) -> String {
        while true {
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let candidate = "\(parent)/.\(name).tandem-\(kind)-\(getpid())-\(suffix)"
            if !FileSystem.exists(candidate) { return candidate }
        }
    }

    /// A new staging folder with the marker in it, locked (`flock`) for as long as the build runs,
    /// so no other build takes it for debris, whatever its process id looks like from there.
    static func makeStaging(in parent: String, of name: String) throws(FileSystemError) -> (String, Int32) {
        while true {
            let staging = stagingName(in: parent, of: name, kind: "new")
            if mkdir(staging, 0o755) != 0 {
                if errno == EEXIST { continue }
                throw FileSystemError(path: staging, action: "create the folder", code: errno)
            }
            do throws(FileSystemError) {
                try FileSystem.create(marker, at: staging + "/" + markerName)
            } catch {
                _ = rmdir(staging)
                throw error
            }
            return (staging, lock(staging + "/" + markerName, wait: true))
        }
    }

    /// An exclusive `flock` on a marker file: the descriptor holding it, or -1 when the file cannot
    /// be opened or (without waiting) another process holds the lock.
    static func lock(_ marker: String, wait: Bool) -> Int32 {
        let fd = open(marker, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return -1 }
        if flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    /// Removes the staging folders of builds that were killed before they could clean up: a hidden
    /// folder beside the output named `.<name>.tandem-new-<pid>-…` or `.<name>.tandem-old-<pid>-…`
    /// whose process is gone and which holds the marker, unlocked (or holds nothing at all).
    static func removeDebris(in parent: String, of name: String) {
        for (entry, isFolder) in FileSystem.entries(parent) where isFolder {
            guard let pid = debrisPID(entry, of: name), pid != getpid(), !isRunning(pid) else { continue }
            let folder = parent + "/" + entry
            if FileSystem.isRegularFile(folder + "/" + markerName) {
                let held = lock(folder + "/" + markerName, wait: false)
                guard held >= 0 else { continue }  // a build in another process namespace is still writing it
                defer { close(held) }
                try? remove(folder)
            } else if FileSystem.entries(folder).isEmpty {
                _ = rmdir(folder)
            }
        }
    }

    /// The process id in a staging folder's name `.<name>.tandem-new-<pid>-<hex>` (or `-old-`, or
    /// without the `-<hex>` of earlier versions), or nil when the name is not a staging folder's.
    static func debrisPID(_ entry: String, of name: String) -> pid_t? {
        for kind in ["new", "old"] {
            let prefix = ".\(name).tandem-\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let rest = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard rest.count == 1 || (rest.count == 2 && !rest[1].isEmpty && rest[1].allSatisfy(\.isHexDigit)) else {
                return nil
            }
            let digits = rest[0]
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let pid = pid_t(digits), pid > 0
            else { return nil }
            return pid
        }
        return nil
    }

    /// Whether a process with this id exists (one that is not ours to signal still exists).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes a whole output tree, its subtrees in parallel: the previous build of a large site
    /// has as many files as it has pages.
    static func remove(_ folder: String) throws(FileSystemError) {
        // Only a real folder: a link put in its place is never followed.
        guard FileSystem.kind(folder) == .folder else {
            throw FileSystemError(path: folder, action: "remove it: it is not a folder", code: ENOTDIR)
        }
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
