internal import ArgumentParser
internal import DefaultSite
internal import Model
internal import Site

/// `tandem init DIR`: a new site, made from the example that ships inside the binary.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site from the built-in example.",
        discussion:
            "The new site builds and passes `tandem check` at once. A folder that is not empty is refused unless --force is given, and even then no existing file is overwritten."
    )

    @Argument(help: "The folder to create the site in.")
    var directory: String

    @Option(name: .long, help: "The site's main language: en or da.")
    var language: String = "en"

    @Option(name: .long, help: "The client's or team's name, shown as the brand, e.g. \"Acme A/S\".")
    var name: String?

    @Flag(name: .long, help: "Add the site's files to a folder that is not empty, keeping every file already there.")
    var force = false

    func validate() throws {
        guard Language(rawValue: language) != nil else {
            throw ValidationError("--language must be en or da, not \"\(language)\"")
        }
    }

    func run() throws {
        let files = try Scaffold.files(example: DefaultSite.example, language: Language(rawValue: language)!, name: name)
        if FileSystem.isDirectory(directory), !FileSystem.listFiles(directory).isEmpty || hasHiddenFiles(), !force {
            throw ValidationError(
                "\(directory) is not empty; choose a new folder, or add --force to add the site's files and keep every file already there"
            )
        }
        var kept: [String] = []
        for path in files.keys.sorted() {
            let target = directory + "/" + path
            if FileSystem.exists(target) {
                kept.append(path)
                continue
            }
            try FileSystem.makeDirectory(URLPath.siblingOf(target, named: ""))
            try FileSystem.write(files[path]!, to: target)
        }
        let created = files.count - kept.count
        print(
            "Created a new site in \(directory) (\(created) files; main language: \(Language(rawValue: language)!.englishName)).")
        for path in kept { print("  kept the existing \(path)") }
        print(
            """

            Next steps:
              cd \(directory)
              tandem serve          # preview with live reload (or: tandem build, then open public/index.html)
              edit content/site.yml and the pages in content/playbooks/
              tandem check          # find mistakes, with file, line and column
            """)
    }

    func hasHiddenFiles() -> Bool {
        // listFiles skips hidden files; a folder holding only `.git` is still someone's.
        FileSystem.exists(directory + "/.git")
    }
}
