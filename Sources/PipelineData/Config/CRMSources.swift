public import Core
internal import Formats
internal import Yams

/// `content/crm/sources.yml`: which exports to read, how, in which time zone, and as of when
/// (docs/pipeline.md, "sources.yml").
public struct CRMSources: Sendable {
    /// One export file and how to read it.
    public struct Source: Sendable {
        /// The file's path relative to the `crm` folder, as written.
        public var file: String
        public var preset: Preset
        /// `,`, `;` or tab; nil to detect it from the header line.
        public var delimiter: UInt8?
        /// Nil to detect it: UTF-8, else Windows-1252.
        public var encoding: TextEncoding?
        /// `.` or `,`: how amounts write their decimals; the preset's default when nil.
        public var decimalMark: UInt8?
        /// For dates such as `31-03-2026` (`dmy`) or `3/31/2026` (`mdy`); ISO dates need none.
        public var dateOrder: DateOrder?
        /// Header names mapped to fields, over the preset's own: `"Lead Owner": owner`.
        public var columns: [(header: String, field: String, location: SourceLocation)] = []
        /// The export's stage labels mapped to pipeline stage ids: `"Sales Qualified Lead": sql`.
        public var stages: [(label: String, stage: String, location: SourceLocation)] = []
        /// Deal stage labels that mean won, and lost (when the export has no status column).
        public var wonStages: [String]?
        public var lostStages: [String]?
        /// The amounts' ISO 4217 currency when the export has no currency column.
        public var currency: String?
        /// Where the source's entry starts, and where its `file` is written.
        public var location: SourceLocation

        init(file: String, preset: Preset, location: SourceLocation) {
            self.file = file
            self.preset = preset
            self.location = location
        }
    }

    /// The IANA zone of timestamps without an offset, of periods and of months; nil when not written.
    /// Read once here, and used by the loader as it is.
    public var zone: ZoneRules?
    /// When the exports were taken, as written; nil for the latest timestamp in the data.
    public var asOf: LocalTimestamp?
    public var asOfLocation: SourceLocation?
    /// Per-owner numbers appear only when this is true: owners are people.
    public var showOwners = false
    public var sources: [Source] = []
    /// The file's path as shown in messages.
    public var file: String

    static let keys = ["time_zone", "as_of", "show_owners", "sources"]
    static let sourceKeys = [
        "file", "preset", "delimiter", "encoding", "decimal", "date_order", "columns", "stages", "won_stages",
        "lost_stages", "currency",
    ]

    /// Reads `sources.yml`; every problem is in `diagnostics`, and the sources that could be read
    /// are kept so their files are still checked.
    public static func parse(_ text: String, file: String, diagnostics: inout Diagnostics) -> CRMSources {
        var reader = YAMLReader(file: file)
        var sources = CRMSources(file: file)
        defer { diagnostics.append(contentsOf: reader.diagnostics.all) }
        guard let root = reader.parse(text) else { return sources }
        guard let fields = reader.fields(root, "sources.yml", allowed: keys) else { return sources }
        if let node = fields["time_zone"], let name = reader.string(node, "time_zone") {
            if let zone = ZoneRules(identifier: name), name.contains("/") || name == "UTC" {
                sources.zone = zone
            } else {
                reader.error(
                    node,
                    "time_zone \"\(name)\" is not an IANA time zone; write a Region/City name such as Europe/Copenhagen")
            }
        }
        if let node = fields["as_of"] {
            let text = node.scalar?.string ?? ""
            if let stamp = TimestampParser.parse(text, order: nil) {
                sources.asOf = stamp
                sources.asOfLocation = reader.location(node)
            } else {
                reader.error(
                    node,
                    "as_of \(YAMLReader.show(node)) is not a timestamp; write when the exports were taken, e.g. as_of: 2026-03-31T17:00 (\(TimestampParser.expectedForms(order: nil)))"
                )
            }
        }
        if let value = reader.bool(fields["show_owners"], "show_owners") { sources.showOwners = value }
        guard let list = fields["sources"] else {
            reader.error(
                root,
                "sources.yml has no sources; list the export files, e.g. sources: [{file: contacts.csv, preset: hubspot-contacts}]"
            )
            return sources
        }
        guard let items = reader.sequence(list, "sources") else { return sources }
        var files = FirstUses()
        for item in items {
            guard let source = readSource(item, &reader) else { continue }
            files.isRepeated(source.file, at: source.location, reportingIn: &reader.diagnostics) {
                "the file \(source.file) is listed twice (first on line \($0.line)); list each export once"
            }
            sources.sources.append(source)
        }
        if items.isEmpty {
            reader.error(list, "sources is empty; list the export files, e.g. - {file: contacts.csv, preset: hubspot-contacts}")
        }
        return sources
    }

