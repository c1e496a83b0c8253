internal import ArgumentParser
internal import Core
internal import Scorecard

/// `tandem score FILE...`: scores results files with their questionnaire and prints the numbers.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score results files (.json or .csv) against their questionnaire.",
        discussion: """
            Prints each respondent's mean and band, the overall score, every question's mean and \
            distribution, and the sales-vs-marketing gap. The questionnaire is --assessment, or the one \
            the results name, looked up in CONTENT/assessments/. Every invalid value is reported on \
            standard error, one line each, and the exit status is 1; nothing is printed on standard \
            output then. See docs/scoring.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case department, team, round

        var dimension: ResultSet.Dimension {
            switch self {
            case .department: .department
            case .team: .team
            case .round: .round
            }
        }
    }

    @Argument(help: ArgumentHelp("Results files (.json or .csv), or folders to search for them.", valueName: "file"))
    var files: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The questionnaire: a path to its .yml file, or its id in CONTENT/assessments/. Default: the assessment the results name.",
            valueName: "id-or-path"))
    var assessment: String?

    @Option(
        name: .long,
        help: ArgumentHelp("text (a table for people) or json (every number at full precision).", valueName: "format"))
    var format: Format = .text

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also score each department, team or round on its own (rounds with their trend).", valueName: "dimension"))
    var by: Grouping?

    @Option(name: .long, help: ArgumentHelp("The content folder, where questionnaires are looked up by id.", valueName: "folder"))
    var content: String = "content"

    func run() throws {
        var problems: [Diagnostic] = []

        // 1. Every results file, checked for syntax.
        var parsed: [ResultFile] = []
        for path in expandedFiles(&problems) {
            do {
                parsed.append(try ResultFile.load(path: path))
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }

        // 2. The questionnaire.
        let questionnaire: Assessment
        do {
            questionnaire = try findQuestionnaire(parsed)
        } catch {
            fail(error.diagnostics + problems)
        }
        if parsed.isEmpty { fail(problems) }

        // 3. The results, validated against it.
        var results: [AssessmentResult] = []
        let questionnaires = ResultQuestionnaires.only(questionnaire)
        for file in parsed {
            let (valid, fileProblems) = file.results(for: questionnaires)
            results.append(contentsOf: valid)
            problems.append(contentsOf: fileProblems)
        }
        if !problems.isEmpty { fail(problems) }

        // 4. The scores.
        let set = ResultSet(assessment: questionnaire, results: results)
        let output = ScoreOutput(scored: set, files: parsed.count, grouping: by?.dimension)
        switch format {
        case .json: writeOut(output.json())
        case .text: writeOut(Array(output.text().utf8))
        }
    }

    /// The results files: the paths given, with folders replaced by the .json and .csv files in them.
    private func expandedFiles(_ problems: inout [Diagnostic]) -> [String] {
        var paths: [String] = []
        for path in files {
            if FileSystem.isDirectory(path) {
                let found = FileSystem.listFiles(path).filter { ResultFile.Format(path: $0) != nil }
                if found.isEmpty {
                    problems.append(
                        Diagnostic(
                            SourceLocation(file: FileSystem.display(path)), "this folder has no .json or .csv results files"))
                }
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                paths.append(contentsOf: found.map { folder + "/" + $0 })
            } else {
                paths.append(path)
            }
        }
        return paths
    }

    /// `--assessment` as a path or an id, or else the questionnaire the results name.
    private func findQuestionnaire(_ files: [ResultFile]) throws(DiagnosticsError) -> Assessment {
        if let assessment, assessment.hasSuffix(".yml") || assessment.hasSuffix(".yaml") || assessment.contains("/") {
            return try Assessment.load(file: assessment, translations: false)
        }
        let id: String
        let namedBy: String
        if let assessment {
            id = assessment
            namedBy = "--assessment"
        } else if let first = files.first(where: { !$0.assessmentIDs.isEmpty }) {
            id = first.assessmentIDs[0]
            namedBy = first.file
        } else if files.isEmpty {
            // Every file failed to read; its problems say why, and nothing names a questionnaire.
            throw DiagnosticsError([])
        } else {
            let what = "the results do not name their questionnaire"
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: "tandem score"), "\(what); pass --assessment with a questionnaire's id or .yml file")
            ])
        }
        guard let path = Assessment.path(forID: id, contentDirectory: content) else {
            let hint = Suggestion.didYouMean(id, in: Assessment.ids(contentDirectory: content))
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: FileSystem.display(content + "/assessments/" + id + ".yml")),
                    "no questionnaire \"\(id)\" (named by \(namedBy))"
                        + (hint.isEmpty
                            ? "; pass --assessment with the questionnaire's .yml file, or --content with the site's content folder"
                            : hint))
            ])
        }
        return try Assessment.load(file: path, translations: false, nameMustMatchID: true)
    }

    /// Prints every problem on standard error, one line each, and exits with status 1.
    private func fail(_ problems: [Diagnostic]) -> Never {
        // Questionnaire problems first, then each results file in the order given; within a file,
        // in the order of its lines.
        var text = ""
        for problem in problems {
            // One line per problem: control characters from the input escaped, as in every diagnostic.
            text += "\(problem.location.description.escapingControls): \(problem.message.escapingControls)\n"
        }
        writeAll(2, Array(text.utf8))
        Self.exit(withError: ExitCode(1))
    }

    private func writeOut(_ bytes: [UInt8]) {
        writeAll(1, bytes)
    }
}
