import Foundation
import TestSupport
import Testing

@testable import Mustache

/// Every case of the Mustache spec fixtures in `Fixtures/mustache/` (our own cases, in the spec's
/// shape: see the README there), rendered and compared exactly.
///
/// To measure the engine against the public suite, point `MUSTACHE_SPEC_DIR` at its `specs/` folder:
/// the same runner then reads those files instead (the optional `~` modules are skipped).
@Suite struct MustacheSpecTests {
    static let modules = ["interpolation", "sections", "inverted", "comments", "partials", "delimiters"]

    static let folder =
        ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"]
        ?? Repository.fixtures(of: "MustacheTests") + "/mustache"

    /// One test of a spec file.
    struct Case: Sendable, Decodable, CustomTestStringConvertible {
        var module = ""
        let name: String
        let desc: String
        let data: SpecValue
        let template: String
        let partials: [String: String]?
        let expected: String

        var testDescription: String { "\(module): \(name)" }

        private enum CodingKeys: String, CodingKey { case name, desc, data, template, partials, expected }
    }

    static let cases: [Case] = modules.flatMap { module -> [Case] in
        struct File: Decodable { let tests: [Case] }
        let path = folder + "/" + module + ".json"
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        guard let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.tests.map {
            var test = $0
            test.module = module
            return test
        }
    }

    @Test func everyModuleHasCases() {
        for module in Self.modules {
            #expect(Self.cases.contains { $0.module == module }, "no cases read from \(Self.folder)/\(module).json")
        }
    }

    @Test(arguments: cases)
    func rendersAsExpected(_ test: Case) throws {
        var library = TemplateLibrary()
        for (name, source) in test.partials ?? [:] { try library.register(source, named: name) }
        let output = try Template(test.template).render(test.data.templateValue ?? [:], partials: library)
        #expect(output == test.expected, "\(test.desc)")
    }
}

/// A JSON value of a spec's `data`, read with Foundation's decoder (not the engine's code).
indirect enum SpecValue: Sendable, Decodable {
    case null, bool(Bool), int(Int), double(Double), string(String), list([SpecValue]), object([String: SpecValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([SpecValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: SpecValue].self))
        }
    }

    /// The value as a template sees it: `null` is absent (a key left out, an element dropped), and a
    /// fraction is its shortest decimal text (`1.21`): templates get numbers as text.
    var templateValue: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .string(double.description)
        case .string(let string): .string(string)
        case .list(let list): .list(list.compactMap(\.templateValue))
        case .object(let object): .object(object.compactMapValues(\.templateValue))
        }
    }
}
