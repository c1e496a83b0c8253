public import Core
internal import Dispatch
internal import Formats

/// The exports of `content/crm/`, read and joined: every lead with its stage entries, touches
/// and outcome, the instant everything is evaluated at, and what could not be used.
public struct CRMData: Sendable {
    public var sources: CRMSources
    public var records: Records
    public var quality: DataQuality
    public var zone: ZoneRules
    /// Everything is evaluated as it stood at this instant (docs/pipeline.md, rule 2).
    public var asOf: Int64
}

/// Reads `content/crm/sources.yml` and the exports it names (docs/pipeline.md, rules 6 and 7).
public enum CRMLoader {
    /// The folder of the exports inside a content folder.
    public static let folder = "crm"

    /// Whether the content folder has pipeline data to read.
    public static func hasData(contentDirectory: String) -> Bool {
        FileSystem.exists(contentDirectory + "/" + folder + "/sources.yml")
    }

    /// Reads the sources and their exports.
    ///
    /// - Parameters:
    ///   - stages: the pipeline's stage ids, in order.
    ///   - fallbackZone: the zone when `sources.yml` names none (the SLA's business hours').
    ///   - asOf: `--as-of`, over `sources.yml`'s.
    ///   - strict: a bad value in a row is an error instead of a warning.
    ///   - teams: whether the leads' teams are read (goals of one team need them).
    ///   - halvesFrom: lead files at least this large are read in two halves at once (tests set it low).
    /// - Returns: the data, or nil when there is none or it has errors; every problem found.
    public static func load(
        contentDirectory: String, stages: [String], fallbackZone: String?, asOf override: LocalTimestamp? = nil,
        strict: Bool = false, teams: Bool = true, halvesFrom: Int = CRMLoader.halvesFrom
    ) -> (data: CRMData?, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        let crm = contentDirectory + "/" + folder
        let display = FileSystem.display(crm)
        let sourcesPath = crm + "/sources.yml"
        guard let text = FileSystem.readText(sourcesPath) else { return (nil, []) }
        let sources = CRMSources.parse(text, file: display + "/sources.yml", diagnostics: &diagnostics)
        guard sources.zone != nil || fallbackZone != nil else {
            if !diagnostics.hasErrors {
                diagnostics.error(
                    SourceLocation(file: display + "/sources.yml", line: 1, column: 1),
                    "sources.yml has no time_zone; add the zone of the exports' times, e.g. time_zone: Europe/Copenhagen")
            }
            return (nil, diagnostics.all)
        }
        guard let zone = sources.zone ?? fallbackZone.flatMap({ ZoneRules(identifier: $0) }) else {
            return (nil, diagnostics.all)
        }
        var records = Records(stages: stages)
        var quality = DataQuality(strict: strict)
        var deals: [DealRow] = []
        var touchLeads: [(id: String, file: Int32, line: Int32)] = []
        let canonicalFolder = FileSystem.canonical(crm)
        var leadFiles = 0
        for source in sources.sources {
            let path = crm + "/" + source.file
            let shown = display + "/" + source.file
            guard FileSystem.isRegularFile(path), FileSystem.isInside(path, canonicalFolder) else {
                let names = FileSystem.listFiles(crm).filter { $0 != "sources.yml" }
                let hint = Suggestion.didYouMean(source.file, in: names)
                diagnostics.error(
                    source.location,
                    FileSystem.exists(path) && FileSystem.isRegularFile(path)
                        ? "\(source.file) is a link to a file outside the crm folder; put the export itself in \(display)"
                        : "there is no file \(source.file) in \(display)"
                            + (hint.isEmpty
                                ? (names.isEmpty ? "" : "; it has: \(names.prefix(8).joined(separator: ", "))") : hint))
                continue
            }
            guard let bytes = FileSystem.readBytes(path) else {
                diagnostics.error(SourceLocation(file: shown), "this file cannot be read")
                continue
            }
            let fileIndex = Int32(records.files.count)
            records.files.append(shown)
            if source.preset.kind == .leads { leadFiles += 1 }
            var loader = ExportLoader(
                source: source, display: shown, zone: zone, stages: stages, fileIndex: fileIndex)
            loader.readsOwners = sources.showOwners
            loader.readsTeams = teams
            loader.readsDealLinks = sources.sources.contains { $0.preset.kind == .deals }
            if source.preset.kind == .leads { records.reserve(records.count + Self.count(0x0A, in: bytes, 0..<bytes.count)) }
            if source.file.lowercased().hasSuffix(".json") {
                readJSON(
                    bytes, shown: shown, loader: &loader, records: &records, deals: &deals, touchLeads: &touchLeads,
                    quality: &quality, diagnostics: &diagnostics)
            } else {
                readCSV(
                    bytes, shown: shown, loader: &loader, records: &records, deals: &deals, touchLeads: &touchLeads,
                    quality: &quality, diagnostics: &diagnostics, halvesFrom: halvesFrom)
            }
        }
        // As of: --as-of, else sources.yml, else the latest instant in the data.
        var asOf = records.latest == Records.none ? 0 : records.latest
        let written = override ?? sources.asOf
        if let written {
            asOf = written.utc ?? zone.utc(fromLocal: written.seconds).seconds
            if records.latest != Records.none, asOf < records.latest, override == nil, let location = sources.asOfLocation {
                diagnostics.warning(
                    location,
                    "as_of \(Civil.isoUTC(asOf)) is before the newest record (\(Civil.isoUTC(records.latest))); what happened after as_of is left out of the numbers"
                )
            }
        }
        join(&records, deals: deals, leadFiles: leadFiles, asOf: asOf, quality: &quality)
        resolveTouches(&records, leads: touchLeads, quality: &quality)
        diagnostics.append(contentsOf: quality.allDiagnostics)
        if diagnostics.hasErrors { return (nil, diagnostics.all) }
        return (CRMData(sources: sources, records: records, quality: quality, zone: zone, asOf: asOf), diagnostics.all)
    }

