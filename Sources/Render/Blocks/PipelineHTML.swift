internal import Content

/// The pipeline as an ordered list of stages, each with its owner and its entry and exit criteria.
struct PipelineHTML {
    let pipeline: Pipeline
    let words: BlockWords

    func write(_ html: inout HTMLWriter) {
        html.raw("<figure class=\"tandem-block tandem-pipeline\">\n")
        html.element("figcaption", class: "tandem-block__caption", words.pipelineCaption(pipeline))
        html.raw("\n<ol class=\"tandem-pipeline__stages\">\n")
        for stage in pipeline.stages {
            html.open("li", class: "tandem-pipeline__stage", attributes: [("id", BlockHTML.stageAnchor(stage.id))])
            html.raw("\n<p class=\"tandem-pipeline__heading\">")
            html.element("span", class: "tandem-pipeline__name", stage.name)
            if let owner = stage.owner {
                html.raw(" ")
                html.element("span", class: "tandem-pipeline__owner", words.owner + ": " + owner)
            }
            html.raw("</p>\n")
            if stage.entry != nil || stage.exit != nil {
                html.raw("<dl class=\"tandem-pipeline__criteria\">\n")
                for (term, text) in [(words.entry, stage.entry), (words.exit, stage.exit)] {
                    guard let text else { continue }
                    html.raw("<div>")
                    html.element("dt", term)
                    html.element("dd", text)
                    html.raw("</div>\n")
                }
                html.raw("</dl>\n")
            }
            html.raw("</li>\n")
        }
        html.raw("</ol>\n</figure>\n")
    }
}
