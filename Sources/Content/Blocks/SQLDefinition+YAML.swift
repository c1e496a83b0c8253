internal import Core
internal import Formats
internal import Yams

extension SQLDefinition {
    static let keys = ["framework", "criteria", "min_points"]
    static let criterionKeys = ["id", "label", "description", "required", "points"]

    /// Reads an `sql-definition` block, checking that its rule can be met and means something.
    static func read(_ root: Node, _ reader: inout YAMLReader) -> SQLDefinition? {
        guard let fields = reader.fields(root, "the sql-definition block", allowed: keys) else { return nil }
        var framework = Framework.custom
        if let node = fields["framework"], let text = reader.string(node, "framework") {
            if let match = Framework.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
                framework = match
            } else {
                let names = Framework.allCases.map(\.rawValue)
                reader.error(
                    node,
                    "framework \"\(text)\" is not one Tandem knows; expected one of: \(names.joined(separator: ", "))\(Suggestion.didYouMean(text, in: names))"
                )
            }
        }

        var criteria: [Criterion] = []
        _ = reader.lacks(
            "criteria", fields, allowed: keys,
            "the sql-definition block has no criteria; add the list a lead is checked against, each starting with - id: ...")
        let errorsBefore = reader.diagnostics.errors.count
        if let node = fields["criteria"], node.sequence == nil {
            reader.error(node, "criteria must be a list, each criterion starting with - id: ...")
        }
        if let node = fields["criteria"], case .sequence(let sequence) = node {
            let items = Array(sequence)
            if items.isEmpty {
                reader.error(
                    fields["criteria"], "criteria is empty; add the list a lead is checked against, each starting with - id: ...")
            }
            var criterionIDs = FirstUses()
            for item in items {
                guard
                    let entry = reader.entries(
                        item, "a criterion", allowed: criterionKeys, example: "- {id: budget, label: Budget, points: 10}")
                else { continue }
                _ = reader.lacks("id", entry, allowed: criterionKeys, "a criterion has no id; add one such as id: budget")
                let id = reader.identifier(entry["id"], "id")
                let what = id.map { "the criterion \"\($0)\"" } ?? "a criterion"
                let label = reader.requiredText(
                    entry, "label", allowed: criterionKeys, in: what, hint: "the name on the checklist, e.g. label: Budget")
                let description = reader.optionalText(entry["description"], "description")
                let required = reader.bool(entry["required"], "required") ?? false
                let points = reader.nonNegative(entry["points"], "points", range: BlockLimits.points) ?? 0
                guard let id, let idNode = entry["id"] else { continue }
                let repeated = criterionIDs.isRepeated(id, at: reader.location(idNode), reportingIn: &reader.diagnostics) {
                    "the criterion id \"\(id)\" is used twice (first on line \($0.line)); give each criterion its own id"
                }
                if repeated { continue }
                criteria.append(
                    Criterion(id: id, label: label ?? id, description: description, required: required, points: points))
            }
        }
        let minPoints = reader.nonNegative(fields["min_points"], "min_points", range: BlockLimits.minPoints)
        let definition = SQLDefinition(framework: framework, criteria: criteria, minPoints: minPoints)
        // With a mistake in the criteria their points are not known, and the rule cannot be judged.
        if reader.diagnostics.errors.count == errorsBefore { definition.checkRule(fields, root, &reader) }
        return definition
    }

    /// Whether the qualification rule can be met, and whether it sorts anything out.
    func checkRule(_ fields: YAMLReader.Fields, _ root: Node, _ reader: inout YAMLReader) {
        guard !criteria.isEmpty else { return }
        let optional = criteria.count - required.count
        if let minPoints, minPoints > 0, let node = fields["min_points"] {
            if optional == 0 && requiredPoints < minPoints {
                reader.error(
                    node,
                    "min_points \(minPoints) can never be reached: every criterion is required and together they give \(requiredPoints) points; lower min_points to \(requiredPoints) or add criteria that are not required"
                )
            } else if totalPoints < minPoints {
                reader.error(
                    node,
                    "min_points \(minPoints) is more than all criteria give together (\(totalPoints) points); lower min_points to at most \(totalPoints) or give the criteria more points"
                )
            } else if !required.isEmpty && optional > 0 && requiredPoints >= minPoints {
                reader.warning(
                    node,
                    "min_points \(minPoints) is always met: the required criteria alone give \(requiredPoints) points, so the other criteria never decide; raise min_points above \(requiredPoints) or leave it out"
                )
            }
        }
        if required.isEmpty && (minPoints ?? 0) == 0 {
            reader.error(
                fields["min_points"] ?? root,
                "with no required criteria and no min_points every lead qualifies; mark criteria with required: true, or set min_points"
            )
        }
    }
}
