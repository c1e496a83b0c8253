internal import ArgumentParser
internal import Core
internal import Site

/// `tandem build`: the site into `public/`, replaced only when the build succeeds.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Every problem is reported as file:line:column; on any error the output folder is left as it was."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder; replaced as a whole by a successful build.")
    var output: String = "public"

    @OptionGroup var drafts: DraftsOption

    @Flag(name: .long, help: "Print the time each phase took (load, parse, render, write).")
    var timings = false

    func run() throws {
        let clock = ContinuousClock.now
        let options = try site.buildOptions(output: output, drafts: drafts.include)
        do {
            let result = try SiteBuilder(options: options).build()
            report(result.warnings)
            let elapsed = ContinuousClock.now - clock
            let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("Built \(result.pages) pages (\(result.files) files) into \(output) in \(seconds(total))")
            if timings {
                for (phase, time) in result.timings { print("  \(phase): \(seconds(time))") }
            }
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.count
            print("Build failed: \(count) problem\(count == 1 ? "" : "s"); \(output) was not changed")
            throw ExitCode(1)
        }
    }
}

/// `tandem check`: everything `build` checks, without writing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site for errors without writing anything (exit status 1 on errors).",
        discussion: """
            Checks front matter, links, playbook blocks (pipeline, goal, sla, sql-definition) and the \
            consistency between them. Every problem is reported as file:line:column with what is \
            wrong and what is expected; --format json lists them for other tools.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @OptionGroup var drafts: DraftsOption

    @Option(name: .long, help: "text (default): one line per problem on standard error; json: a JSON object on standard output.")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors: any warning makes the exit status 1.")
    var strict = false

    func run() throws {
        let options = try site.buildOptions(output: "public", drafts: drafts.include)
        var problems: [Diagnostic]
        do {
            problems = try SiteBuilder(options: options).check()
        } catch {
            problems = error.diagnostics
        }
        if strict {
            problems = problems.map { problem in
                var problem = problem
                problem.severity = .error
                return problem
            }
        }
        problems.sort()
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        switch format {
        case .json:
            print(Self.json(problems, errors: errors, warnings: warnings))
        case .text:
            report(problems)
            if errors == 0 {
                print("No problems found" + (warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"))
            } else {
                print("\(problems.count) problem\(problems.count == 1 ? "" : "s") found")
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }

    /// `{"errors": 1, "warnings": 0, "problems": [{"file": ..., "line": ..., "column": ..., "severity": ..., "message": ...}]}`
    static func json(_ problems: [Diagnostic], errors: Int, warnings: Int) -> String {
        var json = JSONWriter()
        json.raw("{\n  ")
        json.members(["errors": .integer(errors), "warnings": .integer(warnings)], separator: ",\n  ")
        json.raw(",\n  ")
        json.key("problems")
        json.raw("[")
        for (i, problem) in problems.enumerated() {
            json.raw(i == 0 ? "\n    " : ",\n    ")
            json.object([
                "file": .string(problem.location.file), "line": .integer(problem.location.line),
                "column": .integer(problem.location.column), "severity": .string(problem.severity.rawValue),
                "message": .string(problem.message),
            ])
        }
        json.raw(problems.isEmpty ? "]\n}" : "\n  ]\n}")
        return json.text
    }
}
