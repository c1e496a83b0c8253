#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Plain POSIX file access: no Foundation in the hot paths, no fsync per file.
public enum FileSystem {
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// What is at a path, without following a symbolic link there.
    public enum Kind: Sendable, Equatable {
        case file, folder
        /// Anything else, named for a person: "a device", "a named pipe", ...
        case other(String)
    }

    /// What is at a path (a symbolic link is not followed), or nil when nothing is.
    public static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFCHR, S_IFBLK: return .other("a device")
        case S_IFIFO: return .other("a named pipe")
        case S_IFSOCK: return .other("a socket")
        case S_IFLNK: return .other(stat(path, &info) == 0 ? "a symbolic link" : "a symbolic link to nothing")
        default: return .other("not a file or a folder")
        }
    }

    /// The file's bytes, or nil when it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        // Non-blocking, so a named pipe put where a file was listed cannot stall the build.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // The size read first, into room not filled beforehand; then whatever the file grew by.
        let size = Int(info.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = read(fd, buffer.baseAddress! + count, size - count)
                if got <= 0 {
                    failed = got < 0
                    return
                }
                count += got
            }
        }
        if failed { return nil }
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { buffer in read(fd, buffer.baseAddress!, buffer.count) }
            if got < 0 { return nil }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// The file as UTF-8 text (invalid bytes replaced), or nil when it cannot be read.
    public static func readText(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes a whole file, creating or truncating it.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path: path, action: "create", code: errno) }
        defer { close(fd) }
        let result: Int? = bytes.withContiguousStorageIfAvailable { (buffer: UnsafeBufferPointer<UInt8>) -> Int in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { return -1 }
                offset += n
            }
            return offset
        }
        if let result {
            if result < 0 { throw FileSystemError(path: path, action: "write", code: errno) }
        } else {
            try write(Array(bytes), to: path)
        }
    }

    /// Creates a new file with these bytes; an existing file or link at the path is never followed
    /// or replaced (the call fails with `EEXIST`).
    public static func create(_ bytes: [UInt8], at path: String) throws(FileSystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path: path, action: "create", code: errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 { throw FileSystemError(path: path, action: "write", code: errno) }
            offset += n
        }
    }

    public static func write(_ text: String, to path: String) throws(FileSystemError) {
        try write(text.utf8, to: path)
    }

    /// Creates a folder and its missing parents.
    public static func makeDirectory(_ path: String) throws(FileSystemError) {
        if isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectory(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(path: path, action: "create the folder", code: errno)
        }
    }

    /// Every regular file below `root`, as sorted paths relative to it; hidden files and folders
    /// (names starting with `.`) are skipped, and so are the symbolic links `listing` skips.
    public static func listFiles(_ root: String, within boundary: String? = nil) -> [String] {
        listing(root, within: boundary).files
    }

    /// Every regular file below `root`, and the symbolic links that were not followed.
    ///
    /// Hidden files and folders (names starting with `.`) are skipped. A symbolic link is followed
    /// only when its target is inside `boundary` (by default `root` itself): a link to a file or a
    /// folder outside is skipped, so a link to `/etc/passwd` is never read or published. A link to a
    /// folder that holds the link (a loop) is skipped, and links to folders are followed one level
    /// only (not inside a folder reached through a link), so the walk always ends and never lists a
    /// file more than once per link.
    ///
    /// - Parameters:
    ///   - boundary: the folder links must stay in; `root` itself must be inside it, or nothing is listed.
    ///   - privateFolders: paths relative to `boundary` (`results/`, `site.yml`) that a link from
    ///     elsewhere must not reach: what is data there is not published through a link.
    public static func listing(_ root: String, within boundary: String? = nil, privateFolders: [String] = [])
        -> FolderListing
    {
        var listing = FolderListing()
        var rootInfo = stat()
        guard stat(root, &rootInfo) == 0, (rootInfo.st_mode & S_IFMT) == S_IFDIR else { return listing }
        let inside = canonical(boundary ?? root)
        guard isInside(root, inside) else {
            listing.skipped.append((".", "is outside \(display(inside)); nothing in it is read"))
            return listing
        }
        let walk = FolderWalk(boundary: inside, rootPrefix: relativePrefix(of: root, in: inside), privateFolders: privateFolders)
        walk.walk(root, prefix: "", ancestors: [FolderWalk.identity(rootInfo)], throughLink: false, into: &listing)
        listing.files.sort()
        listing.folders.sort()
        return listing
    }

    /// Removes a file or a folder with everything in it. Symbolic links are removed, never followed.
    public static func removeTree(_ path: String) throws(FileSystemError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            try removeFolder(path)
        } else if unlink(path) != 0 {
            throw FileSystemError(path: path, action: "remove", code: errno)
        }
    }

    /// Removes a folder's entries and the folder; entries' kinds come from `readdir`, so there is no
    /// `stat` per file.
    static func removeFolder(_ path: String) throws(FileSystemError) {
        for (name, isFolder) in entries(path) {
            let child = path + "/" + name
            if isFolder {
                try removeFolder(child)
            } else if unlink(child) != 0 {
                throw FileSystemError(path: child, action: "remove", code: errno)
            }
        }
        if rmdir(path) != 0 { throw FileSystemError(path: path, action: "remove", code: errno) }
    }

    /// The names in a folder (without `.` and `..`), and whether each is a folder (not a link to one).
    public static func entries(_ path: String) -> [(name: String, isFolder: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var result: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }

    /// The names in a folder, without `.` and `..`.
    static func names(_ path: String) -> [String] {
        entries(path).map(\.name)
    }

    /// Whether a path, its links resolved, is the folder `boundary` (a canonical path) or inside it.
    public static func isInside(_ path: String, _ boundary: String) -> Bool {
        guard let resolved = resolved(path) else { return false }
        return resolved == boundary || resolved.hasPrefix(boundary == "/" ? "/" : boundary + "/")
    }

    /// `content/results` in `content` -> `results/`: where a folder lies inside the boundary.
    static func relativePrefix(of folder: String, in boundary: String) -> String {
        guard let resolved = resolved(folder), resolved.count > boundary.count else { return "" }
        return String(resolved.dropFirst(boundary == "/" ? 1 : boundary.count + 1)) + "/"
    }

    /// The absolute, symlink-free path of an existing file or folder, or nil.
    public static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Creates one folder whose parent exists; an existing folder is fine.
    public static func createFolder(_ path: String) throws(FileSystemError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(path: path, action: "create the folder", code: errno)
        }
    }

    public static func rename(_ from: String, to: String) throws(FileSystemError) {
        if Glibc.rename(from, to) != 0 { throw FileSystemError(path: from, action: "move", code: errno) }
    }

    /// The absolute, symlink-free form of a path that may not exist yet (its existing parent is resolved).
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        if let resolved = realpath(absolute, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let slash = absolute.lastIndex(of: "/") else { return absolute }
        let parent = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
        let name = String(absolute[absolute.index(after: slash)...])
        let base = canonical(parent)
        if name.isEmpty || name == "." { return base }
        if name == ".." { return parentOf(base) }
        return base == "/" ? "/" + name : base + "/" + name
    }

    static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }

    /// The user's home folders: `$HOME` when it is set and not empty, and the one the user database
    /// names (they differ when `HOME` points elsewhere, as in some CI jobs).
    public static func homeDirectories() -> [String] {
        var homes: [String] = []
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { homes.append(home) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            let home = String(cString: dir)
            if !home.isEmpty && !homes.contains(home) { homes.append(home) }
        }
        return homes
    }

    /// A path as the user should see it: relative to the working folder when it is inside it.
    public static func display(_ path: String) -> String {
        let cwd = currentDirectory()
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}

