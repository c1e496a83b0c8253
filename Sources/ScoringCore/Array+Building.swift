extension Array {
    /// Makes an array of `count` elements, the element at `index` being `element(index)`.
    ///
    /// Unlike `append` in a loop, this has no growth path, which keeps the WebAssembly module small:
    /// each array element type that is appended to adds about half a kilobyte of specialized code.
    init(count: Int, element: (Int) -> Element) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initializedCount in
            for index in 0..<count {
                (buffer.baseAddress! + index).initialize(to: element(index))
            }
            initializedCount = count
        }
    }
}
