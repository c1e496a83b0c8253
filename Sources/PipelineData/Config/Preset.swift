/// The kinds of export Tandem reads, each mapping its export's own headers to the normalized
/// record (docs/pipeline.md, "Presets"). Header names are matched without regard to case, to
/// spaces around them, or to an en dash written for a hyphen (Pipedrive does both).
public enum Preset: String, Sendable, CaseIterable {
    case tandem
    case tandemTouches = "tandem-touches"
    case hubspotContacts = "hubspot-contacts"
    case hubspotDeals = "hubspot-deals"
    case salesforceLeads = "salesforce-leads"
    case salesforceOpportunities = "salesforce-opportunities"
    case pipedriveDeals = "pipedrive-deals"

    /// What one row of the export is.
    public enum Kind: Sendable { case leads, deals, touches }

    public var kind: Kind {
        switch self {
        case .tandem, .hubspotContacts, .salesforceLeads: .leads
        case .hubspotDeals, .salesforceOpportunities, .pipedriveDeals: .deals
        case .tandemTouches: .touches
        }
    }

    /// The normalized fields a column can be mapped to (`<stage>_at` besides these).
    public enum Field: String, Sendable, CaseIterable {
        case leadID = "lead_id", dealID = "deal_id", leadIDs = "lead_ids", dealIDs = "deal_ids"
        case createdAt = "created_at", firstTouchAt = "first_touch_at", status, closedAt = "closed_at"
        case amount, currency, owner, team, source, campaign
        /// The record's current stage label (a deal's stage, a contact's lifecycle stage).
        case stage
        /// Salesforce's `Won` and `Closed` flags, HubSpot's `Is closed won` and `Is closed lost`.
        case wonFlag = "won", closedFlag = "closed", lostFlag = "lost"
        /// A touch: when, what kind, and whether a machine sent it.
        case at, kind, automated

        /// The field's place in `allCases`, without a search.
        var position: Int {
            switch self {
            case .leadID: 0
            case .dealID: 1
            case .leadIDs: 2
            case .dealIDs: 3
            case .createdAt: 4
            case .firstTouchAt: 5
            case .status: 6
            case .closedAt: 7
            case .amount: 8
            case .currency: 9
            case .owner: 10
            case .team: 11
            case .source: 12
            case .campaign: 13
            case .stage: 14
            case .wonFlag: 15
            case .closedFlag: 16
            case .lostFlag: 17
            case .at: 18
            case .kind: 19
            case .automated: 20
            }
        }
    }

    /// The fields of this kind of record, for `columns:` and its did-you-mean.
    var fields: [Field] {
        switch kind {
        case .leads:
            [
                .leadID, .createdAt, .firstTouchAt, .status, .closedAt, .amount, .currency, .owner, .team, .source, .campaign,
                .stage, .dealIDs,
            ]
        case .deals:
            [
                .dealID, .leadIDs, .createdAt, .status, .closedAt, .amount, .currency, .owner, .team, .source, .campaign, .stage,
                .wonFlag, .closedFlag, .lostFlag,
            ]
        case .touches: [.leadID, .at, .kind, .automated]
        }
    }

    /// The fields a row cannot do without.
    var required: [Field] {
        switch kind {
        case .leads: [.leadID, .createdAt]
        case .deals: [.dealID, .createdAt]
        case .touches: [.leadID, .at]
        }
    }

