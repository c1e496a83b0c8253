internal import ArgumentParser
internal import Core
internal import PipelineData
internal import Site

/// `tandem pipeline`: the site's goal and SLA held against its CRM exports.
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Measure the goal and the SLA against the CRM exports in CONTENT/crm/.",
        discussion: """
            Reads CONTENT/crm/sources.yml and the exports it lists, and prints SQLs delivered \
            against each goal, won deals and revenue, SLA outcomes in business time (met, late, \
            missed, pending, unmeasured, median and p90 response, escalations that should have \
            fired) and the funnel per quarter. Only aggregates are printed, never a lead's id, name \
            or e-mail address. Problems go to standard error as file:line:column; a bad value in a \
            row is a warning (an error with --strict). See docs/pipeline.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Evaluate as it stood at this time: 2026-03-31, 2026-03-31T17:00 or with an offset. Default: sources.yml's as_of, else the newest timestamp in the data.",
            valueName: "time"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp("text (a summary for people) or json (every number at full precision).", valueName: "format"))
    var format: Format = .text

    @Flag(name: .long, help: "A bad value in a row of an export is an error, not a warning.")
    var strict = false

    func run() throws {
        // Only the pages' blocks are read: no theme, and nothing is written.
        var options = BuildOptions(contentDirectory: content, themeLayers: [], outputDirectory: "public")
        if let asOf {
            guard let stamp = TimestampParser.parse(asOf, order: nil) else {
                throw ValidationError(
                    "--as-of \"\(asOf)\" is not a time; expected \(TimestampParser.expectedForms(order: nil))")
            }
            options.pipelineAsOf = stamp
        }
        options.strictData = strict
        do {
            let result = try SiteBuilder(options: options).pipeline()
            report(result.warnings)
            switch format {
            case .json: writeAll(1, result.report.json())
            case .text: writeAll(1, Array(result.report.text().utf8))
            }
        } catch {
            report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
