"""Tally mode: a facilitator types in paper sheets by keyboard only."""

import csv
import json
import os

from selenium.webdriver.common.keys import Keys

from conftest import ASSESSMENT, REPOSITORY, score, tally_path
from test_form import QUESTIONS


def entry(page):
    return page.find("[data-tally-entry]")


def ready(page):
    page.wait(lambda: page.find("[data-group-n]").get_attribute("data-value") is not None
              and page.driver.execute_script("return document.activeElement.matches('[data-tally-entry]')"))


def group(page):
    value = lambda selector: page.find(selector).get_attribute("data-value")
    mean = value("[data-group-mean]")
    return {"n": int(value("[data-group-n]")), "mean": float(mean) if mean else None, "band": value("[data-group-band]") or None}


def sheets(page):
    return [row.find_element("css selector", ".tally-code").text for row in page.find_all("[data-tally-list] tr")]


def test_typing_a_stack_of_sheets(page, tandem, content):
    page.open(tally_path())
    ready(page)
    active = page.driver.switch_to.active_element
    # Each sheet: a department key, nine digits (- for a blank), Enter. Typed into whatever has focus.
    for sheet in ["s435241332", "S555444333", "m222333111", "m12312-312", "o333333333", "s44444444-"]:
        page.driver.switch_to.active_element.send_keys(sheet + Keys.ENTER)
    assert active == page.driver.switch_to.active_element
    assert page.find("[data-tally-count]").text == "6"
    # A typo is caught before it is saved, and Backspace fixes it.
    box = entry(page)
    box.send_keys("m4432x")
    assert "“x” is not an answer" in page.find("[data-tally-message]").text
    box.send_keys(Keys.BACKSPACE + "1")
    box.send_keys(Keys.ENTER)
    assert "5 of 9 answers" in page.find("[data-tally-message]").text
    box.send_keys("5523" + Keys.ENTER)
    assert page.find("[data-tally-count]").text == "7"
    # ↑ in the empty box brings back the last sheet; correct it and Enter saves it in its place.
    box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("value") == "m443215523"
    box.send_keys(Keys.BACKSPACE * 3 + "444" + Keys.ENTER)
    assert "Sheet 7 corrected" in page.find("[data-tally-message]").text
    # Too many answers and an unknown department are refused, Esc clears the box.
    box.send_keys("m1234512345" + Keys.ENTER)
    assert "more than the 9 answers" in page.find("[data-tally-message]").text
    box.send_keys(Keys.ESCAPE)
    box.send_keys("x12" + Keys.ENTER)
    assert "Start with the department" in page.find("[data-tally-message]").text
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("value") == ""
    assert sheets(page) == ["435241332", "555444333", "222333111", "12312–312", "333333333", "44444444–", "443215444"]

    # The bundle scores to the numbers the page shows.
    shown = group(page)
    bundle_path = page.expect_download(lambda: page.click(page.find("[data-tally-export-json]")), ".json")
    bundle = json.loads(bundle_path.read_text())
    assert len(bundle) == 7
    assert [r["department"] for r in bundle] == ["sales", "sales", "marketing", "marketing", "other", "sales", "marketing"]
    assert bundle[3]["answers"]["pipeline-visible"] is None
    assert all(r["assessment"] == ASSESSMENT and r["version"] == 1 for r in bundle)
    report = score(tandem, content, bundle_path)
    assert report["overall"] == shown
    csv_path = page.expect_download(lambda: page.click(page.find("[data-tally-export-csv]")), ".csv")
    rows = list(csv.DictReader(csv_path.open(newline="")))
    assert [row["department"] for row in rows] == [r["department"] for r in bundle]
    assert [row[QUESTIONS[0]] for row in rows] == ["4", "5", "2", "1", "3", "4", "4"]
    assert score(tandem, content, csv_path)["overall"] == shown
    # The fixtures that the Swift tests load with ResultFile are files this page saved.
    if os.environ.get("TANDEM_RECORD_FIXTURES"):
        folder = REPOSITORY / "Tests/SiteTests/Fixtures/form-export"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "tally-sheets.json").write_bytes(bundle_path.read_bytes())
        (folder / "tally-sheets.csv").write_bytes(csv_path.read_bytes())
    # Each department's numbers too.
    by_department = {g["group"]: g["overall"] for g in score(tandem, content, bundle_path, by="department")["groups"]}
    for department in ("sales", "marketing"):
        assert float(page.find(f"[data-{department}-mean]").get_attribute("data-value")) == by_department[department]["mean"]
        assert int(page.find(f"[data-{department}-n]").get_attribute("data-value")) == by_department[department]["n"]

    # Everything is kept over a reload.
    page.open(tally_path(), clear_storage=False)
    ready(page)
    assert page.find("[data-tally-count]").text == "7"
    assert group(page) == shown


def test_sheets_can_be_deleted_and_the_gap_appears(page, tandem, content):
    page.open(tally_path())
    ready(page)
    for sheet in ["s555555555", "s544444444", "s455555555", "m111111111", "m222222222", "m121212121", "o333333333"]:
        entry(page).send_keys(sheet + Keys.ENTER)
    gap = page.find("[data-group-gap]")
    assert float(gap.get_attribute("data-value")) > 1.5
    assert "flagged" in gap.text
    delete = page.find_all("[data-tally-list] tr")[6].find_elements("css selector", "button")[1]
    assert delete.get_attribute("aria-label") == "Delete: Sheet 7"
    page.click(delete)
    assert page.accept_confirm() == "Delete sheet 7?"
    assert page.find("[data-tally-count]").text == "6"
    bundle = page.expect_download(lambda: page.click(page.find("[data-tally-export-json]")), ".json")
    report = score(tandem, content, bundle)
    assert report["gap"] == float(gap.get_attribute("data-value"))
    assert report["overall"] == group(page)


def test_danish_keys(page):
    page.open(tally_path("da"))
    ready(page)
    entry(page).send_keys("a333333333" + Keys.ENTER)
    assert page.find("[data-tally-count]").text == "1"
    assert page.find("[data-tally-list] td").text == "Andet"
    assert "Skema 1 er gemt." in page.find("[data-tally-message]").text


def test_no_request_leaves_the_computer(page):
    page.open(tally_path())
    ready(page)
    entry(page).send_keys("s123451234" + Keys.ENTER)
    for url in page.resource_urls():
        assert url.startswith("file://"), url
    assert page.console_errors() == []


def test_a_correction_survives_a_reload(page):
    page.open(tally_path())
    ready(page)
    for sheet in ["s111111111", "m222222222"]:
        entry(page).send_keys(sheet + Keys.ENTER)
    entry(page).send_keys(Keys.ARROW_UP + Keys.BACKSPACE + "5")
    page.open(tally_path(), clear_storage=False)
    ready(page)
    assert entry(page).get_attribute("value") == "m222222225"
    assert page.find("[data-tally-label]").text == "Sheet 2"
    entry(page).send_keys(Keys.ENTER)
    assert page.find("[data-tally-count]").text == "2"
    assert sheets(page) == ["111111111", "222222225"]
