#if os(Linux)
    internal import Core
    internal import Glibc

    /// Linux inotify over folder trees: a watch on every folder, and on each folder made later.
    ///
    /// inotify watches one folder, not its subfolders, so each one gets its own watch; a folder made
    /// (or moved in) later is added when its event arrives, with whatever it already holds. Each
    /// root's parent is watched too, so a root made (again) after the start is watched from then on.
    /// Made on the caller's thread, then used only by the watcher's thread.
    final class Inotify: @unchecked Sendable {
        let fd: Int32
        private let roots: [String]
        private var folders: [Int32: String] = [:]
        /// The watched parents of the roots: which roots each one may come to hold.
        private var parents: [Int32: [String]] = [:]
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        // <sys/inotify.h>; spelled out because the C macros do not all reach Swift.
        static let modify: UInt32 = 0x0000_0002
        static let attrib: UInt32 = 0x0000_0004
        static let closeWrite: UInt32 = 0x0000_0008
        static let movedFrom: UInt32 = 0x0000_0040
        static let movedTo: UInt32 = 0x0000_0080
        static let create: UInt32 = 0x0000_0100
        static let delete: UInt32 = 0x0000_0200
        static let deleteSelf: UInt32 = 0x0000_0400
        static let moveSelf: UInt32 = 0x0000_0800
        static let overflow: UInt32 = 0x0000_4000
        static let ignored: UInt32 = 0x0000_8000
        static let onlyDirectory: UInt32 = 0x0100_0000
        static let maskAdd: UInt32 = 0x2000_0000
        static let isDirectory: UInt32 = 0x4000_0000
        static let mask =
            modify | attrib | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf | onlyDirectory

        /// nil when the system has no inotify (or no watch could be set): the caller polls instead.
        init?(roots: [String]) {
            fd = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
            guard fd >= 0 else { return nil }
            self.roots = roots
            for root in roots {
                add(root)
                let parent = Self.parent(of: root)
                // Added to the mask of a folder watched already (a root's parent may be a root too).
                let wd = inotify_add_watch(fd, parent, Self.create | Self.movedTo | Self.onlyDirectory | Self.maskAdd)
                if wd >= 0 { parents[wd, default: []].append(root) }
            }
            if folders.isEmpty && parents.isEmpty {
                Glibc.close(fd)
                return nil
            }
        }

        func close() {
            Glibc.close(fd)
        }

        /// `site/content` -> `site`; `content` -> `.`; `/content` -> `/`.
        static func parent(of path: String) -> String {
            var trimmed = path
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            guard let slash = trimmed.lastIndex(of: "/") else { return "." }
            return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        }

        /// Watches a folder and every folder below it that is not hidden; for a folder already
        /// watched, updates its path (it may have moved) and looks for new subfolders.
        private func add(_ folder: String) {
            // The folders a build reads: the one walk of `FileSystem.listing`, links and all. A
            // folder reached twice (by its path and through a link) keeps the path seen first.
            var visited = Set<Int32>()
            for path in [folder] + FileSystem.listing(folder).folders.map({ folder + "/" + $0 }) {
                let wd = inotify_add_watch(fd, path, Self.mask)
                if wd >= 0, visited.insert(wd).inserted { folders[wd] = path }
            }
        }

        /// Reads the waiting events.
        ///
        /// - Returns: the paths that changed; a root itself when events were lost (queue overflow).
        func read() -> Set<String> {
            var changed = Set<String>()
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                        (
                            raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    handle(wd: wd, mask: mask, name: name, into: &changed)
                }
            }
            return changed
        }

        private static func lastComponent(_ path: String) -> String {
            var trimmed = path
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
        }

        private func handle(wd: Int32, mask: UInt32, name: String, into changed: inout Set<String>) {
            if mask & Self.overflow != 0 {
                // Events were lost: look for new folders everywhere and rebuild.
                for root in roots { add(root) }
                changed.formUnion(roots)
                return
            }
            if let awaited = parents[wd], mask & Self.isDirectory != 0, mask & (Self.create | Self.movedTo) != 0,
                let root = awaited.first(where: { Self.lastComponent($0) == name })
            {
                add(root)
                changed.insert(root)
            }
            guard let folder = folders[wd] else { return }
            if mask & Self.ignored != 0 {
                folders[wd] = nil
                return
            }
            if name.hasPrefix(".") { return }
            let path = name.isEmpty ? folder : folder + "/" + name
            if mask & Self.isDirectory != 0 && mask & (Self.create | Self.movedTo) != 0 {
                add(path)
            }
            changed.insert(path)
        }
    }
#endif