/// What `FileSystem.listing` found below a folder.
public struct FolderListing: Sendable {
    /// The regular files, as sorted paths relative to the folder.
    public var files: [String] = []
    /// The folders walked (those reached through a followed link too), as sorted paths relative to
    /// the folder, the folder itself not included.
    public var folders: [String] = []
    /// The symbolic links that were not followed, by path relative to the folder, with the reason.
    public var skipped: [(path: String, reason: String)] = []

    public init() {}
}

/// One walk of a folder tree for `FileSystem.listing`.
private struct FolderWalk {
    /// The canonical folder that every followed link must point into.
    let boundary: String
    /// Where the walk's root lies inside the boundary (`results/`), or `` for the boundary itself.
    let rootPrefix: String
    /// Paths relative to the boundary that a link from outside them must not reach.
    let privateFolders: [String]

    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static func identity(_ info: stat) -> Identity {
        Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    func walk(
        _ directory: String, prefix: String, ancestors: Set<Identity>, throughLink: Bool, into listing: inout FolderListing
    ) {
        for name in FileSystem.names(directory).sorted() where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let relative = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = Self.identity(info)
                // A folder mounted inside itself (a bind mount) is a loop without a link.
                if ancestors.contains(id) {
                    listing.skipped.append((relative, "is a folder that holds itself (a loop); skipped"))
                    continue
                }
                listing.folders.append(relative)
                walk(path, prefix: relative + "/", ancestors: ancestors.union([id]), throughLink: throughLink, into: &listing)
            case S_IFREG:
                listing.files.append(relative)
            case S_IFLNK:
                followLink(path, relative: relative, ancestors: ancestors, throughLink: throughLink, into: &listing)
            default:
                continue  // devices, pipes and sockets are never content
            }
        }
    }

    /// `results/a.csv` is in `results/`; `site.yml` is in `site.yml`.
    static func isIn(_ path: String, _ folder: String) -> Bool {
        folder.hasSuffix("/") ? path.hasPrefix(folder) || path + "/" == folder : path == folder
    }

    private func followLink(
        _ path: String, relative: String, ancestors: Set<Identity>, throughLink: Bool, into listing: inout FolderListing
    ) {
        guard let resolved = FileSystem.resolved(path) else {
            listing.skipped.append((relative, "is a symbolic link to nothing (its target does not exist); skipped"))
            return
        }
        let inside = resolved == boundary || resolved.hasPrefix(boundary == "/" ? "/" : boundary + "/")
        guard inside else {
            listing.skipped.append(
                (
                    relative,
                    "is a symbolic link to \(resolved), outside \(FileSystem.display(boundary)); skipped, "
                        + "because only links to files inside it are read"
                ))
            return
        }
        let target = resolved == boundary ? "" : String(resolved.dropFirst(boundary == "/" ? 1 : boundary.count + 1))
        if target.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            listing.skipped.append((relative, "is a symbolic link to a hidden file or folder (\(target)); skipped"))
            return
        }
        let from = rootPrefix + relative
        for folder in privateFolders where Self.isIn(target, folder) && !Self.isIn(from, folder) {
            listing.skipped.append(
                (relative, "is a symbolic link to \(target), which is the site's data, not a file to publish; skipped"))
            return
        }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            listing.files.append(relative)
        case S_IFDIR:
            let id = Self.identity(info)
            if ancestors.contains(id) {
                listing.skipped.append(
                    (relative, "is a symbolic link to a folder that holds it (a loop); skipped"))
            } else if throughLink {
                listing.skipped.append(
                    (
                        relative,
                        "is a symbolic link to a folder inside a folder that is itself reached through a link; "
                            + "skipped, because links are followed one level only"
                    ))
            } else {
                listing.folders.append(relative)
                walk(path, prefix: relative + "/", ancestors: ancestors.union([id]), throughLink: true, into: &listing)
            }
        default:
            return
        }
    }
}

/// A file-system call that failed.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var action: String
    public var code: Int32

    public init(path: String, action: String, code: Int32) {
        self.path = path
        self.action = action
        self.code = code
    }

    public var description: String {
        "\(FileSystem.display(path)): cannot \(action): \(String(cString: strerror(code)))"
    }
}
