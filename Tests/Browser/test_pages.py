"""Accessibility (axe-core), print, JavaScript off, and the site served over HTTP."""

import base64
import functools
import http.server
import pathlib
import re
import shutil
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

from conftest import Page, chrome_options, form_path, tally_path
from test_form import fill, ready, shown


def axe_script():
    """The newest axe-core at hand.

    axe-selenium-python bundles axe-core 3.1.1 (2018), which cannot read the colours Chromium
    reports for color-mix() (`color(srgb ...)`) and so fails every contrast check with NaN.
    axe-playwright-python (installed without its dependencies: only its axe.min.js is used)
    carries a current axe-core; axe-selenium-python runs either.
    """
    try:
        import axe_playwright_python
    except ImportError:
        return None
    path = pathlib.Path(axe_playwright_python.__file__).with_name("axe.min.js")
    return str(path) if path.exists() else None


def axe_violations(page):
    try:
        from axe_selenium_python import Axe
    except ImportError:
        pytest.skip("axe-selenium-python is not installed")
    script = axe_script()
    axe = Axe(page.driver, script) if script else Axe(page.driver)
    axe.inject()  # WebDriver's scripts are not subject to the page's Content-Security-Policy
    results = axe.run()
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results["violations"]]


def test_the_form_has_no_accessibility_violations(page):
    page.open(form_path())
    ready(page)
    fill(page, [1, 2, 3, 4, 5, None, 2, 3, 4], department="sales")
    page.click(page.find("[data-form-download]"))  # a status message shows
    assert axe_violations(page) == []


def test_the_danish_form_and_tally_have_no_accessibility_violations(page):
    page.open(form_path("da"))
    ready(page)
    assert axe_violations(page) == []
    page.open(tally_path("da"))
    page.find("[data-tally-entry]").send_keys("s123451234" + Keys.ENTER + "m55555")
    assert axe_violations(page) == []


def test_tally_has_no_accessibility_violations(page):
    page.open(tally_path())
    box = page.find("[data-tally-entry]")
    for sheet in ["s123451234", "m543215432", "o333333333"]:
        box.send_keys(sheet + Keys.ENTER)
    box.send_keys("m12x")  # with an error showing
    assert axe_violations(page) == []


def test_a_playbook_page_and_a_results_page_have_no_accessibility_violations(page, site):
    page.open("playbooks/sla/index.html")
    assert axe_violations(page) == []
    results = sorted(site.glob("results/**/index.html"))
    if not results:
        pytest.skip("this site has no results pages yet")
    page.open(str(results[-1].relative_to(site)))
    assert axe_violations(page) == []


def pdf_pages(pdf):
    """The page count and the size of the first page in points, read from the PDF's page objects."""
    pages = re.findall(rb"/Type\s*/Page\b(?!s)", pdf)
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return len(pages), (float(box.group(3)) - float(box.group(1)), float(box.group(4)) - float(box.group(2)))


def print_to_pdf(page):
    data = page.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    return base64.b64decode(data)


@pytest.mark.parametrize("language", ["en", "da"])
def test_the_blank_sheet_prints_on_at_most_two_a4_pages(page, language, scratch):
    page.open(form_path(language))
    ready(page)
    # What "Print a blank sheet" does before it opens the print dialog.
    page.driver.execute_script("document.documentElement.classList.add('form-print-blank')")
    pdf = print_to_pdf(page)
    (scratch / f"blank-{language}.pdf").write_bytes(pdf)
    count, (width, height) = pdf_pages(pdf)
    assert 1 <= count <= 2
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4: 210 x 297 mm


def test_a_filled_form_prints_with_its_answers_and_score(page):
    page.open(form_path())
    ready(page)
    fill(page, [4, 4, 4, 3, 3, 3, 5, 5, 5], department="marketing")
    count, _ = pdf_pages(print_to_pdf(page))
    assert count <= 2
    printed = page.driver.execute_script("""
        const visible = (s) => { const e = document.querySelector(s); return e && getComputedStyle(e).display !== 'none' && !e.closest('[hidden]'); };
        return [visible('[data-score-mean]'), visible('[data-score-band]'), visible('[data-form-tools]')];""")
    assert printed[:2] == [True, True]


@pytest.fixture
def no_script_driver(downloads):
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    browser = webdriver.Chrome(options=chrome_options(downloads), service=service)
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield browser
    browser.quit()


def test_without_javascript_the_page_is_a_complete_sheet_with_a_notice(no_script_driver, site, downloads):
    page = Page(no_script_driver, site, downloads)
    page.driver.get(page.url(form_path()))
    assert len(page.find_all("fieldset[data-question]")) == 9
    assert len(page.find_all("fieldset[data-question] input[type=radio]")) == 45
    notice = page.find("noscript").get_attribute("textContent")
    assert "JavaScript is off" in notice
    assert not page.find("[data-form-tools]").is_displayed()
    assert not page.find("[data-form-live]").is_displayed()
    assert page.find(".form-bands").is_displayed()
    count, _ = pdf_pages(base64.b64decode(page.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]))
    assert count <= 2


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_over_http_the_form_scores_and_asks_no_other_host(page, server):
    page.driver.get(server + form_path())
    page.driver.execute_script("localStorage.clear()")
    page.driver.get(server + form_path())
    page.driver.get_log("browser")
    ready(page)
    fill(page, [2, 2, 2, 2, 2, 2, 2, 2, 3], department="sales")
    mean, band = shown(page)
    assert band == "take-a-closer-look" and 2.1 < mean < 2.2
    for url in page.resource_urls():
        assert url.startswith(server), url
    assert page.console_errors() == []
