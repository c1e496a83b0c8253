public import Core

/// The service-level agreement: for each pipeline stage, who follows a lead up, how fast, how
/// persistently, and what happens when nobody gets through.
public struct ServiceLevelAgreement: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        /// The pipeline stage the rule applies to (its id).
        public var stage: String?
        public var stageLocation: SourceLocation?
        /// What starts the clock: "An SQL is assigned to an account manager".
        public var trigger: String?
        /// The team that makes contact.
        public var owner: String?
        /// Time to the first real contact attempt; business time when `businessHours` is set.
        public var firstResponse: TimeSpan?
        public var businessHours: BusinessHours?
        public var attempts: Attempts?
        public var escalation: Escalation?
        public var onNoContact: NoContactAction?

        public init() {}
    }

    /// How many times to try, over how long.
    public struct Attempts: Sendable, Equatable {
        public var count: Int
        /// Calendar time from the first attempt to the last.
        public var within: TimeSpan

        public init(count: Int, within: TimeSpan) {
            self.count = count
            self.within = within
        }
    }

    /// Who hears about a lead that has not been contacted in time.
    public struct Escalation: Sendable, Equatable {
        /// Time without contact before escalating; business time when the rule has business hours.
        public var after: TimeSpan
        public var notify: String
        /// What that person does: "Reassign to another account manager".
        public var action: String?

        public init(after: TimeSpan, notify: String, action: String? = nil) {
            self.after = after
            self.notify = notify
            self.action = action
        }
    }

    /// What happens to a lead when every attempt failed.
    public enum NoContactAction: String, Sendable, CaseIterable {
        /// Back to marketing's nurture programme.
        case recycle
        /// Closed as not qualified, with a reason code.
        case disqualify
        /// Given to another owner.
        case reassign
    }

    public var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules
    }
}
