"""The issue's "done when", end to end: a workshop of twelve fills the form from a zipped copy of the
site, with no network, and the facilitator's results page shows the numbers the twelve saw.
"""

import json
import shutil
import subprocess
import zipfile

from conftest import REPOSITORY, Page, form_path
from test_form import QUESTIONS, fill, ready, shown, start_over

TEAM, ROUND = "Workshop", "2026-Q4"


def twelve_answer_sets():
    """Six from sales, six from marketing, every question answered, all different."""
    sets = []
    for person in range(12):
        answers = [1 + (person * 3 + question * (person % 4 + 1)) % 5 for question in range(9)]
        sets.append(("sales" if person % 2 == 0 else "marketing", answers))
    return sets


def test_a_workshop_of_twelve_and_its_results_page(driver, site, downloads, tandem, content, tmp_path):
    # The facilitator zips the built site; each laptop opens its own unzipped copy from file://.
    archive = shutil.make_archive(str(tmp_path / "site"), "zip", site)
    copy = tmp_path / "laptop"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(copy)
    laptop = Page(driver, copy, downloads)
    laptop.open(form_path())
    ready(laptop)

    seen, files = [], []
    for person, (department, answers) in enumerate(twelve_answer_sets()):
        if person:
            start_over(laptop)
        fill(laptop, answers, department=department,
             fields={"respondent": f"person {person + 1}", "team": TEAM, "round": ROUND})
        mean, band = shown(laptop)
        assert mean is not None and band is not None, "a complete answer set has a score and a band"
        seen.append((department, mean))
        files.append(laptop.expect_download(lambda: laptop.click(laptop.find("[data-form-download]")), ".json"))
    assert not laptop.console_errors()
    assert all(url.startswith("file://") for url in laptop.resource_urls())

    # The facilitator drops the twelve files into the site's results and builds it.
    site_copy = tmp_path / "facilitator"
    shutil.copytree(content, site_copy / "content")
    (site_copy / "content/results/workshop").mkdir(parents=True)
    for file in files:
        shutil.copy(file, site_copy / "content/results/workshop" / file.name)
    build = subprocess.run(
        [str(tandem), "build", "--content", str(site_copy / "content"), "--output", str(site_copy / "public")],
        capture_output=True, text=True, cwd=REPOSITORY)
    assert build.returncode == 0, build.stderr
    assert json.loads((site_copy / "content/results/workshop" / files[0].name).read_text())["team"] == TEAM

    results = Page(driver, site_copy / "public", downloads)
    results.open("results/workshop/2026-q4/index.html")
    overall = float(results.find(".results-score__value [data-value]").get_attribute("data-value"))
    # docs/scoring.md, rule 3: the overall mean is the mean of the complete respondents' means:
    # the twelve numbers seen.
    assert abs(overall - sum(mean for _, mean in seen) / 12) < 1e-12
    items = results.find_all(".results-departments__item")
    assert [item.find_element("css selector", "dt").text for item in items[:2]] == ["Sales", "Marketing"]
    shown_by_department = [
        float(item.find_element("css selector", "[data-value]").get_attribute("data-value")) for item in items[:2]]
    for value, department in zip(shown_by_department, ["sales", "marketing"]):
        means = [mean for who, mean in seen if who == department]
        assert abs(value - sum(means) / len(means)) < 1e-12
    assert results.find(".results-verdict__meta").text.startswith("12 complete answers")
    # Each question's mean on the page is the mean of the twelve answers to it.
    answers = [answers for _, answers in twelve_answer_sets()]
    for index, question in enumerate(QUESTIONS):
        row = results.find(f'[data-question="{question}"]')
        values = [float(v.get_attribute("data-value")) for v in row.find_elements("css selector", "[data-value]")]
        assert abs(values[0] - sum(a[index] for a in answers) / 12) < 1e-12, question
