"""The self-assessment form in a real browser, from file:// with the network off.

The numbers the page shows come from scoring.wasm; `tandem score` on the file the page saves must
give the same numbers, bit for bit.
"""

import json
import os
import pathlib
import random

from conftest import ASSESSMENT, REPOSITORY, form_path, score

QUESTIONS = [
    "marketing-understands-sales", "sales-understands-marketing", "internal-relationship",
    "connected-metrics", "leads-sorted", "pipeline-visible", "department-relationship",
    "marketing-automation", "data-access",
]


def answer_sets(count, seed=2026):
    """Answer sets that cover the rules: complete, incomplete, nothing answered, both ends of the scale."""
    rng = random.Random(seed)
    sets = [[1] * 9, [5] * 9, [None] * 9, [3, None, 4, None, None, None, None, None, 2]]
    while len(sets) < count:
        blanks = rng.choice([0, 0, 0, 1, 2])
        answers = [rng.randint(1, 5) for _ in QUESTIONS]
        for i in rng.sample(range(9), blanks):
            answers[i] = None
        sets.append(answers)
    return sets


def fill(page, answers, department=None, fields=None):
    """Answers the form with clicks, as a person would."""
    if department:
        page.click(page.find(f"input[name=department][value={department}]").find_element("xpath", ".."))
    for name, value in (fields or {}).items():
        field = page.find(f"[data-field={name}]")
        field.clear()
        field.send_keys(value)
    for question, answer in zip(QUESTIONS, answers):
        if answer is not None:
            option = page.find(f'fieldset[data-question="{question}"] input[value="{answer}"]')
            page.click(option.find_element("xpath", ".."))


def shown(page):
    mean = page.find("[data-score-mean]").get_attribute("data-value")
    band = page.find("[data-score-band]").get_attribute("data-value")
    return (float(mean) if mean else None), (band or None)


def ready(page):
    page.wait(lambda: page.find("[data-score-progress]").text != "")


def start_over(page):
    page.click(page.find("[data-form-reset]"))
    page.accept_confirm()


def checked(page):
    values = []
    for question in QUESTIONS:
        inputs = page.find_all(f'fieldset[data-question="{question}"] input:checked')
        values.append(int(inputs[0].get_attribute("value")) if inputs else None)
    return values


def test_the_form_has_the_design_hooks(page):
    page.open(form_path())
    fieldsets = page.find_all("fieldset[data-question]")
    assert [f.get_attribute("data-question") for f in fieldsets] == QUESTIONS
    for fieldset in fieldsets:
        values = [i.get_attribute("value") for i in fieldset.find_elements("css selector", "input[type=radio]")]
        assert values == ["1", "2", "3", "4", "5"]
    assert page.find("[data-score-mean]").get_attribute("data-value") == ""
    assert page.find("[data-score-band]").get_attribute("data-value") == ""


def test_twenty_four_answer_sets_score_as_tandem_score_does(page, tandem, content):
    page.open(form_path())
    ready(page)
    departments = ["sales", "marketing", "other"]
    files, expected = [], []
    for n, answers in enumerate(answer_sets(24)):
        if n:
            start_over(page)
        assert checked(page) == [None] * 9
        fill(page, answers, department=departments[n % 3], fields={"respondent": f"person {n}"})
        mean, band = shown(page)
        answered = sum(a is not None for a in answers)
        assert page.find("[data-score-progress]").text == f"{answered} of 9 answered"
        path = page.expect_download(lambda: page.click(page.find("[data-form-download]")), ".json")
        saved = json.loads(path.read_text())
        assert saved["assessment"] == ASSESSMENT and saved["version"] == 1
        assert saved["department"] == departments[n % 3] and saved["respondent"] == f"person {n}"
        assert [saved["answers"][q] for q in QUESTIONS] == answers
        assert list(saved) == ["assessment", "version", "date", "department", "respondent", "answers"]
        files.append(path)
        expected.append((mean, band, answered))
    report = score(tandem, content, *files)
    assert len(report["respondents"]) == 24
    for (mean, band, answered), respondent in zip(expected, report["respondents"]):
        assert respondent["mean"] == mean  # exactly: the same Swift code on both sides
        assert respondent["band"] == band
        assert respondent["answered"] == answered
    # The fixture that the Swift tests load with ResultFile is a file this form saved.
    if os.environ.get("TANDEM_RECORD_FIXTURES"):
        fixture = REPOSITORY / "Tests/SiteTests/Fixtures/form-export/form-answers.json"
        fixture.parent.mkdir(parents=True, exist_ok=True)
        fixture.write_bytes(files[5].read_bytes())


