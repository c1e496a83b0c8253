import FuzzSupport

@testable import Content

/// A Markdown file's front matter: the split, then the fast path against the YAML path, which must
/// agree whenever the fast path gives an answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    _ = try? FrontMatter.read(text, file: FuzzInput.file)
    // The lines between the fences when there are fences, else the whole input as front matter.
    var yaml = text
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
        yaml = lines[1..<close].joined(separator: "\n") + "\n"
    }
    if let fast = FrontMatter.parseSimple(yaml) {
        let (slow, problems) = FrontMatter.parseYAML(yaml, file: FuzzInput.file, lineOffset: 1)
        precondition(problems.isEmpty, "the fast path accepts what the YAML path rejects: \(problems)")
        precondition(fast == slow, "the fast path reads \(fast), the YAML path \(slow)")
    }
    return 0
}

@main
enum Target {
    static func main() { runFuzzer(fuzzFrontMatter) }
}
