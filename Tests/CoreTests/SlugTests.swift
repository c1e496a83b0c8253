import Core
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Escalation", "escalation"),
        ("Mål og økonomi", "maal-og-oekonomi"),
        ("Ærlig talt: SLA'en", "aerlig-talt-sla-en"),
        ("  Café & Crème brûlée ", "cafe-creme-brulee"),
        ("Größe", "groesse"),
        ("Шаг 1", "шаг-1"),
        ("!!!", "section"),
        ("BANT (budget, authority)", "bant-budget-authority"),
    ])
    func slugs(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func registryMakesIdsUnique() {
        var registry = Slug.Registry()
        #expect(registry.unique("FAQ") == "faq")
        #expect(registry.unique("FAQ") == "faq-2")
        #expect(registry.unique("faq 2") == "faq-2-2")
        #expect(registry.unique("FAQ") == "faq-3")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseKeys() {
        #expect(Suggestion.closest(to: "titel", in: ["title", "weight", "date"]) == "title")
        #expect(Suggestion.closest(to: "wieght", in: ["title", "weight"]) == "weight")
        #expect(Suggestion.closest(to: "colour", in: ["title", "weight"]) == nil)
    }
}
