internal import ArgumentParser
internal import Model
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

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Print the time each phase took (load, parse, render, write).")
    var timings = false

    func run() throws {
        let clock = ContinuousClock.now
        let options = BuildOptions(
            contentDirectory: site.content, themeLayers: try site.themeLayers(), outputDirectory: output,
            includeDrafts: drafts)
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
        abstract: "Check the site for errors without writing anything (exit status 1 on errors)."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Include pages marked draft: true.")
    var drafts = false

    func run() throws {
        let options = BuildOptions(
            contentDirectory: site.content, themeLayers: try site.themeLayers(), outputDirectory: "public",
            includeDrafts: drafts)
        do {
            let warnings = try SiteBuilder(options: options).check()
            report(warnings)
            print("No problems found" + (warnings.isEmpty ? "" : " (\(warnings.count) warnings)"))
        } catch {
            report(error.diagnostics)
            print("\(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") found")
            throw ExitCode(1)
        }
    }
}
