internal import Core
internal import Formats
internal import Yams

// Typed readers for the fields of playbook blocks. Each reports what is wrong and what is expected,
// positioned at the value, and returns nil so the caller can go on reading the rest of the block.
extension YAMLReader {
    /// The entries of a mapping written like `example`, with unknown keys reported.
    mutating func entries(_ node: Node?, _ what: String, allowed: [String], example: String) -> Fields? {
        guard let node else { return nil }
        guard case .mapping = node else {
            error(node, "\(what) must be written as keys and values, e.g. \(example)")
            return nil
        }
        return fields(node, what, allowed: allowed)
    }

    /// Whether a required key is missing, reporting it with `message` unless the mapping has a
    /// misspelling of it: that is already reported as an unknown key with a did-you-mean.
    mutating func lacks(_ key: String, _ fields: Fields, allowed: [String], _ message: @autoclosure () -> String) -> Bool {
        guard fields[key] == nil else { return false }
        if !Self.misspells(key, fields, allowed: allowed) { error(fields.node, message()) }
        return true
    }

    /// Whether the mapping has an unknown key that is a misspelling of `key`.
    static func misspells(_ key: String, _ fields: Fields, allowed: [String]) -> Bool {
        guard case .mapping(let mapping) = fields.node else { return false }
        for (keyNode, _) in mapping {
            guard let written = keyNode.scalar?.string, !allowed.contains(written) else { continue }
            if Suggestion.closest(to: written, in: allowed) == key { return true }
        }
        return false
    }

    /// A text field that must be present and not empty.
    mutating func requiredText(_ fields: Fields, _ key: String, allowed: [String], in what: String, hint: String) -> String? {
        if lacks(key, fields, allowed: allowed, "\(what) has no \(key); add \(hint)") { return nil }
        guard let node = fields[key] else { return nil }
        guard let text = string(node, key) else {
            if node.scalar != nil { error(node, "\(key) is empty; write \(hint)") }
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            error(node, "\(key) is empty; write \(hint)")
            return nil
        }
        return text
    }

    /// An optional text field; an empty value counts as absent.
    mutating func optionalText(_ node: Node?, _ key: String) -> String? {
        guard let text = string(node, key), !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }

    /// A whole number of one or more (leads, deals, attempts), at most ``BlockLimits/count``.
    mutating func count(_ node: Node?, _ key: String, example: String) -> Int? {
        guard let node, let value = wholeNumber(node, key, range: BlockLimits.count, example: example) else { return nil }
        if value < 1 {
            error(node, "\(key) is \(value); it must be 1 or more, e.g. \(key): \(example)")
            return nil
        }
        return value
    }

    /// A whole number of zero or more (points), at most `range.upperBound`.
    mutating func nonNegative(_ node: Node?, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node, let value = wholeNumber(node, key, range: range, example: "10") else { return nil }
        if value < 0 {
            error(node, "\(key) is \(value), but it cannot be negative; use 0 or more")
            return nil
        }
        return value
    }

    /// A whole number no larger than `range.upperBound`; the caller explains one below the range.
    ///
    /// Digits too many for `Int` are out of range too, not "not a whole number".
    private mutating func wholeNumber(_ node: Node, _ key: String, range: ClosedRange<Int>, example: String) -> Int? {
        if let text = Self.plainText(node), DecimalNumber.isWholeNumber(text), Int(text) == nil {
            error(node, BlockLimits.outOfRange(key, text, range))
            return nil
        }
        guard let value = int(node, key, example: example) else { return nil }
        if value > range.upperBound {
            error(node, BlockLimits.outOfRange(key, node.scalar?.string ?? "\(value)", range))
            return nil
        }
        return value
    }

