public import Core
public import Yams

/// Reads YAML into typed values, turning every problem into a diagnostic with file, line and column.
///
/// Readers keep going after a problem so that one run reports every mistake in a file.
public struct YAMLReader {
    /// The file's path as shown to the user.
    public let file: String
    /// Lines before the YAML text in its file (front matter starts after the opening `---`).
    public let lineOffset: Int
    /// Columns before each line of the YAML text in its file (a block in a list item is indented).
    public let columnOffset: Int
    public var diagnostics = Diagnostics()

    public init(file: String, lineOffset: Int = 0, columnOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
    }

    public func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else {
            return SourceLocation(file: file, line: lineOffset + 1, column: 1 + columnOffset)
        }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column + columnOffset)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column + columnOffset)
    }

    public mutating func error(_ node: Node?, _ message: String) {
        diagnostics.error(location(node), message)
    }

    public mutating func warning(_ node: Node?, _ message: String) {
        diagnostics.warning(location(node), message)
    }

    // MARK: - Parsing

    /// Parses one YAML document; nil (with a diagnostic) when it is not valid YAML.
    public mutating func parse(_ text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            var (problem, mark, started) = Self.describe(error)
            if let started {
                let start = location(line: started.line, column: started.column)
                problem += " that starts at line \(start.line), column \(start.column)"
            }
            let where_ = mark.map { location(line: $0.line, column: $0.column) } ?? location(nil)
            diagnostics.error(where_, "this is not valid YAML: \(problem)")
            return nil
        } catch {
            diagnostics.error(location(nil), "this is not valid YAML: \(error)")
            return nil
        }
    }

    static func describe(_ error: YamlError) -> (String, Mark?, started: Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            guard let context else { return (problem, mark, nil) }
            let start = context.mark
            let sameMark = start.line == mark.line && start.column == mark.column
            return ("\(problem) \(context.text)", mark, sameMark ? nil : start)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("the key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears more than once", context.mark, nil)
        case .reader(let problem, _, _, _):
            return (problem, nil, nil)
        default:
            return ("\(error)", nil, nil)
        }
    }

    // MARK: - Mappings

    /// The entries of a mapping, in file order, after checking every key against `allowed`.
    ///
    /// An unknown key is an error naming the closest allowed key.
    public mutating func mapping(
        _ node: Node?, _ what: String, allowed: [String]
    ) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(keyNode, "\(what) has a key that is not a plain name")
                continue
            }
            if !allowed.isEmpty && !allowed.contains(key) {
                let expected = allowed.map { "\($0)" }.joined(separator: ", ")
                let hint = Suggestion.didYouMean(key, in: allowed)
                error(keyNode, "unknown key \"\(key)\" in \(what)\(hint.isEmpty ? "; expected one of: \(expected)" : hint)")
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    /// A mapping's entries by key, with unknown keys reported.
    public mutating func fields(_ node: Node?, _ what: String, allowed: [String]) -> Fields? {
        guard let entries = mapping(node, what, allowed: allowed) else { return nil }
        var values: [String: Node] = [:]
        for entry in entries { values[entry.key] = entry.value }
        return Fields(node: node!, values: values)
    }

    /// The checked entries of a mapping.
    public struct Fields {
        public let node: Node
        public let values: [String: Node]
        public subscript(key: String) -> Node? { values[key] }
    }

    // MARK: - Scalars

    public mutating func string(_ node: Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(key) must be text")
            return nil
        }
        if scalar.style == .plain && node.null != nil { return nil }
        return scalar.string
    }

    /// A whole number written in decimal (`DecimalNumber`): `120`, `-3`; not `0x10`, `1_000` or `1:30`.
    ///
    /// - Parameter example: a number for the message about another notation, such as `120`.
    public mutating func int(_ node: Node?, _ key: String, example: String = "120") -> Int? {
        guard let node else { return nil }
        if let text = Self.plainText(node) {
            if DecimalNumber.isWholeNumber(text), let value = Int(text) { return value }
            if DecimalNumber.isOtherNotation(node, text) {
                error(node, DecimalNumber.notDecimal(key, text, example: example))
                return nil
            }
        }
        error(node, "\(key) must be a whole number, not \(Self.show(node))")
        return nil
    }

    /// A number written in decimal (`DecimalNumber`): `2.5`, `1e20`; `.inf` is infinity, beyond any
    /// range; not `0x10`, `1_000`, `1:30` or `.nan`.
    ///
    /// - Parameter example: a number for the message about another notation, such as `1.5`.
    public mutating func double(_ node: Node?, _ key: String, example: String = "1.5") -> Double? {
        guard let node else { return nil }
        if let text = Self.plainText(node) {
            if DecimalNumber.isDecimal(text), let value = Double(text) { return value }
            if let infinity = DecimalNumber.infinity(text) { return infinity }
            if DecimalNumber.isOtherNotation(node, text) {
                error(node, DecimalNumber.notDecimal(key, text, example: example))
                return nil
            }
        }
        error(node, "\(key) must be a number, not \(Self.show(node))")
        return nil
    }

    /// The text of a scalar written without quotes, as written; nil for a quoted one or another node.
    public static func plainText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return scalar.string
    }

    public mutating func bool(_ node: Node?, _ key: String) -> Bool? {
        guard let node else { return nil }
        if node.scalar?.style == .plain, let value = node.bool { return value }
        error(node, "\(key) must be true or false, not \(Self.show(node))")
        return nil
    }

    /// A calendar date written `YYYY-MM-DD`.
    public mutating func date(_ node: Node?, _ key: String) -> SimpleDate? {
        guard let node else { return nil }
        if let text = node.scalar?.string, let date = SimpleDate(text) { return date }
        error(node, "\(key) must be a date written YYYY-MM-DD, not \(Self.show(node))")
        return nil
    }

    public mutating func sequence(_ node: Node?, _ key: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(node, "\(key) must be a list")
            return nil
        }
        return Array(sequence)
    }

    /// How a value looks in an error message.
    public static func show(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
