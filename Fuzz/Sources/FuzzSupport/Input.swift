/// A fuzz input as the parsers take it: bytes, or text (invalid UTF-8 replaced, as a file read
/// as text would be).
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The name every message uses for the input.
    public static let file = "fuzz-input"
}
