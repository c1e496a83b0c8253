internal import ArgumentParser
internal import Core
internal import DefaultSite
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
        try checkFolder(files: files.keys)
        var kept: [String] = []
        for path in files.keys.sorted() {
            let target = directory + "/" + path
            if FileSystem.exists(target) {
                kept.append(path)
                continue
            }
            try FileSystem.makeDirectory(URLPath.siblingOf(target, named: ""))
            try FileSystem.create(files[path]!, at: target)
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

    /// Refuses an empty name, the root, a file, and a folder with anything in it (unless --force);
    /// emptiness is one listing of the folder, never a walk of what is below it. With --force, a
    /// folder on the way to a new file must be a real folder, not a link to somewhere else.
    func checkFolder(files: some Collection<String>) throws {
        guard !directory.isEmpty else {
            throw ValidationError("the folder's name is empty; give the folder to create the site in, e.g. tandem init acme")
        }
        if FileSystem.canonical(directory) == "/" {
            throw ValidationError("\(directory) is the root of the file system; give a new folder, e.g. tandem init acme")
        }
        switch FileSystem.kind(directory) {
        case nil, .folder?: break
        case .file?: throw ValidationError("\(directory) is a file; give a new folder to create the site in")
        case .other(let kind)?:
            if !FileSystem.isDirectory(directory) {
                throw ValidationError("\(directory) is \(kind); give a new folder to create the site in")
            }
        }
        guard FileSystem.isDirectory(directory), !FileSystem.entries(directory).isEmpty else { return }
        guard force else {
            throw ValidationError(
                "\(directory) is not empty; choose a new folder, or add --force to add the site's files and keep every file already there"
            )
        }
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        var folders = Set<String>()
        for path in files {
            var folder = parent(path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = parent(folder) }
        }
        for folder in folders.sorted() {
            switch FileSystem.kind(directory + "/" + folder) {
            case nil, .folder?: continue
            case .file?: throw ValidationError("\(directory)/\(folder) is a file; the site needs a folder there")
            case .other(let kind)?:
                throw ValidationError(
                    "\(directory)/\(folder) is \(kind); tandem init writes only into real folders, so move it away or choose a new folder"
                )
            }
        }
    }
}
