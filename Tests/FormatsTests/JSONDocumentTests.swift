import Core
import Formats
import Testing

@Suite("JSON parser (RFC 8259, strict)")
struct JSONDocumentTests {
    static func parse(_ text: String) throws -> JSONDocument { try JSONDocument(parsing: Array(text.utf8)) }

    /// The error for `text`, as `line:column: message`.
    static func failure(_ text: String) -> String? {
        failure(Array(text.utf8))
    }

    static func failure(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONDocument(parsing: bytes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let document = try Self.parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": []} "#)
        #expect(document.kind(document.root) == .object)
        let members = Array(document.members(document.root))
        #expect(members.map { document.string($0.key) } == ["a", "b", "e"])
        let array = members[0].value
        #expect(document.count(array) == 5)
        let elements = Array(document.elements(array))
        #expect(elements.map { document.kind($0) } == [.number, .number, .true, .false, .null])
        #expect(document.integer(elements[0]) == 1)
        #expect(document.number(elements[1]) == -2500)
        #expect(document.integer(elements[1]) == -2500)
        let inner = Array(document.members(members[1].value))
        #expect(document.string(inner[0].value) == "d")
        #expect(document.count(members[2].value) == 0)
        #expect(document.next(after: document.root) == document.valueCount)
    }

    @Test func integersAreWholeNumbersHoweverWritten() throws {
        let document = try Self.parse("[4, 4.0, 4e0, 40e-1, 4.5, -0, 123456789012345678901234567890, 1e400]")
        let values = Array(document.elements(document.root)).map { document.integer($0) }
        #expect(values == [4, 4, 4, 4, nil, 0, nil, nil])
        #expect(document.text(Array(document.elements(document.root))[1]) == "4.0")
    }

    @Test func stringsResolveEveryEscape() throws {
        let document = try Self.parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e6\u00F8\u00e5", "\ud83d\ude00", "plain æøå 😀", ""]"#)
        let strings = Array(document.elements(document.root)).map { document.string($0) }
        #expect(strings == ["a\"b\\c/d\u{8}\u{c}\n\r\t", "æøå", "😀", "plain æøå 😀", ""])
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        let document = try JSONDocument(parsing: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(document.kind(document.root) == .object)
        #expect(
            JSONDocumentTests.failure([0xEF, 0xBB, 0xBF] + Array("[1,]".utf8))
                == "1:4: a comma before ] must be followed by another element; remove the trailing comma")
    }

    @Test(arguments: [
        ("", "1:1: the file is empty; expected a JSON value"),
        ("  \n ", "2:2: the file is empty; expected a JSON value"),
        ("[1, 2,]", "1:7: a comma before ] must be followed by another element; remove the trailing comma"),
        ("{\"a\": 1,}", "1:9: a comma before } must be followed by another member; remove the trailing comma"),
        ("[1 2]", "1:4: expected ',' or ']' after an element of an array, not '2'"),
        ("{\"a\": 1 \"b\": 2}", "1:9: expected ',' or '}' after a member of an object, not '\"'"),
        ("{a: 1}", "1:2: expected a key in double quotes, not 'a'"),
        ("{'a': 1}", "1:2: expected a key in double quotes, not '''"),
        ("['a']", "1:2: strings must be in double quotes (\"), not single quotes"),
        ("{\"a\" 1}", "1:6: expected ':' after the key, not '1'"),
        ("[01]", "1:2: numbers must not start with 0 followed by more digits (01); remove the leading zeros"),
        ("[1.]", "1:4: a decimal point must be followed by a digit (1.)"),
        ("[.5]", "1:2: .5 is not a number; write numbers like 4, -2, 0.5 or 1e3"),
        ("[+1]", "1:2: +1 is not a number; write numbers like 4, -2, 0.5 or 1e3"),
        ("[1e]", "1:4: an exponent must have digits (1e)"),
        ("[-]", "1:3: a minus sign must be followed by a digit"),
        ("[1x]", "1:2: 1x is not a number; write numbers like 4, -2, 3.5 or 1e3"),
        ("[NaN]", "1:2: NaN is not allowed in JSON; use null for a missing value"),
        ("[-Infinity]", "1:2: -Infinity is not allowed in JSON; use null for a missing value"),
        ("[True]", "1:2: True is not a JSON value; write true, false or null in lower case"),
        ("[nul]", "1:2: nul is not a JSON value; strings must be in double quotes"),
        ("[nullx]", "1:2: nullx is not a JSON value; strings must be in double quotes"),
        ("[sales]", "1:2: sales is not a JSON value; strings must be in double quotes"),
        ("// note\n[]", "1:1: comments are not allowed in JSON"),
        ("[1] [2]", "1:5: unexpected '[' after the end of the JSON value; a file holds one value (put several in an array)"),
        ("{\"a\": [1, 2}", "1:12: expected ',' or ']' after an element of an array, not '}'"),
        ("[1, 2", "1:6: the JSON ends inside an array; close it with ]"),
        ("{\"a\": 1", "1:8: the JSON ends inside an object; close it with }"),
        ("{\"a\":", "1:6: the JSON ends where a value is expected"),
        ("[\"abc", "1:2: this string is never closed; end it with \""),
        (
            "[\"a\nb\"]",
            "1:4: a string must not contain a raw control character (U+000A); write it as \\n, or close the string with \" before the line ends"
        ),
        ("[\"a\u{1}\"]", "1:4: a string must not contain a raw control character (U+0001); escape it as \\u0001"),
        ("[\"\\x\"]", "1:3: '\\x' is not an escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"),
        ("[\"\\u12\"]", "1:3: \\u must be followed by four hexadecimal digits, like \\u00e6"),
        (
            "[\"\\ud83d\"]",
            "1:3: \\uD83D is the first half of a surrogate pair and must be followed by a second half (\\uDC00 to \\uDFFF)"
        ),
        ("[\"\\ude00\"]", "1:3: \\uDE00 is the second half of a surrogate pair without a first half"),
        ("[1,\n  ,2]", "2:3: expected a value, not ','"),
        ("{\"æ\": 1, \"ø\" 2}", "1:14: expected ':' after the key, not '2'"),
    ])
    func malformedInputNamesTheProblemAndItsPosition(input: String, expected: String) {
        #expect(Self.failure(input) == expected)
    }

    @Test func invalidUTF8IsRejected() {
        // A lone continuation byte, an overlong encoding of "/", and an encoded surrogate (U+D800).
        #expect(Self.failure([0x5B, 0x22, 0x80, 0x22, 0x5D]) == "1:3: byte 0x80 is not valid UTF-8; save the file as UTF-8")
        #expect(
            Self.failure([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D]) == "1:3: byte 0xC0 is not valid UTF-8; save the file as UTF-8")
        #expect(
            Self.failure([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D])
                == "1:3: byte 0xED is not valid UTF-8; save the file as UTF-8")
        #expect(
            Self.failure([0x5B, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x5D])
                == "1:3: byte 0xF4 is not valid UTF-8; save the file as UTF-8")
        #expect(
            Self.failure([0x5B, 0x22, 0xE2, 0x82, 0x22, 0x5D]) == "1:3: byte 0xE2 is not valid UTF-8; save the file as UTF-8")
        #expect(
            Self.failure([0x5B, 0xFF, 0x5D])
                == "1:2: expected a value (an object, array, string, number, true, false or null), not byte 0xFF")
    }

    @Test func nestingIsLimited() {
        let deep =
            String(repeating: "[", count: JSONDocument.maximumDepth) + String(repeating: "]", count: JSONDocument.maximumDepth)
        #expect(Self.failure(deep) == nil)
        let tooDeep = "[" + deep + "]"
        #expect(Self.failure(tooDeep) == "1:\(JSONDocument.maximumDepth + 1): arrays and objects are nested more than 512 deep")
    }

    @Test func duplicateKeysAreKeptForTheReaderToJudge() throws {
        let document = try Self.parse(#"{"a": 1, "a": 2}"#)
        #expect(Array(document.members(document.root)).map { document.integer($0.value) } == [1, 2])
    }

    @Test func positionsCountLinesAndUnicodeColumns() throws {
        let text = "{\n  \"æøå\": [1,\r\n    true]}"
        let document = try Self.parse(text)
        let positions = TextPosition(document.bytes)
        let array = Array(document.members(document.root))[0].value
        let element = Array(document.elements(array))[1]
        #expect(positions.lineAndColumn(of: document.offset(array), in: document.bytes) == (2, 10))
        #expect(positions.lineAndColumn(of: document.offset(element), in: document.bytes) == (3, 5))
    }

    @Test func writtenStringsAndNumbersReadBack() throws {
        let text = "tab\t \"quote\" back\\slash \u{1} æ"
        let quoted = JSONText.quoted(text)
        #expect(quoted == #""tab\t \"quote\" back\\slash \u0001 æ""#)
        let document = try Self.parse(quoted)
        #expect(document.string(document.root) == text)
        var bytes: [UInt8] = []
        for value in [3.4444444444444446, 61.111111111111114, 4.0, -0.5, 1e-7] {
            JSONText.appendNumber(value, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        JSONText.appendNumber(nil, to: &bytes)
        JSONText.appendInteger(-120, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "3.4444444444444446,61.111111111111114,4.0,-0.5,1e-07,null-120")
        let numbers = try JSONDocument(parsing: Array("[3.4444444444444446, 61.111111111111114, 1e-07]".utf8))
        #expect(
            Array(numbers.elements(numbers.root)).map { numbers.number($0) } == [3.4444444444444446, 61.111111111111114, 1e-7])
    }
}

@Suite struct JSONTextTests {
    @Test func stringsAreEscapedForJSONAndJavaScript() {
        #expect(JSONText.quoted("a \"b\" \\ c\nd\u{1}é\t\r") == "\"a \\\"b\\\" \\\\ c\\nd\\u0001é\\t\\r\"")
        #expect(JSONText.quoted("line\u{2028}para\u{2029}end") == "\"line\\u2028para\\u2029end\"")
    }
}