def test_answers_survive_a_reload(page):
    page.open(form_path())
    ready(page)
    fill(page, [4, 2, None, 5, 1, None, None, 3, None], department="marketing", fields={"team": "North", "round": "2026-Q2"})
    before = shown(page)
    page.open(form_path(), clear_storage=False)
    ready(page)
    assert checked(page) == [4, 2, None, 5, 1, None, None, 3, None]
    assert page.find("input[name=department][value=marketing]").is_selected()
    assert page.find("[data-field=team]").get_attribute("value") == "North"
    assert page.find("[data-field=round]").get_attribute("value") == "2026-Q2"
    assert shown(page) == before
    # The Danish page keeps the same answers: one questionnaire, one set of answers.
    page.open(form_path("da"), clear_storage=False)
    ready(page)
    assert checked(page) == [4, 2, None, 5, 1, None, None, 3, None]
    assert page.find("[data-score-progress]").text == "5 af 9 besvaret"


def test_start_over_asks_first(page):
    page.open(form_path())
    ready(page)
    fill(page, [3] * 9, department="sales")
    page.click(page.find("[data-form-reset]"))
    alert = page.driver.switch_to.alert
    alert.dismiss()
    assert checked(page) == [3] * 9
    start_over(page)
    assert checked(page) == [None] * 9
    assert shown(page) == (None, None)


def test_low_answers_link_to_the_playbook_page_that_helps(page):
    page.open(form_path())
    ready(page)
    fill(page, [1, 5, 2, 4, 3, 5, 5, 5, 5], department="sales")
    visible = [f.get_attribute("data-question") for f in page.find_all("fieldset[data-question]")
               if f.find_elements("css selector", "[data-improve]:not([hidden])")]
    assert visible == ["marketing-understands-sales", "internal-relationship"]
    link = page.find('fieldset[data-question="marketing-understands-sales"] [data-improve] a')
    assert link.get_attribute("href").endswith("playbooks/sql-definition/index.html#the-criteria")
    assert len(page.find_all("[data-score-improve] li")) == 2
    page.click(link)
    assert page.driver.current_url.endswith("#the-criteria")


def test_export_and_import_round_trip(page):
    page.open(form_path())
    ready(page)
    fill(page, [2, 3, 4, 5, 1, 2, 3, None, 5], department="other", fields={"respondent": "Ada", "team": "Nordlys"})
    before = shown(page)
    path = page.expect_download(lambda: page.click(page.find("[data-form-download]")), ".json")
    start_over(page)
    assert shown(page) == (None, None)
    page.find("[data-form-load]").send_keys(str(path))
    page.wait(lambda: "Loaded the answers" in page.find("[data-form-message]").text)
    assert checked(page) == [2, 3, 4, 5, 1, 2, 3, None, 5]
    assert page.find("[data-field=respondent]").get_attribute("value") == "Ada"
    assert page.find("input[name=department][value=other]").is_selected()
    assert shown(page) == before


def test_a_file_that_is_not_a_result_gets_a_clear_message(page, scratch):
    page.open(form_path())
    ready(page)
    fill(page, [4] * 9, department="sales")
    cases = {
        "notes.json": ("this is not JSON", "it is not JSON"),
        "other.json": (json.dumps({"assessment": "customer-survey", "date": "2026-01-01", "department": "sales", "answers": {}}),
                       "another questionnaire (customer-survey)"),
        "scale.json": (json.dumps({"assessment": ASSESSMENT, "date": "2026-01-01", "department": "sales",
                                   "answers": {"leads-sorted": 7}}), "question 5 is 7"),
        "list.json": ("[1, 2, 3]", "holds no result object"),
    }
    for name, (text, expected) in cases.items():
        path = pathlib.Path(scratch) / name
        path.write_text(text)
        page.find("[data-form-load]").send_keys(str(path))
        page.wait(lambda: name in page.find("[data-form-message]").text)
        message = page.find("[data-form-message]")
        assert expected in message.text
        assert "form-message--error" in message.get_attribute("class")
        assert checked(page) == [4] * 9  # nothing changed


def test_download_needs_a_department(page):
    page.open(form_path())
    ready(page)
    fill(page, [4] * 9)
    page.click(page.find("[data-form-download]"))
    assert "department" in page.find("[data-form-message]").text


def test_danish_page_speaks_danish(page):
    page.open(form_path("da"))
    ready(page)
    assert page.driver.find_element("css selector", "html").get_attribute("lang") == "da"
    legend = page.find('fieldset[data-question="leads-sorted"] legend').text
    assert "Sorteres der i leads?" in legend
    fill(page, [4, 4, 4, 4, 4, 4, 4, 4, 3], department="sales")
    assert page.find("[data-score-progress]").text == "9 af 9 besvaret"
    assert page.find("[data-score-mean]").text == "3,89"
    assert page.find("[data-score-band]").get_attribute("data-value") == "on-the-way"
    assert page.find("[data-score-band]").text == "På vej"


def test_no_request_leaves_the_computer_and_nothing_breaks(page):
    page.open(form_path())
    ready(page)
    fill(page, [1, 2, 3, 4, 5, 4, 3, 2, 1], department="sales")
    for url in page.resource_urls():
        assert url.startswith("file://"), url
    assert page.console_errors() == []
    assert shown(page)[1] == "on-the-way"
