import Foundation
import PackagePlugin

/// Generates the Swift source that carries the default theme (`site-templates/`), the example
/// site (`content/`) and the published JSON Schemas (`schemas/`) inside the `tandem` binary, so `tandem init` and `tandem build` work without
/// this repository. It runs again whenever one of those files changes.
@main
struct EmbedDefaultSite: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["site-templates", "content", "schemas"].map { root.appending(path: $0) }
        var inputs: [URL] = []
        for folder in folders {
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let file as URL in files where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            {
                if !file.lastPathComponent.hasPrefix(".") { inputs.append(file) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme and example site",
                executable: try context.tool(named: "embed-default-site").url,
                arguments: [output.path(percentEncoded: false)] + folders.map { $0.path(percentEncoded: false) },
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
