import FuzzSupport
import Content

/// A ```sql-definition block of a playbook page.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQLDefinition(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = PlaybookBlock.parse(.sqlDefinition, yaml: input.text, file: FuzzInput.file, fenceLine: 3, fenceColumn: 1)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzSQLDefinition) }
}
