public import Core
internal import Formats
internal import Yams

/// The lead stages in order, from first contact to customer: the one pipeline sales and marketing share.
public struct Pipeline: Sendable, Equatable {
    public struct Stage: Sendable, Equatable {
        /// What SLA rules refer to: `sql`.
        public var id: String
        public var name: String
        /// The team that moves a lead on from this stage.
        public var owner: String?
        /// When a lead enters the stage.
        public var entry: String?
        /// When a lead leaves it.
        public var exit: String?
        /// Where the stage's id is written, for messages.
        public var location: SourceLocation?

        public init(id: String, name: String, owner: String? = nil, entry: String? = nil, exit: String? = nil) {
            self.id = id
            self.name = name
            self.owner = owner
            self.entry = entry
            self.exit = exit
        }
    }

    public var stages: [Stage]

    public init(stages: [Stage]) {
        self.stages = stages
    }

    public var ids: [String] { stages.map(\.id) }

    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }

    /// The pipeline a site has when it defines none: Inquiry → MQL → SAL → SQL → Opportunity → Customer.
    public static func standard(_ language: Language) -> Pipeline {
        let names: [String] =
            switch language {
            case .en: ["Inquiry", "MQL", "SAL", "SQL", "Opportunity", "Customer"]
            case .da: ["Henvendelse", "MQL", "SAL", "SQL", "Salgsmulighed", "Kunde"]
            }
        return Pipeline(stages: zip(standardIDs, names).map { Stage(id: $0, name: $1) })
    }

    public static let standardIDs = ["inquiry", "mql", "sal", "sql", "opportunity", "customer"]

    static let keys = ["id", "name", "owner", "entry", "exit"]

    /// Reads a `pipeline` block: a list of stages.
    ///
    /// Stages with a valid id are kept even when other fields have mistakes, so that the SLA rules
    /// that refer to them are still checked.
    static func read(_ root: Node, _ reader: inout YAMLReader) -> Pipeline {
        guard case .sequence(let items) = root else {
            reader.error(root, "the pipeline block must be a list of stages, each starting with - id: ...")
            return Pipeline(stages: [])
        }
        var stages: [Stage] = []
        var stageIDs = FirstUses()
        for item in items {
            guard
                let fields = reader.entries(
                    item, "a pipeline stage", allowed: keys, example: "- {id: sql, name: SQL, owner: Sales}")
            else { continue }
            let id = reader.identifier(fields["id"], "id")
            _ = reader.lacks(
                "id", fields, allowed: keys,
                "a pipeline stage has no id; add one such as id: sql (SLA rules refer to stages by id)")
            let name = reader.requiredText(
                fields, "name", allowed: keys, in: id.map { "the stage \"\($0)\"" } ?? "a pipeline stage",
                hint: "the name people use for the stage, e.g. name: SQL")
            var stage = Stage(
                id: id ?? "", name: name ?? id ?? "",
                owner: reader.optionalText(fields["owner"], "owner"),
                entry: reader.optionalText(fields["entry"], "entry"),
                exit: reader.optionalText(fields["exit"], "exit"))
            guard let id, let idNode = fields["id"] else { continue }
            let location = reader.location(idNode)
            stage.location = location
            let repeated = stageIDs.isRepeated(id, at: location, reportingIn: &reader.diagnostics) {
                "the stage id \"\(id)\" is used twice (first on line \($0.line)); give each stage its own id"
            }
            if repeated { continue }
            stages.append(stage)
        }
        if items.isEmpty {
            reader.error(root, "the pipeline block has no stages; list them in order, each starting with - id: ...")
        }
        return Pipeline(stages: stages)
    }
}
