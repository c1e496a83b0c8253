public import Core
internal import Formats

/// One of the agreements a playbook page writes as a fenced block of YAML.
public enum PlaybookBlock: Sendable, Equatable {
    case pipeline(Pipeline)
    case goal(Goal)
    case sla(ServiceLevelAgreement)
    case sqlDefinition(SQLDefinition)

    /// The info string that names a block: ```` ```goal ````.
    public enum Kind: String, Sendable, CaseIterable {
        case pipeline, goal, sla
        case sqlDefinition = "sql-definition"

        /// The kind a fenced block's info string names, or nil for any other code block.
        public init?(info: some StringProtocol) {
            guard let word = info.split(separator: " ", maxSplits: 1).first else { return nil }
            self.init(rawValue: String(word))
        }

        /// What the block holds, for messages.
        var expected: String {
            switch self {
            case .pipeline: "a list of stages, each starting with - id: ..."
            case .goal: "the goal's fields, starting with period: 2026-Q1"
            case .sla: "a list of rules, each starting with - stage: ..."
            case .sqlDefinition: "the framework, criteria and min_points"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .pipeline: .pipeline
        case .goal: .goal
        case .sla: .sla
        case .sqlDefinition: .sqlDefinition
        }
    }

    /// Reads and checks a block.
    ///
    /// - Parameters:
    ///   - kind: the block's kind, from its info string.
    ///   - yaml: the block's text.
    ///   - file: the Markdown file as shown in messages.
    ///   - fenceLine: the line of the opening fence in the file.
    ///   - fenceColumn: the column of the opening fence; the block's lines are indented as far (in a
    ///     list item or a quote).
    /// - Returns: the block as far as it could be read (nil when nothing could), and every problem
    ///   found, positioned in the Markdown file. A block with errors should not be rendered.
    public static func parse(
        _ kind: Kind, yaml: String, file: String, fenceLine: Int, fenceColumn: Int = 1
    ) -> (block: PlaybookBlock?, diagnostics: [Diagnostic]) {
        var reader = YAMLReader(file: file, lineOffset: fenceLine, columnOffset: fenceColumn - 1)
        guard let root = reader.blockRoot(yaml, kind: kind.rawValue, fenceLine: fenceLine, expected: kind.expected) else {
            return (nil, reader.diagnostics.all)
        }
        let block: PlaybookBlock? =
            switch kind {
            case .pipeline: .pipeline(Pipeline.read(root, &reader))
            case .goal: Goal.read(root, &reader).map { .goal($0) }
            case .sla: .sla(ServiceLevelAgreement.read(root, &reader))
            case .sqlDefinition: SQLDefinition.read(root, &reader).map { .sqlDefinition($0) }
            }
        return (block, reader.diagnostics.all)
    }
}

/// A block as found on a page: what it says, where it is, and whether it was read without errors.
public struct PlacedBlock: Sendable {
    public var block: PlaybookBlock
    /// The opening fence.
    public var location: SourceLocation
    /// False when the block has errors; cross-block checks still use what could be read.
    public var isValid: Bool

    public init(block: PlaybookBlock, location: SourceLocation, isValid: Bool) {
        self.block = block
        self.location = location
        self.isValid = isValid
    }
}
