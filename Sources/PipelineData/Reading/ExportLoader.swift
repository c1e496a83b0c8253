internal import Core
internal import Formats

/// The cells of one row of an export, whatever its format: CSV or the normalized JSON.
protocol ExportRow {
    var cellCount: Int { get }
    func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
    func location(_ column: Int) -> SourceLocation
    var line: Int { get }
}

/// Reads one export into the records: maps its headers by the preset and `sources.yml`, then
/// every row, each bad value counted in the data quality (docs/pipeline.md, rules 6 and 7).
struct ExportLoader {
    let source: CRMSources.Source
    /// The file as shown in messages: `content/crm/contacts.csv`.
    let display: String
    let zone: ZoneRules
    let stages: [String]
    let fileIndex: Int32

    /// For each field, the columns that hold it, preferred first.
    private(set) var columns = ColumnMap()
    /// Columns holding a stage's entry: the stage's position and the column.
    private(set) var stageColumns: [(stage: Int, column: Int)] = []
    private var wonLabels: Set<String> = []
    private var lostLabels: Set<String> = []
    /// Labels of the stage column, mapped or not, for the warning about labels with no mapping.
    private var stageLabelMap: [String: Int] = [:]
    private var decimalMark: UInt8
    /// The stage whose entry is a lead's winning when the export has no closing date: the one
    /// HubSpot's `Customer` maps to.
    private var wonEntryStage: Int?

    init(source: CRMSources.Source, display: String, zone: ZoneRules, stages: [String], fileIndex: Int32) {
        self.source = source
        self.display = display
        self.zone = zone
        self.stages = stages
        self.fileIndex = fileIndex
        self.decimalMark = source.decimalMark ?? UInt8(ascii: ".")
        let preset = source.preset
        wonLabels = Set((source.wonStages ?? preset.wonStages).map(Preset.normalized))
        lostLabels = Set((source.lostStages ?? preset.lostStages).map(Preset.normalized))
    }

    // MARK: - Headers

    /// Maps the header row's names to fields. Returns false when the file cannot be read (a
    /// required column is missing, or `columns:` names a header or field that does not exist).
    mutating func mapHeader(_ header: [String], location: (Int) -> SourceLocation, _ diagnostics: inout Diagnostics) -> Bool {
        let preset = source.preset
        let names = header.map(Preset.normalized)
        var firstColumn: [String: Int] = [:]
        for (i, name) in names.enumerated() where firstColumn[name] == nil { firstColumn[name] = i }
        var ok = true

        // The preset's own headers.
        for (field, candidates) in preset.headers {
            let found = candidates.compactMap { firstColumn[Preset.normalized($0)] }
            if !found.isEmpty { columns[field] = found }
        }
        // Stage labels: the preset's, then the site's `stages:` over them.
        var labels: [String: Int] = [:]
        for (label, id) in preset.stageLabels {
            if let stage = stages.firstIndex(of: id) { labels[Preset.normalized(label)] = stage }
        }
        for entry in source.stages {
            guard let stage = stages.firstIndex(of: entry.stage) else {
                let hint = Suggestion.didYouMean(entry.stage, in: stages)
                diagnostics.error(
                    entry.location,
                    "stage \"\(entry.stage)\" is not a stage of the pipeline"
                        + (hint.isEmpty ? "; expected one of: \(stages.joined(separator: ", "))" : hint))
                ok = false
                continue
            }
            labels[Preset.normalized(entry.label)] = stage
        }
        stageLabelMap = labels
        scratch = [Int64](repeating: Records.none, count: stages.count)
        if preset == .hubspotContacts { wonEntryStage = labels["customer"] }
        // Stage-entry columns.
        for (i, name) in names.enumerated() {
            if preset == .tandem, name.hasSuffix("_at"), let stage = stages.firstIndex(of: String(name.dropLast(3))) {
                stageColumns.append((stage, i))
            } else if preset.hasLabelledStageColumns, let label = Preset.labelledStage(inHeader: header[i]) {
                if seenLabels[label] == nil { seenLabels[label] = Preset.labelledStage(inHeader: header[i], keepingCase: true) }
                if let stage = labels[label] {
                    stageColumns.append((stage, i))
                } else if !Preset.notPipelineStages.contains(label) {
                    let label = Preset.labelledStage(inHeader: header[i], keepingCase: true) ?? label
                    diagnostics.warning(
                        location(i),
                        "the column \"\(header[i])\" is the entry into the stage \"\(label)\", which maps to no pipeline stage, so it is not used; map it in sources.yml, e.g. stages: {\"\(label)\": \(stages.last ?? "sql")}"
                    )
                }
            }
        }
        // The site's `columns:` over all of them.
        let fieldNames = preset.fields.map(\.rawValue) + stages.map { $0 + "_at" }
        for entry in source.columns {
            guard let column = firstColumn[Preset.normalized(entry.header)] else {
                let hint = Suggestion.didYouMean(entry.header, in: header)
                diagnostics.error(
                    entry.location,
                    "the column \"\(entry.header)\" is not in \(display)"
                        + (hint.isEmpty ? "; its header has: \(header.prefix(12).joined(separator: ", "))" : hint))
                ok = false
                continue
            }
            if let field = Preset.Field(rawValue: entry.field), preset.fields.contains(field) {
                columns[field] = [column] + (columns[field] ?? []).filter { $0 != column }
            } else if entry.field.hasSuffix("_at"), let stage = stages.firstIndex(of: String(entry.field.dropLast(3))) {
                stageColumns.removeAll { $0.column == column }
                stageColumns.append((stage, column))
            } else {
                let hint = Suggestion.didYouMean(entry.field, in: fieldNames)
                diagnostics.error(
                    entry.location,
                    "\"\(entry.field)\" is not a field of a \(preset.rawValue) row"
                        + (hint.isEmpty ? "; expected one of: \(fieldNames.joined(separator: ", "))" : hint))
                ok = false
            }
        }
        for field in preset.required where columns[field] == nil {
            let candidates = (preset.headers[field] ?? [field.rawValue]).map { "\"\($0)\"" }.joined(separator: " or ")
            diagnostics.error(
                location(0),
                "\(display) has no \(field.rawValue) column; expected \(candidates) (a \(preset.rawValue) export), or name yours in sources.yml with columns: {\"Your header\": \(field.rawValue)}"
            )
            ok = false
        }
        return ok
    }

