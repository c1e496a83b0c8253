internal import Dispatch

/// Runs `body` for every index on all cores and returns the results in index order.
///
/// Order of the results never depends on scheduling, so a parallel build writes the same bytes as a
/// sequential one.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count == 0 { return [] }
    let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    buffer.initialize(repeating: nil)
    defer {
        buffer.deinitialize()
        buffer.deallocate()
    }
    let shared = SendableBuffer(buffer: buffer)
    // Chunks of work keep the scheduling overhead small for cheap items.
    let chunk = max(1, count / 64)
    let chunks = (count + chunk - 1) / chunk
    withoutActuallyEscaping(body) { body in
        let task = SendableBody(body: body)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            for i in start..<min(count, start + chunk) {
                shared.buffer[i] = task.body(i)
            }
        }
    }
    return buffer.map { $0! }
}

/// Each index is written by exactly one worker, so sharing the buffer is safe.
private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

private struct SendableBody<T>: @unchecked Sendable {
    let body: (Int) -> T
}
