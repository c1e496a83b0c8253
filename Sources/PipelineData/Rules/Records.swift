internal import Core

/// Where a lead stands: still being worked, or closed as won or lost.
public enum LeadStatus: UInt8, Sendable {
    case open, won, lost

    /// `open`, `won` or `lost` as ASCII bytes in any case; nil for anything else.
    init?(ascii bytes: UnsafeBufferPointer<UInt8>) {
        var word: UInt32 = 0
        guard bytes.count <= 4 else { return nil }
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            word = word << 8 | UInt32(byte | 0x20)
        }
        switch word {
        case 0x6F70_656E: self = .open
        case 0x77_6F6E: self = .won
        case 0x6C6F_7374: self = .lost
        default: return nil
        }
    }

    /// `open`, `won`, `lost` in English and Danish (`åben`, `vundet`, `tabt`), as CRMs write them.
    init?(text: String) {
        switch Preset.normalized(text) {
        case "open", "åben", "aben", "": self = .open
        case "won", "vundet", "closed won": self = .won
        case "lost", "tabt", "closed lost": self = .lost
        default: return nil
        }
    }
}

/// Every lead of the exports, as columns: one entry per lead in each array. Instants are UTC
/// seconds; `Records.none` stands for a value the export does not have.
public struct Records: Sendable {
    public static let none = Int64.min

    /// The pipeline's stage ids, in order: `entries` holds one instant per stage per lead.
    public var stages: [String]
    /// The leads' ids, in the order of the other arrays.
    var ids = IDTable()
    var createdAt: [Int64] = []
    /// `stages.count` instants per lead: entry into each stage.
    var entries: [Int64] = []
    var firstTouch: [Int64] = []
    var status: [LeadStatus] = []
    var closedAt: [Int64] = []
    /// Ten-thousandths of the currency; `none` when the lead has no amount.
    var amount: [Int64] = []
    /// An index into `labels`, or -1.
    var currency: [Int32] = []
    var team: [Int32] = []
    var owner: [Int32] = []
    /// The channel and the campaign that brought the lead (`Original Source`, `First Touch
    /// Converting Campaign`): indexes into `labels`, or -1.
    var source: [Int32] = []
    var campaign: [Int32] = []
    /// Where each lead is written: an index into `files`, and the line.
    var origin: [(file: Int32, line: Int32)] = []
    /// The deals a lead's row names (HubSpot's `Associated Deal IDs`, Salesforce's `Converted Opportunity ID`).
    var dealLinks: [(lead: Int32, deal: String)] = []

    /// Touches: the lead, when, and whether a machine sent it.
    var touches: [(lead: Int32, at: Int64, automated: Bool)] = []

    /// Interned text of the labels: currencies, teams, owners.
    var labels: [String] = []
    var labelIndex: [String: Int32] = [:]
    var files: [String] = []

    /// The latest instant anywhere in the data (rows of touches included), for a default `as_of`.
    public internal(set) var latest = Int64.min

    public var count: Int { createdAt.count }

    init(stages: [String]) {
        self.stages = stages
    }

    mutating func label(_ text: String) -> Int32 {
        if let index = labelIndex[text] { return index }
        let index = Int32(labels.count)
        labels.append(text)
        labelIndex[text] = index
        return index
    }

    func labelText(_ index: Int32) -> String? { index >= 0 ? labels[Int(index)] : nil }

    func entry(_ lead: Int, _ stage: Int) -> Int64 { entries[lead * stages.count + stage] }

    /// Makes room for this many leads in every array.
    mutating func reserve(_ leads: Int) {
        ids.reserveCapacity(leads)
        createdAt.reserveCapacity(leads)
        entries.reserveCapacity(leads * stages.count)
        firstTouch.reserveCapacity(leads)
        status.reserveCapacity(leads)
        closedAt.reserveCapacity(leads)
        amount.reserveCapacity(leads)
        currency.reserveCapacity(leads)
        team.reserveCapacity(leads)
        owner.reserveCapacity(leads)
        source.reserveCapacity(leads)
        campaign.reserveCapacity(leads)
        origin.reserveCapacity(leads)
    }

    /// `on line 12 of content/crm/leads.csv`, or `at $[3] of content/crm/leads.json`.
    func describe(_ origin: (file: Int32, line: Int32)) -> String {
        let file = files[Int(origin.file)]
        return file.hasSuffix(".json") ? "at $[\(origin.line)] of \(file)" : "on line \(origin.line) of \(file)"
    }

    /// Where a row is, for a message: its line, or its JSON path in a JSON file.
    func location(file: Int32, line: Int32) -> SourceLocation {
        let name = files[Int(file)]
        return name.hasSuffix(".json")
            ? SourceLocation(file: name, path: "$[\(line)]") : SourceLocation(file: name, line: Int(line))
    }

    /// Adds the leads of another part of the same file, read after these: false, with nothing
    /// added, when one of its ids is already here (then the part is to be read after these).
    mutating func append(_ other: Records) -> Bool {
        guard ids.append(other.ids) else { return false }
        let base = Int32(count)
        var map: [Int32] = []
        for text in other.labels { map.append(label(text)) }
        func mapped(_ index: Int32) -> Int32 { index >= 0 ? map[Int(index)] : -1 }
        createdAt.append(contentsOf: other.createdAt)
        entries.append(contentsOf: other.entries)
        firstTouch.append(contentsOf: other.firstTouch)
        status.append(contentsOf: other.status)
        closedAt.append(contentsOf: other.closedAt)
        amount.append(contentsOf: other.amount)
        currency.append(contentsOf: other.currency.lazy.map(mapped))
        team.append(contentsOf: other.team.lazy.map(mapped))
        owner.append(contentsOf: other.owner.lazy.map(mapped))
        source.append(contentsOf: other.source.lazy.map(mapped))
        campaign.append(contentsOf: other.campaign.lazy.map(mapped))
        origin.append(contentsOf: other.origin)
        dealLinks.append(contentsOf: other.dealLinks.lazy.map { (base + $0.lead, $0.deal) })
        touches.append(contentsOf: other.touches)
        if other.latest > latest { latest = other.latest }
        return true
    }

    mutating func noteInstant(_ t: Int64) {
        if t != Records.none, t > latest { latest = t }
    }
}

/// One deal or opportunity, until it is joined to its lead.
struct DealRow {
    var id: String
    var leadIDs: [String]
    var createdAt: Int64
    var entries: [Int64]
    var status: LeadStatus
    var closedAt: Int64
    var amount: Int64
    var currency: Int32
    var team: Int32
    var owner: Int32
    var source: Int32
    var campaign: Int32
    var file: Int32
    var line: Int32
}
