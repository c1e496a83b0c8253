/// When a lead is a sales-qualified lead (SQL): a checklist of criteria and a points rule.
public struct SQLDefinition: Sendable, Equatable {
    /// The qualification framework the checklist builds on.
    public enum Framework: String, Sendable, CaseIterable {
        case bant = "BANT", meddic = "MEDDIC", custom
    }

    public struct Criterion: Sendable, Equatable {
        public var id: String
        public var label: String
        public var description: String?
        /// A lead that fails a required criterion is not an SQL, whatever its points.
        public var required: Bool
        public var points: Int

        public init(id: String, label: String, description: String? = nil, required: Bool = false, points: Int = 0) {
            self.id = id
            self.label = label
            self.description = description
            self.required = required
            self.points = points
        }
    }

    public var framework: Framework
    public var criteria: [Criterion]
    /// The points a lead needs at least; nil when only the required criteria count.
    public var minPoints: Int?

    public init(framework: Framework = .custom, criteria: [Criterion], minPoints: Int? = nil) {
        self.framework = framework
        self.criteria = criteria
        self.minPoints = minPoints
    }

    public var required: [Criterion] { criteria.filter(\.required) }
    public var totalPoints: Int { criteria.reduce(0) { $0 + $1.points } }
    public var requiredPoints: Int { required.reduce(0) { $0 + $1.points } }
}
