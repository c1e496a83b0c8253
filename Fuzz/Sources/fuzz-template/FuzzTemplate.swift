import FuzzSupport
import Render

/// A Mustache template, parsed and rendered with a small context and partials.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    // Known: deep nesting overflows the stack (limits are being added in Sources/Render/Template).
    if KnownBugs.deepTemplate(input.bytes) { return 0 }
    // The first byte picks whether indentation is trimmed, so both parsers see every input.
    let trim = (input.bytes.first ?? 0) & 1 == 1
    guard let template = try? Template(input.text, trimIndentation: trim) else { return 0 }
    _ = template.render(context, partials: partials)
    return 0
}

/// Names a template may use: every kind of value, nested, and a list.
let context: TemplateValue = [
    "title": "Goals & <SLA>", "yes": true, "no": false, "n": 42, "empty": "", "none": [],
    "page": ["title": "Page", "hasToc": true, "items": ["a", "b"]],
    "items": [["name": "one", "n": 1], ["name": "two", "n": 2]],
]

/// Partials that do not include themselves (a partial that does recurses without end: known).
let partials: TemplateLibrary = {
    var library = TemplateLibrary()
    try! library.register("<b>{{title}}</b>", named: "bold")
    try! library.register("{{#items}}<li>{{name}}</li>\n{{/items}}", named: "list")
    try! library.register("  {{> bold}}\n", named: "nested")
    return library
}()

@main
enum Target {
    static func main() { runFuzzer(fuzzTemplate) }
}
