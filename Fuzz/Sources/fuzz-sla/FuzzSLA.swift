import FuzzSupport
import Content

/// A ```sla block of a playbook page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSLA(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = PlaybookBlock.parse(.sla, yaml: input.text, file: FuzzInput.file, fenceLine: 3, fenceColumn: 1)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzSLA) }
}
