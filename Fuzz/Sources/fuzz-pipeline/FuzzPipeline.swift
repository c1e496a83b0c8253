import FuzzSupport
import Content

/// A ```pipeline block of a playbook page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = PlaybookBlock.parse(.pipeline, yaml: input.text, file: FuzzInput.file, fenceLine: 3, fenceColumn: 1)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzPipeline) }
}
