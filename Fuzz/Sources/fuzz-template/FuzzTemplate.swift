import FuzzSupport
import Mustache

/// A Mustache template, parsed and rendered with a small context and partials.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    // The first byte picks whether indentation is trimmed, so both parsers see every input.
    let trim = (input.bytes.first ?? 0) & 1 == 1
    guard let template = try? Template(input.text, trimIndentation: trim) else { return 0 }
    _ = try? template.render(context, partials: partials)
    // The same text as a partial named "self", so a template that includes itself (once or twice,
    // as deep as it likes) meets the render limits instead of recursing.
    var library = partials
    library.register(template, named: "self")
    _ = try? library.render("self", context: context)
    return 0
}

/// Names a template may use: every kind of value, nested, and a list.
let context: TemplateValue = [
    "title": "Goals & <SLA>", "yes": true, "no": false, "n": 42, "empty": "", "none": [],
    "page": ["title": "Page", "hasToc": true, "items": ["a", "b"]],
    "items": [["name": "one", "n": 1], ["name": "two", "n": 2]],
]

/// Partials the input may include; the input itself is also registered as `self`.
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