    // MARK: - Rows

    /// Reads one row into the records; false when it is not used (a problem is counted).
    mutating func read(
        _ row: some ExportRow, headerCount: Int, into records: inout Records, deals: inout [DealRow],
        touchLeads: inout [(id: String, file: Int32, line: Int32)], quality: inout DataQuality
    ) -> Bool {
        if row.cellCount != headerCount {
            quality.note(
                row.location(0), summary: "a row whose number of cells differs from the header's was left out",
                detail:
                    "this row has \(row.cellCount) cells and the header \(headerCount); it is left out (is a value's comma or quote missing?)"
            )
            return false
        }
        switch source.preset.kind {
        case .leads: return readLead(row, into: &records, quality: &quality)
        case .deals: return readDeal(row, into: &records, deals: &deals, quality: &quality)
        case .touches: return readTouch(row, into: &records, touchLeads: &touchLeads, quality: &quality)
        }
    }

    private func text(_ row: some ExportRow, _ field: Preset.Field) -> String? {
        guard let list = columns[field] else { return nil }
        for column in list {
            let value = row.withCell(column) { Self.trimmed($0) }
            if !value.isEmpty { return value }
        }
        return nil
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: trim(bytes)), as: UTF8.self)
    }

    /// The bytes without spaces and tabs around them.
    static func trim(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[start..<end]
    }

    /// Whether any of the field's columns has a value in this row.
    private func has(_ row: some ExportRow, _ field: Preset.Field) -> Bool {
        for column in columns[field] ?? [] where row.withCell(column, { !Self.trim($0).isEmpty }) { return true }
        return false
    }

    /// The instant in a column: nil when empty, `Records.none` (with a problem) when unreadable.
    private func instant(
        _ row: some ExportRow, column: Int, name: String, quality: inout DataQuality, records: inout Records,
        dropsRow: Bool = false
    ) -> Int64? {
        let order = source.dateOrder
        let parsed: LocalTimestamp?? = row.withCell(column) { bytes in
            var start = 0
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            if start == bytes.count { return .none }
            return .some(TimestampParser.parse(bytes, order: order))
        }
        guard let parsed else { return nil }
        guard let stamp = parsed else {
            let value = row.withCell(column) { Self.trimmed($0) }
            let dropped = dropsRow ? "; the row is left out" : ""
            quality.note(
                row.location(column), summary: "\"\(name)\" is not a timestamp" + dropped,
                detail:
                    "\"\(name)\" \"\(value.prefix(40))\" is not a timestamp; expected \(TimestampParser.expectedForms(order: order))"
                    + (order == nil && Self.looksDayFirst(value)
                        ? ", or set date_order: dmy or mdy for this file in sources.yml" : "")
                    + dropped
            )
            return Records.none
        }
        let t: Int64
        if let utc = stamp.utc {
            t = utc
        } else {
            let (seconds, kind) = zone.utc(fromLocal: stamp.seconds)
            t = seconds
            if kind == .overlap {
                let value = row.withCell(column) { Self.trimmed($0) }
                quality.note(
                    row.location(column),
                    summary: "a time without an offset falls in the hour the clocks are turned back; the earlier instant is used",
                    detail:
                        "\"\(name)\" \"\(value)\" happened twice in \(zone.identifier) (the clocks were turned back); the earlier instant is used. Export with an offset (e.g. +02:00) to be exact"
                )
            }
        }
        records.noteInstant(t)
        return t
    }

    static func looksDayFirst(_ text: String) -> Bool {
        let digits = text.prefix(while: { $0.isNumber })
        return (1...2).contains(digits.count) && text.dropFirst(digits.count).first.map { ".-/".contains($0) } == true
    }

    /// The earliest readable instant among the field's columns, or `none`.
    private func earliest(_ row: some ExportRow, _ field: Preset.Field, quality: inout DataQuality, records: inout Records)
        -> Int64
    {
        var best = Records.none
        for column in columns[field] ?? [] {
            guard let t = instant(row, column: column, name: headerName(column), quality: &quality, records: &records),
                t != Records.none
            else { continue }
            if best == Records.none || t < best { best = t }
        }
        return best
    }

    /// The first column of the field that has a value, read as an instant.
    private func firstInstant(
        _ row: some ExportRow, _ field: Preset.Field, quality: inout DataQuality, records: inout Records,
        dropsRow: Bool = false
    ) -> Int64? {
        for column in columns[field] ?? [] {
            if let t = instant(
                row, column: column, name: headerName(column), quality: &quality, records: &records, dropsRow: dropsRow)
            {
                return t
            }
        }
        return nil
    }

    var headerNames: [String] = []
    /// Reused for each row's stage entries.
    private var scratch: [Int64] = []
    /// The channels and campaigns seen so far, by their bytes.
    private var sources = LabelCache()
    private var campaigns = LabelCache()

    /// Forgets the labels seen, for a copy that reads into other records (the second half of a file).
    mutating func forgetLabels() {
        sources = LabelCache()
        campaigns = LabelCache()
    }
    /// Whether owners and teams are read: owners only for `show_owners`, teams only for goals of a team.
    var readsOwners = false
    var readsTeams = false
    /// Whether a lead's deal ids are read: only when a deal file is there to join.
    var readsDealLinks = true

    private func headerName(_ column: Int) -> String { column < headerNames.count ? headerNames[column] : "column \(column + 1)" }

    private mutating func stageEntries(_ row: some ExportRow, quality: inout DataQuality, records: inout Records) -> [Int64] {
        var entries = scratch
        for i in entries.indices { entries[i] = Records.none }
        for (stage, column) in stageColumns {
            guard let t = instant(row, column: column, name: headerName(column), quality: &quality, records: &records),
                t != Records.none
            else { continue }
            if entries[stage] == Records.none || t < entries[stage] { entries[stage] = t }
        }
        return entries
    }

    /// The status from the status column, the won and closed flags, or the stage label.
    /// The status of each stage label seen, by its bytes.
    private var labelStatuses: [(label: [UInt8], status: LeadStatus)] = []

    private mutating func status(_ row: some ExportRow, quality: inout DataQuality) -> LeadStatus {
        if let column = columns[.status]?.first,
            let status = row.withCell(column, { LeadStatus(ascii: UnsafeBufferPointer(rebasing: Self.trim($0))) })
        {
            return status
        }
        if let text = text(row, .status) {
            if let status = LeadStatus(text: text) { return status }
            if Preset.normalized(text) == "deleted" { return .lost }
            quality.note(
                row.location(columns[.status]![0]), summary: "a status that is not open, won or lost was read as open",
                detail: "status \"\(text.prefix(40))\" is not open, won or lost; the row is read as open")
            return .open
        }
        // Flags, where the export has them, decide over the stage's label.
        let won = text(row, .wonFlag).flatMap(Self.flag)
        let closed = text(row, .closedFlag).flatMap(Self.flag)
        let lost = text(row, .lostFlag).flatMap(Self.flag)
        if won == true { return .won }
        if lost == true || (closed == true && won == false) { return .lost }
        if won != nil || lost != nil || closed != nil { return .open }
        guard let column = columns[.stage]?.first else { return .open }
        // Stage labels repeat: each distinct one is normalized once.
        let known = row.withCell(column) { bytes -> LeadStatus? in
            let label = Self.trim(bytes)
            for entry in labelStatuses where entry.label.elementsEqual(label) { return entry.status }
            return nil
        }
        if let known { return known }
        let label = row.withCell(column) { Array(Self.trim($0)) }
        let name = Preset.normalized(String(decoding: label, as: UTF8.self))
        let status: LeadStatus = wonLabels.contains(name) ? .won : lostLabels.contains(name) ? .lost : .open
        if labelStatuses.count < 64 { labelStatuses.append((label, status)) }
        return status
    }

    static func flag(_ text: String) -> Bool? {
        switch Preset.normalized(text) {
        case "1", "true", "yes", "ja", "sand": true
        case "0", "false", "no", "nej", "falsk": false
        default: nil
        }
    }

    private func amount(_ row: some ExportRow, quality: inout DataQuality) -> Int64 {
        guard let column = columns[.amount]?.first else { return Records.none }
        let mark = decimalMark
        let value: Int64?? = row.withCell(column) { bytes in
            if bytes.allSatisfy({ $0 == 0x20 }) { return .none }
            return .some(AmountParser.parse(bytes, decimalMark: mark))
        }
        guard let value else { return Records.none }
        guard let amount = value else {
            let text = row.withCell(column) { Self.trimmed($0) }
            let other = mark == UInt8(ascii: ".") ? "," : "."
            quality.note(
                row.location(column), summary: "\"\(headerName(column))\" is not an amount",
                detail:
                    "\"\(headerName(column))\" \"\(text.prefix(40))\" is not an amount; expected digits with \"\(String(UnicodeScalar(mark)))\" before the decimals, e.g. 25000\(String(UnicodeScalar(mark)))50"
                    + (text.contains(other)
                        ? " (if this file writes decimals with \"\(other)\", set decimal: \"\(other)\" for it in sources.yml)"
                        : "")
            )
            return Records.none
        }
        return amount
    }

    private func currency(_ row: some ExportRow, records: inout Records, quality: inout DataQuality) -> Int32 {
        if let text = text(row, .currency) {
            let code = text.uppercased()
            if code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) {
                return records.label(code)
            }
            quality.note(
                row.location(columns[.currency]![0]), summary: "a currency that is not an ISO 4217 code was not used",
                detail: "currency \"\(text.prefix(20))\" is not an ISO 4217 code such as DKK; the amount's currency is unknown")
            return -1
        }
        if let currency = source.currency { return records.label(currency) }
        return -1
    }

    /// Notes the stage label of a row, for the check of `stages:` labels that occur nowhere.
    private mutating func checkStageLabel(_ row: some ExportRow, quality: inout DataQuality) {
        guard !source.stages.isEmpty, let label = text(row, .stage) else { return }
        let name = Preset.normalized(label)
        if seenLabels[name] == nil { seenLabels[name] = label }
    }

    /// Takes the labels seen by a loader of a later part of the same file.
    mutating func append(_ other: ExportLoader) {
        for (name, label) in other.seenLabels where seenLabels[name] == nil { seenLabels[name] = label }
    }

    /// Labels of the export's stage column and stage-entry headers, seen while reading.
    private var seenLabels: [String: String] = [:]

    /// After the rows: a `stages:` label that occurs nowhere in the export is a warning (a typo
    /// there leaves a stage without its entries).
    func finish(_ diagnostics: inout Diagnostics) {
        let seen = seenLabels.values.sorted()
        for entry in source.stages where seenLabels[Preset.normalized(entry.label)] == nil {
            let hint = Suggestion.didYouMean(entry.label, in: seen)
            diagnostics.warning(
                entry.location,
                "the stage label \"\(entry.label)\" occurs nowhere in \(display), neither as a stage nor in a header; it maps nothing"
                    + hint)
        }
    }

    private func hasRequired(_ row: some ExportRow, _ field: Preset.Field, quality: inout DataQuality) -> Bool {
        if has(row, field) { return true }
        let column = columns[field]![0]
        quality.note(
            row.location(column), summary: "a row without \(field.rawValue) was left out",
            detail: "this row has no \(field.rawValue) (column \"\(headerName(column))\"); it is left out")
        return false
    }

    private func required(_ row: some ExportRow, _ field: Preset.Field, quality: inout DataQuality) -> String? {
        if let value = text(row, field) { return value }
        let column = columns[field]![0]
        quality.note(
            row.location(column), summary: "a row without \(field.rawValue) was left out",
            detail: "this row has no \(field.rawValue) (column \"\(headerName(column))\"); it is left out")
        return nil
    }

    private func created(_ row: some ExportRow, quality: inout DataQuality, records: inout Records) -> Int64? {
        guard let t = firstInstant(row, .createdAt, quality: &quality, records: &records, dropsRow: true) else {
            let column = columns[.createdAt]![0]
            quality.note(
                row.location(column), summary: "a row without created_at was left out",
                detail: "this row has no \"\(headerName(column))\"; it is left out")
            return nil
        }
        return t == Records.none ? nil : t
    }

    static func splitIDs(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { Array($0.utf8).withUnsafeBufferPointer(Self.trimmed) }.filter
        { !$0.isEmpty }
    }

    private mutating func readLead(_ row: some ExportRow, into records: inout Records, quality: inout DataQuality) -> Bool {
        guard hasRequired(row, .leadID, quality: &quality), let createdAt = created(row, quality: &quality, records: &records)
        else { return false }
        // A lead id seen before: the row is left out before anything else of it is read.
        let idColumn = columns[.leadID]!.first { row.withCell($0, { !Self.trim($0).isEmpty }) }!
        let (earlier, isNew) = row.withCell(idColumn) { records.ids.insert(UnsafeBufferPointer(rebasing: Self.trim($0))) }
        if !isNew {
            let first = records.origin[earlier]
            quality.note(
                row.location(idColumn), summary: "a lead id used twice; the later row was left out",
                detail:
                    "this lead id is also \(records.describe(first)); each lead once, please: this row is left out"
            )
            return false
        }
        checkStageLabel(row, quality: &quality)
        let entries = stageEntries(row, quality: &quality, records: &records)
        let firstTouch = earliest(row, .firstTouchAt, quality: &quality, records: &records)
        var status = status(row, quality: &quality)
        var closedAt = Records.none
        if status != .open {
            closedAt = firstInstant(row, .closedAt, quality: &quality, records: &records) ?? Records.none
            // HubSpot contacts: a customer was won when it became one.
            if closedAt == Records.none, status == .won, let stage = wonEntryStage, entries[stage] != Records.none {
                closedAt = entries[stage]
            }
            if closedAt == Records.none {
                let column = columns[.closedAt]?.first ?? columns[.status]?.first ?? 0
                quality.note(
                    row.location(column), summary: "a won or lost lead without closed_at was read as open",
                    detail: "this lead is \(status == .won ? "won" : "lost") but has no closed_at; it is read as open")
                status = .open
            }
        }
        let lead = Int32(records.count)
        records.createdAt.append(createdAt)
        records.entries.append(contentsOf: entries)
        records.firstTouch.append(firstTouch)
        records.status.append(status)
        records.closedAt.append(closedAt)
        records.amount.append(status == .won ? amount(row, quality: &quality) : Records.none)
        records.currency.append(currency(row, records: &records, quality: &quality))
        records.team.append(readsTeams ? text(row, .team).map { records.label($0) } ?? -1 : -1)
        records.owner.append(readsOwners ? text(row, .owner).map { records.label($0) } ?? -1 : -1)
        records.source.append(sources.label(row, columns[.source], records: &records))
        records.campaign.append(campaigns.label(row, columns[.campaign], records: &records))
        records.origin.append((fileIndex, Int32(row.line)))
        if readsDealLinks, columns[.dealIDs] != nil, let links = text(row, .dealIDs) {
            for deal in Self.splitIDs(links) { records.dealLinks.append((lead, deal)) }
        }
        return true
    }

    private mutating func readDeal(
        _ row: some ExportRow, into records: inout Records, deals: inout [DealRow], quality: inout DataQuality
    ) -> Bool {
        guard let id = required(row, .dealID, quality: &quality),
            let createdAt = created(row, quality: &quality, records: &records)
        else { return false }
        checkStageLabel(row, quality: &quality)
        let entries = stageEntries(row, quality: &quality, records: &records)
        var status = status(row, quality: &quality)
        var closedAt = Records.none
        if status != .open {
            closedAt = firstInstant(row, .closedAt, quality: &quality, records: &records) ?? Records.none
            if closedAt == Records.none {
                let column = columns[.closedAt]?.first ?? columns[.status]?.first ?? 0
                quality.note(
                    row.location(column), summary: "a won or lost deal without a closing date was read as open",
                    detail: "this deal is \(status == .won ? "won" : "lost") but has no closing date; it is read as open")
                status = .open
            }
        }
        deals.append(
            DealRow(
                id: id, leadIDs: text(row, .leadIDs).map(Self.splitIDs) ?? [], createdAt: createdAt,
                entries: entries, status: status, closedAt: closedAt,
                amount: status == .won ? amount(row, quality: &quality) : Records.none,
                currency: currency(row, records: &records, quality: &quality),
                team: readsTeams ? text(row, .team).map { records.label($0) } ?? -1 : -1,
                owner: readsOwners ? text(row, .owner).map { records.label($0) } ?? -1 : -1,
                source: sources.label(row, columns[.source], records: &records),
                campaign: campaigns.label(row, columns[.campaign], records: &records), file: fileIndex,
                line: Int32(row.line)))
        return true
    }

    private func readTouch(
        _ row: some ExportRow, into records: inout Records, touchLeads: inout [(id: String, file: Int32, line: Int32)],
        quality: inout DataQuality
    ) -> Bool {
        guard let id = required(row, .leadID, quality: &quality) else { return false }
        let column = columns[.at]![0]
        guard
            let at = instant(
                row, column: column, name: headerName(column), quality: &quality, records: &records, dropsRow: true)
        else {
            quality.note(
                row.location(column), summary: "a touch without at was left out",
                detail: "this touch has no time (column \"\(headerName(column))\"); it is left out")
            return false
        }
        if at == Records.none { return false }
        var automated = false
        if let text = text(row, .automated) {
            if let value = Self.flag(text) {
                automated = value
            } else {
                quality.note(
                    row.location(columns[.automated]![0]), summary: "automated is neither true nor false",
                    detail: "automated \"\(text.prefix(20))\" is neither true nor false; the touch is counted as made by a person"
                )
            }
        }
        touchLeads.append((id, fileIndex, Int32(row.line)))
        records.touches.append((-1, at, automated))
        return true
    }
}

