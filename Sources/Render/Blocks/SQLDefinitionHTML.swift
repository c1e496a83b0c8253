internal import Content

/// The SQL definition as a checklist (printable, with a box to tick) and its qualification rule.
struct SQLDefinitionHTML {
    let definition: SQLDefinition
    let words: BlockWords

    func write(_ html: inout HTMLWriter) {
        html.raw("<figure class=\"tandem-block tandem-sqldef\">\n")
        html.element("figcaption", class: "tandem-block__caption", words.sqlDefinitionCaption(definition.framework))
        html.raw("\n<ul class=\"tandem-checklist\">\n")
        for criterion in definition.criteria {
            html.raw(
                criterion.required
                    ? "<li class=\"tandem-checklist__item tandem-checklist__item--required\">"
                    : "<li class=\"tandem-checklist__item\">")
            html.raw(
                "<span class=\"tandem-checklist__box\" aria-hidden=\"true\"></span>\n<div class=\"tandem-checklist__body\">\n<p class=\"tandem-checklist__heading\">"
            )
            html.element("span", class: "tandem-checklist__label", criterion.label)
            if criterion.required {
                html.raw(" ")
                html.element("span", class: "badge", words.requiredBadge)
            }
            if criterion.points > 0 {
                html.raw(" ")
                html.element("span", class: "tandem-checklist__points", words.points(criterion.points))
            }
            html.raw("</p>\n")
            if let description = criterion.description {
                html.element("p", class: "tandem-checklist__description", description)
                html.raw("\n")
            }
            html.raw("</div>\n</li>\n")
        }
        html.raw("</ul>\n<p class=\"tandem-sqldef__rule\">")
        html.element("strong", words.qualificationRule + ":")
        html.raw(" ")
        html.text(words.rule(definition))
        html.raw("</p>\n")
        html.raw("</figure>\n")
    }
}
