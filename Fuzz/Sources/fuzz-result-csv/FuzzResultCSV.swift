import FuzzSupport
import Scorecard

/// A results file in CSV, its syntax and then its results against the example questionnaire.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResultCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    guard let file = try? ResultFile(bytes: input.bytes, file: FuzzInput.file, format: .csv) else { return 0 }
    _ = file.results(for: Fixtures.questionnaires)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzResultCSV) }
}