    /// The export's header names for each field, in the order they are preferred.
    var headers: [Field: [String]] {
        switch self {
        case .tandem:
            Dictionary(uniqueKeysWithValues: fields.map { ($0, [$0.rawValue]) })
        case .tandemTouches:
            [.leadID: ["lead_id"], .at: ["at"], .kind: ["kind"], .automated: ["automated"]]
        case .hubspotContacts:
            [
                .leadID: ["Record ID", "Contact ID"], .createdAt: ["Create Date"],
                .firstTouchAt: ["First outreach date", "Date of first engagement"], .owner: ["Contact owner"],
                .stage: ["Lifecycle Stage"], .source: ["Original Source", "Original Traffic Source"],
                .closedAt: ["Became a Customer Date", "Date entered \"Customer (Lifecycle Stage Pipeline)\""],
                .campaign: ["First Touch Converting Campaign"], .dealIDs: ["Associated Deal IDs"],
            ]
        case .hubspotDeals:
            [
                .dealID: ["Record ID", "Deal ID"], .createdAt: ["Create Date"], .owner: ["Deal owner"],
                .stage: ["Deal Stage"], .closedAt: ["Close Date"], .amount: ["Amount"], .currency: ["Currency"],
                .leadIDs: ["Associated Contact IDs"], .wonFlag: ["Is closed won"], .lostFlag: ["Is closed lost"],
                .source: ["Original Source"],
            ]
        case .salesforceLeads:
            [
                .leadID: ["Lead ID", "Lead Id"], .createdAt: ["Create Date", "Created Date"], .owner: ["Lead Owner"],
                .firstTouchAt: ["First Call Date", "First Email Date"], .source: ["Lead Source"],
                .dealIDs: ["Converted Opportunity ID", "Converted Opportunity Id"], .stage: ["Lead Status"],
            ]
        case .salesforceOpportunities:
            [
                .dealID: ["Opportunity ID", "Opportunity Id"], .createdAt: ["Created Date", "Create Date"],
                .owner: ["Opportunity Owner"], .stage: ["Stage"], .wonFlag: ["Won"], .closedFlag: ["Closed"],
                .closedAt: ["Close Date"], .amount: ["Amount"], .currency: ["Opportunity Currency", "Amount Currency"],
                .source: ["Lead Source"], .campaign: ["Primary Campaign Source"],
            ]
        case .pipedriveDeals:
            [
                .dealID: ["Deal - ID"], .createdAt: ["Deal - Deal created", "Deal - Deal created on", "Deal - Creation date"],
                .owner: ["Deal - Owner"], .stage: ["Deal - Stage"], .status: ["Deal - Status"],
                .closedAt: ["Deal - Won time", "Deal - Lost time", "Deal - Deal closed on", "Deal - Closed on"],
                .amount: ["Deal - Value"], .currency: ["Deal - Currency", "Deal - Currency of value"],
                .leadIDs: ["Person - ID"], .source: ["Deal - Source channel", "Deal - Source origin"],
            ]
        }
    }

    /// Stage labels as the export writes them, mapped to the standard pipeline's stage ids; a
    /// site's `stages:` adds to them and wins over them.
    var stageLabels: [String: String] {
        switch self {
        case .hubspotContacts:
            [
                "Lead": "inquiry", "Marketing Qualified Lead": "mql", "Sales Qualified Lead": "sql",
                "Opportunity": "opportunity", "Customer": "customer",
            ]
        default: [:]
        }
    }

    /// Whether the export names stage-entry columns after stage labels: HubSpot's `Became a
    /// Sales Qualified Lead Date` and `Date entered "Sales Qualified Lead (Lifecycle Stage Pipeline)"`.
    var hasLabelledStageColumns: Bool { self == .hubspotContacts || self == .hubspotDeals }

    /// HubSpot lifecycle stages that are no stage of a sales pipeline: their columns are not used.
    static let notPipelineStages: Set<String> = ["subscriber", "evangelist", "other", "other lifecycle stage"]

    /// Stage labels that mean won, or lost, when the export has no status column.
    var wonStages: [String] {
        switch self {
        case .hubspotContacts: ["Customer"]
        case .hubspotDeals, .salesforceOpportunities: ["Closed Won"]
        default: []
        }
    }

    var lostStages: [String] {
        switch self {
        case .hubspotDeals, .salesforceOpportunities: ["Closed Lost"]
        default: []
        }
    }

    /// Salesforce report exports end with a blank line and a footer ("Grand Totals", copyright).
    var hasFooter: Bool { self == .salesforceLeads || self == .salesforceOpportunities }

    /// `"sales qualified lead"`: a header or label as compared, without case, outer spaces,
    /// doubled spaces, or the difference between a hyphen and an en or em dash.
    static func normalized(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            var character = scalar
            if scalar == "\u{2013}" || scalar == "\u{2014}" { character = "-" }
            if character == " " || character == "\u{A0}" || character == "\t" {
                if !lastWasSpace { out.unicodeScalars.append(" ") }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            out.unicodeScalars.append(contentsOf: String(character).lowercased().unicodeScalars)
        }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// The stage label a HubSpot stage-entry header names, or nil: `Became a Customer Date` and
    /// `Date entered "Customer (Lifecycle Stage Pipeline)"` name `Customer`.
    /// The label is compared normalized, or kept as written with `keepingCase`.
    static func labelledStage(inHeader header: String, keepingCase: Bool = false) -> String? {
        let text = normalized(header)
        let written = keepingCase ? header.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") : text
        guard written.count == text.count else { return labelledStage(inHeader: header) }
        for prefix in ["became an ", "became a "] where text.hasPrefix(prefix) && text.hasSuffix(" date") {
            return String(written.dropFirst(prefix.count).dropLast(" date".count))
        }
        let opening = "date entered \""
        if text.hasPrefix(opening), text.hasSuffix("\"") {
            var inner = String(written.dropFirst(opening.count).dropLast())
            if inner.hasSuffix(")"), let open = inner.lastIndex(of: "(") {
                inner = String(inner[..<open])
                if inner.hasSuffix(" ") { inner.removeLast() }
            }
            return inner
        }
        return nil
    }
}