    static func readSource(_ node: Node, _ reader: inout YAMLReader) -> Source? {
        guard case .mapping = node else {
            reader.error(
                node, "each source must be written as keys and values, e.g. - {file: contacts.csv, preset: hubspot-contacts}")
            return nil
        }
        guard let fields = reader.fields(node, "a source", allowed: sourceKeys) else { return nil }
        let file = reader.string(fields["file"], "file")
        if fields["file"] == nil { reader.error(node, "this source has no file; add the export's name, e.g. file: contacts.csv") }
        var preset: Preset?
        if let presetNode = fields["preset"], let name = reader.string(presetNode, "preset") {
            preset = Preset(rawValue: name)
            if preset == nil {
                let names = Preset.allCases.map(\.rawValue)
                let hint = Suggestion.didYouMean(name, in: names)
                reader.error(
                    presetNode,
                    "preset \"\(name)\" is not a preset\(hint.isEmpty ? "; expected one of: \(names.joined(separator: ", "))" : hint)"
                )
            }
        } else if fields["preset"] == nil {
            reader.error(
                node,
                "this source has no preset; add the kind of export, one of: \(Preset.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let file, let preset, let fileNode = fields["file"] else { return nil }
        if file.isEmpty || file.hasPrefix("/") || file.split(separator: "/").contains("..") {
            reader.error(fileNode, "file \"\(file)\" must be a path inside the crm folder, e.g. file: contacts.csv")
            return nil
        }
        var source = Source(file: file, preset: preset, location: reader.location(fileNode))
        if let node = fields["delimiter"], let text = reader.string(node, "delimiter") {
            switch text {
            case ",": source.delimiter = UInt8(ascii: ",")
            case ";": source.delimiter = UInt8(ascii: ";")
            case "\t", "\\t", "tab": source.delimiter = UInt8(ascii: "\t")
            case "auto": break
            default: reader.error(node, "delimiter \"\(text)\" is not one of \",\", \";\", tab or auto")
            }
        }
        if let node = fields["encoding"], let text = reader.string(node, "encoding") {
            if let encoding = TextEncoding(rawValue: text.lowercased()) {
                source.encoding = encoding
            } else if text.lowercased() != "auto" {
                let names = TextEncoding.allCases.map(\.rawValue) + ["auto"]
                reader.error(
                    node,
                    "encoding \"\(text)\" is not one of: \(names.joined(separator: ", "))\(Suggestion.didYouMean(text, in: names))"
                )
            }
        }
        if let node = fields["decimal"], let text = reader.string(node, "decimal") {
            switch text {
            case ".": source.decimalMark = UInt8(ascii: ".")
            case ",": source.decimalMark = UInt8(ascii: ",")
            default: reader.error(node, "decimal \"\(text)\" must be \".\" or \",\" (Danish and German exports write 1.234,50)")
            }
        }
        if let node = fields["date_order"], let text = reader.string(node, "date_order") {
            if let order = DateOrder(rawValue: text.lowercased()) {
                source.dateOrder = order
            } else if text.lowercased() != "auto" {
                reader.error(
                    node,
                    "date_order \"\(text)\" is not one of ymd, dmy (31-03-2026) or mdy (3/31/2026)\(Suggestion.didYouMean(text, in: DateOrder.allCases.map(\.rawValue)))"
                )
            }
        }
        if let entries = reader.mapping(fields["columns"], "columns", allowed: []) {
            for entry in entries {
                guard let field = reader.string(entry.value, entry.key) else { continue }
                source.columns.append((entry.key, field, reader.location(entry.keyNode)))
            }
        }
        if let entries = reader.mapping(fields["stages"], "stages", allowed: []) {
            for entry in entries {
                guard let stage = reader.string(entry.value, entry.key) else { continue }
                source.stages.append((entry.key, stage, reader.location(entry.value)))
            }
        }
        source.wonStages = readLabels(fields["won_stages"], "won_stages", &reader)
        source.lostStages = readLabels(fields["lost_stages"], "lost_stages", &reader)
        if let node = fields["currency"], let text = reader.string(node, "currency") {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter && $0.isUppercase }) {
                source.currency = text
            } else {
                reader.error(
                    node, "currency \"\(text)\" is not an ISO 4217 code; write three capital letters, e.g. currency: DKK")
            }
        }
        return source
    }

    static func readLabels(_ node: Node?, _ key: String, _ reader: inout YAMLReader) -> [String]? {
        guard let node else { return nil }
        if let text = node.scalar?.string { return [text] }
        guard let items = reader.sequence(node, key) else { return nil }
        return items.compactMap { reader.string($0, key) }
    }
}
