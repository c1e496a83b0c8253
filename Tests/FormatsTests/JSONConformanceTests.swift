import Formats
import Foundation
import TestSupport
import Testing

/// The JSON parser against the fixtures in `Fixtures/json/`, named as JSONTestSuite names its files:
/// `y_*.json` must parse (to the same value as Foundation's parser reads), `n_*.json` must be
/// rejected. See `Fixtures/README.md`.
///
/// To measure the parser against the public suite, point `JSON_TEST_SUITE_DIR` at its
/// `test_parsing/` folder: the same runner then reads those files instead, and prints what it does
/// with each `i_*.json` (either answer is allowed).
@Suite("JSON parser conformance (RFC 8259 fixtures)")
struct JSONConformanceTests {
    static let folder =
        ProcessInfo.processInfo.environment["JSON_TEST_SUITE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
        ?? Repository.fixtures(of: "FormatsTests") + "/json"

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted()

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
    }

    @Test func thereAreCasesOfBothKinds() {
        #expect(Self.files.filter { $0.hasPrefix("y_") }.count >= 50, "too few y_ files in \(Self.folder)")
        #expect(Self.files.filter { $0.hasPrefix("n_") }.count >= 80, "too few n_ files in \(Self.folder)")
    }

    @Test(arguments: files.filter { $0.hasPrefix("y_") })
    func accepts(_ name: String) throws {
        let bytes = try Self.bytes(name)
        let document = try JSONDocument(parsing: bytes)
        #expect(document.next(after: document.root) == document.valueCount)
        // The same value as an independent parser reads (Foundation's), after a byte order mark.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let foundation = try JSONSerialization.jsonObject(with: Data(bytes[start...]), options: .fragmentsAllowed)
        let ours = Canonical(document, document.root)
        let theirs = Canonical(foundation)
        #expect(ours.matches(theirs), "\(name) reads as \(ours), Foundation reads \(theirs)")
    }

    @Test(arguments: files.filter { $0.hasPrefix("n_") })
    func rejects(_ name: String) throws {
        let bytes = try Self.bytes(name)
        #expect(throws: JSONSyntaxError.self, "\(name) must be rejected") { try JSONDocument(parsing: bytes) }
    }

    /// What the parser does with each implementation-defined `i_` file (only in the public suite).
    @Test(.enabled(if: files.contains { $0.hasPrefix("i_") }))
    func implementationDefined() throws {
        for name in Self.files where name.hasPrefix("i_") {
            let accepted = (try? JSONDocument(parsing: Self.bytes(name))) != nil
            print("\(accepted ? "accepted" : "rejected") \(name)")
        }
    }
}

/// A JSON value in a form two parsers' results can be compared in: numbers as `Double`, an object's
/// repeated key keeping its last value (as `JSONSerialization` does).
indirect enum Canonical {
    case null, bool(Bool), number(Double), string(String), array([Canonical]), object([String: Canonical])

    init(_ document: JSONDocument, _ value: Int) {
        switch document.kind(value) {
        case .null: self = .null
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .number: self = .number(document.number(value)!)
        case .string: self = .string(document.string(value))
        case .array: self = .array(document.elements(value).map { Canonical(document, $0) })
        case .object:
            var object: [String: Canonical] = [:]
            for (key, member) in document.members(value) { object[document.string(key)] = Canonical(document, member) }
            self = .object(object)
        }
    }

    /// What `JSONSerialization` read. (Its `JSONDecoder` is no help here: it rejects `0e1`.)
    init(_ any: Any) {
        switch any {
        case is NSNull: self = .null
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(Canonical.init))
        case let object as [String: Any]: self = .object(object.mapValues(Canonical.init))
        case let number as NSNumber:
            // `true` and `false` are NSNumbers of type `c` (char); JSON numbers never are.
            let isBool = String(cString: number.objCType) == "c"
            self = isBool ? .bool(number.boolValue) : .number(number.doubleValue)
        default: self = .string("unexpected \(type(of: any))")
        }
    }

    /// The same value; numbers within a relative 1e-12, since Foundation reads some a few units in
    /// the last place off (`-1e-78` as `-1.0000000000000005e-78`), where `Double(_:)` rounds correctly.
    func matches(_ other: Canonical) -> Bool {
        switch (self, other) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a), .number(let b)): a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.matches($1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { value.matches($0) } ?? false }
        default: false
        }
    }
}