/// The columns of each field, preferred first: an array by the field's position, not a hash.
struct ColumnMap: Sendable {
    private var table = [[Int]](repeating: [], count: Preset.Field.allCases.count)

    subscript(field: Preset.Field) -> [Int]? {
        get {
            let list = table[field.position]
            return list.isEmpty ? nil : list
        }
        set { table[field.position] = newValue ?? [] }
    }
}

/// The labels of one column seen so far, by their bytes: a channel or a campaign repeats on most
/// rows, and comparing a few bytes costs less than making a `String` to look one up.
struct LabelCache {
    private var entries: [(bytes: [UInt8], label: Int32)] = []
    /// More distinct labels than this are looked up as text.
    static let capacity = 64

    /// The label of the first non-empty cell of `columns` (as ``ExportLoader``'s text), or -1.
    mutating func label(_ row: some ExportRow, _ columns: [Int]?, records: inout Records) -> Int32 {
        guard let columns else { return -1 }
        for column in columns {
            let found: Int32? = row.withCell(column) { cell in
                let bytes = ExportLoader.trim(cell)
                guard !bytes.isEmpty else { return nil }
                if let entry = entries.first(where: { $0.bytes.elementsEqual(bytes) }) { return entry.label }
                let label = records.label(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self))
                if entries.count < Self.capacity { entries.append((Array(bytes), label)) }
                return label
            }
            if let found { return found }
        }
        return -1
    }
}
