import FuzzSupport
import Content

/// A ```goal block of a playbook page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGoal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = PlaybookBlock.parse(.goal, yaml: input.text, file: FuzzInput.file, fenceLine: 3, fenceColumn: 1)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzGoal) }
}