    /// An amount of money: a number above zero, written without thousands separators.
    mutating func amount(_ node: Node?, _ key: String, example: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            let quoted = node.scalar.map { Double($0.string) != nil } ?? false
            error(
                node,
                quoted
                    ? "\(key) is written in quotes, which makes it text; write the number without quotes, e.g. \(key): \(example)"
                    : "\(key) must be a number, not \(Self.show(node)); write it like \(key): \(example)")
            return nil
        }
        let text = scalar.string
        let infinity = DecimalNumber.infinity(text)
        // 480.000 is a valid YAML number (480), but the author meant four hundred and eighty thousand.
        if Self.looksLikeGroupedThousands(text) || !DecimalNumber.isDecimal(text) && infinity == nil {
            if !Self.looksLikeGroupedThousands(text), DecimalNumber.isOtherNotation(node, text) {
                error(node, DecimalNumber.notDecimal(key, text, example: example))
                return nil
            }
            let hint =
                text.contains(",") || text.contains(".") || text.contains(" ")
                ? "write it without thousands separators" : "write a plain number"
            error(node, "\(key) \"\(text)\" is not a number; \(hint), e.g. \(key): \(example)")
            return nil
        }
        let value = infinity ?? Double(text) ?? 0
        if !(value > 0) {
            error(node, "\(key) is \(text), but it must be more than 0, e.g. \(key): \(example)")
            return nil
        }
        guard BlockLimits.amount.contains(value) else {
            error(node, BlockLimits.amountOutOfRange(key, text))
            return nil
        }
        return value
    }

    static func looksLikeGroupedThousands(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        // A number grouped in thousands does not start with 0: 0.009 is a fraction.
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups[0].first != "0" else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// A length of time such as `4h`; zero is not a length.
    mutating func timeSpan(_ node: Node?, _ key: String) -> TimeSpan? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else {
            error(node, "\(key) must be a duration like 30m, 4h or 2d, not \(Self.show(node))")
            return nil
        }
        let trimmed = text.trimmingBlanks
        if TimeSpan(trimmed) == nil, let last = trimmed.last, let unit = TimeSpan.Unit(rawValue: String(last).lowercased()),
            DecimalNumber.isWholeNumber(String(trimmed.dropLast())), trimmed.first?.isNumber == true
        {
            // Digits too many for Int.
            error(node, BlockLimits.durationOutOfRange(key, text, unit))
            return nil
        }
        guard let span = TimeSpan(trimmed) else {
            let unitless = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
            error(
                node,
                "\(key) \"\(text)\" is not a duration; write it like 30m, 4h or 2d"
                    + (unitless ? " (a number and a unit: m minutes, h hours, d days, w weeks)" : ""))
            return nil
        }
        if span.value == 0 {
            error(node, "\(key) is \(span), but it must be longer than zero, e.g. \(key): 4h")
            return nil
        }
        if span.value > BlockLimits.maxDuration(span.unit) {
            error(node, BlockLimits.durationOutOfRange(key, text, span.unit))
            return nil
        }
        return span
    }

    /// An id: lowercase letters, digits and dashes, as used in links and references.
    mutating func identifier(_ node: Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard let text = string(node, key) else {
            if node.scalar != nil { error(node, "\(key) is empty; write an id such as sql") }
            return nil
        }
        if !Self.isIdentifier(text) {
            error(node, "\(key) \"\(text)\" is not an id; use lowercase letters, digits and dashes, e.g. \(Slug.make(text))")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// One text or a list of texts.
    mutating func textList(_ node: Node?, _ key: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node { return optionalText(node, key).map { [$0] } ?? [] }
        guard case .sequence(let items) = node else {
            error(node, "\(key) must be a name or a list of names, e.g. \(key): [Marketing lead, Sales director]")
            return nil
        }
        return items.compactMap { item -> String? in
            guard case .scalar = item else {
                error(item, "each entry of \(key) must be text, not \(Self.show(item))")
                return nil
            }
            return optionalText(item, key)
        }
    }

    /// The root of a block: nil (with an error at the fence) when the block is empty.
    mutating func blockRoot(_ text: String, kind: String, fenceLine: Int, expected: String) -> Node? {
        let before = diagnostics.all.count
        let root = parse(text)
        if root == nil && diagnostics.all.count > before { return nil }
        guard let root, !(root.null != nil && root.scalar?.style == .plain) else {
            diagnostics.error(
                SourceLocation(file: file, line: fenceLine, column: 1 + columnOffset),
                "the \(kind) block is empty; expected \(expected)")
            return nil
        }
        return root
    }
}

extension String {
    var trimmingBlanks: Substring {
        var text = self[...]
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}
