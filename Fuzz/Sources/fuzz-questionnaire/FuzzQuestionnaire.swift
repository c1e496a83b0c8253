import FuzzSupport
import Scorecard

/// A questionnaire file (assessments/<id>.yml).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuestionnaire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    _ = try? Assessment.parse(input.text, file: FuzzInput.file)
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzQuestionnaire) }
}
