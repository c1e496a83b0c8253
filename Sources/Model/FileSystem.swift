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

    /// The file's bytes, or nil when it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 { return nil }
            if count == 0 { break }
            offset += count
        }
        bytes.removeLast(bytes.count - offset)
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
    /// (names starting with `.`) are skipped.
    public static func listFiles(_ root: String) -> [String] {
        var result: [String] = []
        walk(root, prefix: "", into: &result)
        return result.sorted()
    }

    private static func walk(_ directory: String, prefix: String, into result: inout [String]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, prefix: prefix + name + "/", into: &result)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                result.append(prefix + name)
            }
        }
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

    public static func homeDirectory() -> String? {
        getenv("HOME").map { String(cString: $0) }
    }

    /// A path as the user should see it: relative to the working folder when it is inside it.
    public static func display(_ path: String) -> String {
        let cwd = currentDirectory()
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}

/// A file-system call that failed.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var action: String
    public var code: Int32

    public var description: String {
        "\(FileSystem.display(path)): cannot \(action): \(String(cString: strerror(code)))"
    }
}