    // MARK: - Formats

    struct CSVRow: ExportRow {
        let scanner: CSVScanner
        let fields: [CSVScanner.Field]
        let file: String

        var cellCount: Int { fields.count }
        var line: Int { scanner.line }

        func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            scanner.withBytes(fields[column], body)
        }

        func location(_ column: Int) -> SourceLocation {
            guard column < fields.count else { return SourceLocation(file: file, line: scanner.line) }
            return SourceLocation(file: file, line: scanner.line(of: fields[column]), column: scanner.column(of: fields[column]))
        }
    }

    static func readCSV(
        _ raw: [UInt8], shown: String, loader: inout ExportLoader, records: inout Records, deals: inout [DealRow],
        touchLeads: inout [(id: String, file: Int32, line: Int32)], quality: inout DataQuality, diagnostics: inout Diagnostics,
        halvesFrom: Int = CRMLoader.halvesFrom
    ) {
        let source = loader.source
        if source.encoding == .utf8, let bad = ExportEncoding.firstInvalidUTF8(raw) {
            diagnostics.error(
                SourceLocation(file: shown, line: bad.line, column: bad.column),
                "this byte is not UTF-8, but sources.yml says encoding: utf-8; save the file as \"CSV UTF-8\", or set encoding: windows-1252"
            )
            return
        }
        let decoded = ExportEncoding.decode(raw, declared: source.encoding)
        if decoded.encoding == .windows1252, source.encoding == nil {
            diagnostics.warning(
                SourceLocation(file: shown),
                "this file is not UTF-8; it is read as Windows-1252 (what Excel saves as plain CSV). Set encoding: windows-1252 in sources.yml to say so, or save it as \"CSV UTF-8\""
            )
        }
        var scanner = CSVScanner(decoded.utf8, delimiter: source.delimiter)
        var fields: [CSVScanner.Field] = []
        do {
            // The header: the first line that is not blank.
            var found = false
            while try scanner.next(&fields) {
                if !CSVScanner.isBlank(fields) {
                    found = true
                    break
                }
            }
            guard found else {
                diagnostics.error(SourceLocation(file: shown), "this file is empty; expected a header line and a row per record")
                return
            }
            let header = fields.map { scanner.string($0) }
            let headerCount = fields.count
            let headerRow = CSVRow(scanner: scanner, fields: fields, file: shown)
            loader.headerNames = header
            guard loader.mapHeader(header, location: { headerRow.location($0) }, &diagnostics) else { return }
            var done = false
            if source.preset.kind == .leads, decoded.utf8.count >= halvesFrom,
                let split = Self.split(decoded.utf8, after: scanner.cursor.position)
            {
                done = try readInHalves(
                    split, scanner: &scanner, fields: &fields, shown: shown, headerCount: headerCount, loader: &loader,
                    records: &records, quality: &quality)
            }
            if !done {
                _ = try readRows(
                    &scanner, fields: &fields, until: Int.max, shown: shown, headerCount: headerCount, loader: &loader,
                    records: &records, deals: &deals, touchLeads: &touchLeads, quality: &quality)
            }
            loader.finish(&diagnostics)
        } catch {
            diagnostics.error(
                SourceLocation(file: shown, line: error.line, column: error.column),
                "this file cannot be read as CSV: \(error.message)")
        }
    }

    /// Reads rows until the end, a footer, or the first record that starts at or after `end`.
    /// Returns whether it stopped at a footer.
    static func readRows(
        _ scanner: inout CSVScanner, fields: inout [CSVScanner.Field], until end: Int, shown: String, headerCount: Int,
        loader: inout ExportLoader, records: inout Records, deals: inout [DealRow],
        touchLeads: inout [(id: String, file: Int32, line: Int32)], quality: inout DataQuality
    ) throws(CSVScanError) -> Bool {
        while scanner.cursor.position < end, try scanner.next(&fields) {
            if CSVScanner.isBlank(fields) {
                if loader.source.preset.hasFooter { return true }
                continue
            }
            quality.rows += 1
            let row = CSVRow(scanner: scanner, fields: fields, file: shown)
            if loader.read(
                row, headerCount: headerCount, into: &records, deals: &deals, touchLeads: &touchLeads, quality: &quality)
            {
                quality.used += 1
            }
        }
        return false
    }

    /// Files of leads this large are read in two halves at once, the second then added to the first.
    public static let halvesFrom = 8 << 20

    /// A record start near the middle of the text: after a line end with an even number of
    /// quotes before it, so outside quotes. Only a guess: `readInHalves` checks it.
    static func split(_ bytes: [UInt8], after start: Int) -> Int? {
        var end = bytes.count / 2
        guard start < end else { return nil }
        var quotes = count(0x22, in: bytes, start..<end)
        for _ in 0..<64 {
            guard let feed = bytes[end...].firstIndex(of: 0x0A), feed + 1 < bytes.count else { return nil }
            quotes += count(0x22, in: bytes, end..<feed + 1)
            end = feed + 1
            if quotes % 2 == 0 { return end }
        }
        return nil
    }

    /// How many bytes of a range equal `byte`, eight at a time: quotes before a split, line ends
    /// to make room for a file's rows at once.
    static func count(_ byte: UInt8, in bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBytes { raw in
            var count = 0
            let words = range.count / 8
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let pattern = 0x0101_0101_0101_0101 &* UInt64(byte)
            for i in 0..<words {
                let x = raw.loadUnaligned(fromByteOffset: range.lowerBound + i * 8, as: UInt64.self) ^ pattern
                let y = ~(((x & low) &+ low) | x | low)
                count += y.nonzeroBitCount
            }
            for i in range.lowerBound + words * 8..<range.upperBound where raw[i] == byte { count += 1 }
            return count
        }
    }

    /// The 1-based line a record starting at `end`, right after a line feed, starts on.
    static func line(at end: Int, in bytes: [UInt8]) -> Int {
        let (feeds, returns) = bytes.withUnsafeBytes { raw in
            var feeds = 0
            var returns = 0
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            for i in 0..<end / 8 {
                let word = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
                let y = word ^ 0x0D0D_0D0D_0D0D_0D0D
                feeds += (~(((x & low) &+ low) | x | low)).nonzeroBitCount
                returns += (~(((y & low) &+ low) | y | low)).nonzeroBitCount
            }
            for i in end / 8 * 8..<end {
                if raw[i] == 0x0A { feeds += 1 }
                if raw[i] == 0x0D { returns += 1 }
            }
            return (feeds, returns)
        }
        var lines = 1 + feeds
        if returns > 0 {
            // A carriage return alone is a line end too.
            for i in 0..<end - 1 where bytes[i] == 0x0D && bytes[i + 1] != 0x0A { lines += 1 }
        }
        return lines
    }

    /// One half's reading, moved between the threads.
    final class Half: @unchecked Sendable {
        var scanner: CSVScanner
        var fields: [CSVScanner.Field]
        var loader: ExportLoader
        var records: Records
        var quality: DataQuality
        var footer = false
        var error: CSVScanError?
        /// The line of the first record, for the second half.
        var line = 1

        init(
            scanner: CSVScanner, fields: [CSVScanner.Field], loader: ExportLoader, records: Records,
            quality: DataQuality
        ) {
            self.scanner = scanner
            self.fields = fields
            self.loader = loader
            self.records = records
            self.quality = quality
        }

        func read(until end: Int, shown: String, headerCount: Int) {
            var deals: [DealRow] = []
            var touchLeads: [(id: String, file: Int32, line: Int32)] = []
            do {
                footer = try CRMLoader.readRows(
                    &scanner, fields: &fields, until: end, shown: shown, headerCount: headerCount, loader: &loader,
                    records: &records, deals: &deals, touchLeads: &touchLeads, quality: &quality)
            } catch {
                self.error = error
            }
        }
    }

    /// Reads the rows of leads before `split` here and those after it on another thread, then
    /// adds the second half to the first: the same records, problems and messages as reading
    /// them in order. Returns false when the rows after the split are still to be read (the
    /// split was not at a record's start, the second half has an id of the first or an error).
    static func readInHalves(
        _ split: Int, scanner: inout CSVScanner, fields: inout [CSVScanner.Field], shown: String, headerCount: Int,
        loader: inout ExportLoader, records: inout Records, quality: inout DataQuality
    ) throws(CSVScanError) -> Bool {
        let bytes = scanner.bytes
        var later = Records(stages: records.stages)
        later.files = records.files
        let first = Half(scanner: scanner, fields: fields, loader: loader, records: records, quality: quality)
        // Moved out, so that the first half's arrays are not copied when they grow.
        records = Records(stages: [])
        // The second half's labels are those of its own records.
        var secondLoader = loader
        secondLoader.forgetLabels()
        let second = Half(
            scanner: CSVScanner(bytes, delimiter: scanner.delimiter, from: split, line: 1), fields: [], loader: secondLoader,
            records: later, quality: DataQuality(strict: quality.strict))
        let halves = [first, second]
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                halves[0].read(until: split, shown: shown, headerCount: headerCount)
            } else {
                let second = halves[1]
                second.line = line(at: split, in: bytes)
                second.scanner = CSVScanner(bytes, delimiter: second.scanner.delimiter, from: split, line: second.line)
                second.records.reserve(count(0x0A, in: bytes, split..<bytes.count) + 1)
                second.read(until: Int.max, shown: shown, headerCount: headerCount)
            }
        }
        scanner = first.scanner
        fields = first.fields
        loader = first.loader
        records = first.records
        quality = first.quality
        first.records = Records(stages: [])
        if let error = first.error { throw error }
        if first.footer { return true }
        guard scanner.cursor.position == split, scanner.cursor.line == second.line, second.error == nil,
            records.append(second.records)
        else { return false }
        quality.append(second.quality)
        loader.append(second.loader)
        return true
    }

    /// One object of a JSON array: the cells in the header's order, from the members' values.
    struct JSONRow: ExportRow {
        let cells: [[UInt8]]
        let file: String
        let index: Int
        let header: [String]
        var line: Int

        var cellCount: Int { cells.count }

        func withCell<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            cells[column].withUnsafeBufferPointer(body)
        }

        func location(_ column: Int) -> SourceLocation {
            SourceLocation(
                file: file, line: line, column: 0, path: "$[\(index)]" + (column < header.count ? "." + header[column] : ""))
        }
    }

    /// The normalized format as JSON: an array of objects whose keys are the columns' names.
    static func readJSON(
        _ raw: [UInt8], shown: String, loader: inout ExportLoader, records: inout Records, deals: inout [DealRow],
        touchLeads: inout [(id: String, file: Int32, line: Int32)], quality: inout DataQuality, diagnostics: inout Diagnostics
    ) {
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: raw)
        } catch {
            diagnostics.error(
                SourceLocation(file: shown, line: error.line, column: error.column),
                "this file is not valid JSON: \(error.message)")
            return
        }
        guard document.kind(document.root) == .array else {
            diagnostics.error(
                SourceLocation(file: shown, path: "$"),
                "expected an array of objects, one per \(loader.source.preset.kind == .touches ? "touch" : "lead")")
            return
        }
        var header: [String] = []
        var columnOf: [String: Int] = [:]
        for element in document.elements(document.root) where document.kind(element) == .object {
            for (key, _) in document.members(element) {
                let name = document.string(key)
                if columnOf[name] == nil {
                    columnOf[name] = header.count
                    header.append(name)
                }
            }
        }
        loader.headerNames = header
        guard
            loader.mapHeader(header, location: { _ in SourceLocation(file: shown, path: "$[0]") }, &diagnostics)
        else { return }
        for (index, element) in document.elements(document.root).enumerated() {
            quality.rows += 1
            guard document.kind(element) == .object else {
                quality.note(
                    SourceLocation(file: shown, path: "$[\(index)]"), summary: "an element that is not an object was left out",
                    detail: "expected an object with the lead's fields, not \(document.kind(element).described)")
                continue
            }
            var cells = [[UInt8]](repeating: [], count: header.count)
            for (key, value) in document.members(element) {
                guard let column = columnOf[document.string(key)] else { continue }
                switch document.kind(value) {
                case .string: cells[column] = Array(document.string(value).utf8)
                case .null: cells[column] = []
                default: cells[column] = Array(document.text(value).utf8)
                }
            }
            // A JSON row's "line" is its index: messages show it as $[index].
            let row = JSONRow(cells: cells, file: shown, index: index, header: header, line: index)
            if loader.read(
                row, headerCount: header.count, into: &records, deals: &deals, touchLeads: &touchLeads, quality: &quality)
            {
                quality.used += 1
            }
        }
    }

    // MARK: - Joining

    /// Deals give their leads an outcome: a lead is won when one of its deals is won (at the
    /// earliest won deal's closing, worth the won deals' amounts), lost when every one of its
    /// deals is lost (docs/pipeline.md, rule 7). Without any lead file, each deal is a lead.
    ///
    /// As everything, a deal counts as it stood at `asOf`: one created later does not exist yet,
    /// and one won later is not won yet (rule 2).
    static func join(_ records: inout Records, deals: [DealRow], leadFiles: Int, asOf: Int64, quality: inout DataQuality) {
        guard !deals.isEmpty else { return }
        let stageCount = records.stages.count
        if leadFiles == 0 {
            for deal in deals {
                if records.ids.find(deal.id) != nil {
                    quality.note(
                        records.location(file: deal.file, line: deal.line),
                        summary: "a deal id used twice; the later row was left out",
                        detail: "this deal id is used twice; each deal once, please: this row is left out")
                    quality.used -= 1
                    continue
                }
                _ = records.ids.insert(deal.id)
                records.createdAt.append(deal.createdAt)
                records.entries.append(contentsOf: deal.entries)
                records.firstTouch.append(Records.none)
                records.status.append(deal.status)
                records.closedAt.append(deal.closedAt)
                records.amount.append(deal.amount)
                records.currency.append(deal.currency)
                records.team.append(deal.team)
                records.owner.append(deal.owner)
                records.source.append(deal.source)
                records.campaign.append(deal.campaign)
                records.origin.append((deal.file, deal.line))
            }
            return
        }
        var dealIndex: [String: Int] = [:]
        var repeated = [Bool](repeating: false, count: deals.count)
        for (i, deal) in deals.enumerated() {
            guard let first = dealIndex[deal.id] else {
                dealIndex[deal.id] = i
                continue
            }
            repeated[i] = true
            quality.used -= 1
            quality.note(
                records.location(file: deal.file, line: deal.line),
                summary: "a deal id used twice; the later row was left out",
                detail:
                    "this deal id is also \(records.describe((deals[first].file, deals[first].line))); each deal once, please: this row is left out"
            )
        }
        var pairs: [(lead: Int, deal: Int)] = []
        var claimed = [Bool](repeating: false, count: deals.count)
        for link in records.dealLinks {
            guard let deal = dealIndex[link.deal] else { continue }
            pairs.append((Int(link.lead), deal))
            claimed[deal] = true
        }
        for (i, deal) in deals.enumerated() where !repeated[i] {
            for id in deal.leadIDs {
                guard let lead = records.ids.find(id) else { continue }
                pairs.append((lead, i))
                claimed[i] = true
            }
        }
        // Each pair once, by lead: a sort, not a search per link.
        pairs.sort { ($0.lead, $0.deal) < ($1.lead, $1.deal) }
        var linked: [Int: [Int]] = [:]
        var previous: (lead: Int, deal: Int)?
        for pair in pairs where previous.map({ $0 != pair }) ?? true {
            linked[pair.lead, default: []].append(pair.deal)
            previous = pair
        }
        for (i, deal) in deals.enumerated() where !claimed[i] && !repeated[i] {
            quality.used -= 1
            quality.note(
                records.location(file: deal.file, line: deal.line),
                summary: "a deal linked to no lead of the lead files was left out",
                detail: "this deal names no lead of the lead files (by its lead ids, or a lead's deal ids); it is left out")
        }
        for lead in linked.keys.sorted() {
            let dealsOfLead = linked[lead]!
            // A deal created after as_of does not exist yet.
            let own = dealsOfLead.map { deals[$0] }.filter { $0.createdAt <= asOf }
            guard !own.isEmpty else { continue }
            // A lead without its own channel or campaign has its first deal's (Salesforce's
            // opportunities carry the campaign).
            if records.source[lead] < 0, let deal = own.first(where: { $0.source >= 0 }) { records.source[lead] = deal.source }
            if records.campaign[lead] < 0, let deal = own.first(where: { $0.campaign >= 0 }) {
                records.campaign[lead] = deal.campaign
            }
            for deal in own {
                for stage in 0..<stageCount where deal.entries[stage] != Records.none {
                    let slot = lead * stageCount + stage
                    if records.entries[slot] == Records.none || deal.entries[stage] < records.entries[slot] {
                        records.entries[slot] = deal.entries[stage]
                    }
                }
            }
            let won = own.filter { $0.status == .won }.sorted { $0.closedAt < $1.closedAt }
            if !won.isEmpty {
                records.status[lead] = .won
                records.closedAt[lead] = won[0].closedAt
                // The amount as it stood at as_of: the deals won by then, in the first one's currency.
                let counted = won.filter { $0.closedAt <= asOf }
                let currency = (counted.first { $0.currency >= 0 } ?? won[0]).currency
                var total: Int64 = 0
                var any = false
                for deal in counted where deal.amount != Records.none {
                    if deal.currency >= 0, currency >= 0, deal.currency != currency {
                        quality.note(
                            records.location(file: deal.file, line: deal.line),
                            summary: "a lead's won deals are in different currencies; only the first deal's currency is summed",
                            detail:
                                "this won deal's currency differs from another won deal of the same lead; it is not added to the lead's amount"
                        )
                        continue
                    }
                    let (sum, overflow) = total.addingReportingOverflow(deal.amount)
                    if overflow { continue }
                    total = sum
                    any = true
                }
                records.amount[lead] = any ? total : Records.none
                records.currency[lead] = currency
            } else if own.allSatisfy({ $0.status == .lost }) {
                records.status[lead] = .lost
                records.closedAt[lead] = own.map(\.closedAt).max()!
                records.amount[lead] = Records.none
            } else {
                records.status[lead] = .open
                records.closedAt[lead] = Records.none
                records.amount[lead] = Records.none
            }
        }
    }

    /// Gives each touch the index of its lead; a touch of a lead in no lead file is left out.
    static func resolveTouches(
        _ records: inout Records, leads: [(id: String, file: Int32, line: Int32)], quality: inout DataQuality
    ) {
        guard !leads.isEmpty else { return }
        var kept: [(lead: Int32, at: Int64, automated: Bool)] = []
        kept.reserveCapacity(leads.count)
        for (i, touch) in leads.enumerated() {
            if let lead = records.ids.find(touch.id) {
                kept.append((Int32(lead), records.touches[i].at, records.touches[i].automated))
            } else {
                quality.used -= 1
                quality.note(
                    records.location(file: touch.file, line: touch.line),
                    summary: "a touch of a lead that is in no lead file was left out",
                    detail: "this touch names a lead id that no lead file has; it is left out")
            }
        }
        kept.sort { ($0.lead, $0.at) < ($1.lead, $1.at) }
        records.touches = kept
    }
}
