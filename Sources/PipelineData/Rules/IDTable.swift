/// The leads' ids, each once, found by their bytes: an open-addressing hash table over one
/// buffer of bytes, so a million ids cost neither a string nor a hash of Swift's per row.
struct IDTable: Sendable {
    private var bytes: [UInt8] = []
    /// Where each id starts in `bytes`; one more entry marks the end of the last.
    private var starts: [Int] = [0]
    /// Per slot, the id's position plus one in the low 32 bits (0: empty) and 32 bits of its hash
    /// in the high ones, so most probes compare no bytes; a power of two long.
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)

    /// The slots loaded ahead by `append`, kept so that the loads are not left out.
    private var touched: UInt64 = 0

    var count: Int { starts.count - 1 }

    /// The id at a position, as text.
    func id(_ index: Int) -> String {
        String(decoding: bytes[starts[index]..<starts[index + 1]], as: UTF8.self)
    }

    /// The position of an id, or nil.
    func find(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(id)
        let tag = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var slot = hash & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry & 0xFFFF_FFFF_0000_0000 == tag, equals(Int(entry & 0xFFFF_FFFF) - 1, id) {
                    return Int(entry & 0xFFFF_FFFF) - 1
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func find(_ id: String) -> Int? {
        var text = id
        return text.withUTF8 { find($0) }
    }

    /// Adds an id; the position of the same id already there when it is not new.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        insert(id, hash: Self.hash(id))
    }

    /// Adds an id whose hash is known.
    private mutating func insert(_ id: UnsafeBufferPointer<UInt8>, hash: Int) -> (index: Int, isNew: Bool) {
        if count * 2 >= slots.count { grow() }
        let tag = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag, equals(Int(entry & 0xFFFF_FFFF) - 1, id) {
                return (Int(entry & 0xFFFF_FFFF) - 1, false)
            }
            slot = (slot + 1) & mask
        }
        let index = count
        slots[slot] = tag | UInt64(index + 1)
        if let base = id.baseAddress {
            bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: id.count))
        }
        starts.append(bytes.count)
        return (index, true)
    }

    mutating func insert(_ id: String) -> (index: Int, isNew: Bool) {
        var text = id
        return text.withUTF8 { insert($0) }
    }

    mutating func reserveCapacity(_ ids: Int) {
        var size = slots.count
        while size < ids * 2 { size *= 2 }
        if size > slots.count {
            slots = [UInt64](repeating: 0, count: size)
            rehash()
        }
        starts.reserveCapacity(ids + 1)
        bytes.reserveCapacity(ids * 12)
    }

    /// Adds the ids of another table after these, all or none: false, with nothing added, when
    /// one of them is already here.
    mutating func append(_ other: IDTable) -> Bool {
        let old = count
        reserveCapacity(count + other.count)
        let ok = other.bytes.withUnsafeBufferPointer { all in
            // In batches: the slots of a batch are loaded first, side by side, so that their cache
            // misses overlap instead of coming one after another.
            var hashes = [Int](repeating: 0, count: 32)
            var batch = 0
            while batch < other.count {
                let end = min(batch + hashes.count, other.count)
                let mask = slots.count - 1
                var touched: UInt64 = 0
                for index in batch..<end {
                    let id = UnsafeBufferPointer(rebasing: all[other.starts[index]..<other.starts[index + 1]])
                    let hash = Self.hash(id)
                    hashes[index - batch] = hash
                    touched |= slots[hash & mask]
                }
                self.touched = touched
                for index in batch..<end {
                    let id = UnsafeBufferPointer(rebasing: all[other.starts[index]..<other.starts[index + 1]])
                    if !insert(id, hash: hashes[index - batch]).isNew { return false }
                }
                batch = end
            }
            return true
        }
        if !ok { removeLast(count - old) }
        return ok
    }

    /// Takes out the last ids added; a slot is freed only for ids added after those left, so no
    /// probe of theirs crosses it.
    private mutating func removeLast(_ n: Int) {
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { all in
            for index in count - n..<count {
                let id = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
                var slot = Self.hash(id) & mask
                while slots[slot] & 0xFFFF_FFFF != UInt64(index + 1) { slot = (slot + 1) & mask }
                slots[slot] = 0
            }
        }
        bytes.removeLast(bytes.count - starts[count - n])
        starts.removeLast(n)
    }

    private func equals(_ index: Int, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == id.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            for i in 0..<length where all[start + i] != id[i] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        rehash()
    }

    private mutating func rehash() {
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { all in
            for index in 0..<count {
                let id = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
                let hash = Self.hash(id)
                var slot = hash & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt64(truncatingIfNeeded: hash) & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
            }
        }
    }

    /// FNV-1a, then mixed so that ids differing only at the end spread over the table.
    static func hash(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }
}
