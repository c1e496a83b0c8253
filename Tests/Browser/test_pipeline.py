"""The pipeline pages and the playbook pages that carry a measured line, on a phone and a projector.

Every pipeline page of the built site (pipeline/**/index.html and da/pipeline/**/index.html, so a
later period's page is covered too) and the SLA and shared-goal playbooks in both languages: no
sideways scrolling at 390 px and 1024 px wide, no axe-core violations at 390 px, charts that name
themselves to a screen reader and fit their column, a period page that prints on A4, and a
screenshot of each pipeline page at both widths.

The screenshots and the printed pages go to TANDEM_SCREENSHOTS when it is set, otherwise to a
pytest temporary folder (kept after the run, as pytest keeps its last few); the folder is named at
the end of the run.
"""

import base64
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest

from conftest import Page, find_tandem
from test_pages import axe_violations, pdf_pages, print_to_pdf

PHONE = (390, 844)
PROJECTOR = (1024, 768)
DEFAULT_WINDOW = (1280, 1600)  # conftest's --window-size, put back when this module is done

PLAYBOOKS = [
    "playbooks/sla/index.html", "playbooks/shared-goal/index.html",
    "da/playbooks/sla/index.html", "da/playbooks/shared-goal/index.html",
]
PRINTED = "pipeline/2026-q1/index.html"

# Problems these tests have found in the pages, each marked as an expected failure (strict, so the
# mark must go when the page is fixed): {(test name, page path): reason}.
SLA_TABLE = ("at 390 px the SLA block's table (div.tandem-table-wrap > table.tandem-sla__table, "
             "content.css: overflow-x: auto) holds 518 px of columns in a 319 px box and scrolls sideways")
KNOWN = {
    ("test_no_sideways_scrolling_on_a_phone", "playbooks/sla/index.html"): SLA_TABLE,
    ("test_no_sideways_scrolling_on_a_phone", "da/playbooks/sla/index.html"): SLA_TABLE,
}


# ---- The pages, found in the built site when the tests are collected ----

def built_site(config):
    """The site to find the pages in: TANDEM_SITE, or the example site built here once."""
    given = os.environ.get("TANDEM_SITE")
    if given:
        return pathlib.Path(given).resolve()
    cached = getattr(config, "_tandem_pipeline_site", None)
    if cached is None:
        folder = pathlib.Path(tempfile.mkdtemp(prefix="tandem-pipeline-"))
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        cached = folder / "public"
        content = pathlib.Path(os.environ.get("TANDEM_CONTENT", "content"))
        repository = pathlib.Path(__file__).resolve().parents[2]
        subprocess.run(
            [str(find_tandem()), "build", "--content", str(repository / content), "--output", str(cached)],
            check=True, cwd=repository, capture_output=True)
        config._tandem_pipeline_site = cached
    return cached


def pipeline_pages(site):
    found = sorted(site.glob("pipeline/**/index.html")) + sorted(site.glob("da/pipeline/**/index.html"))
    return [str(path.relative_to(site)) for path in found]


def pytest_generate_tests(metafunc):
    names = {
        "pipeline_page": lambda site: pipeline_pages(site),
        "any_page": lambda site: pipeline_pages(site) + PLAYBOOKS,
    }
    for name, pages in names.items():
        if name not in metafunc.fixturenames:
            continue
        found = pages(built_site(metafunc.config))
        assert found, "the built site has no pipeline pages"
        params = []
        for path in found:
            reason = KNOWN.get((metafunc.function.__name__, path))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(path, id=path.removesuffix("index.html").rstrip("/") or "home", marks=marks))
        metafunc.parametrize(name, params)


@pytest.fixture(scope="module")
def site(request):
    """The site the pages were found in (conftest's `site` would build a second copy)."""
    return built_site(request.config)


@pytest.fixture(scope="module", autouse=True)
def window(driver):
    """Puts the shared driver's window back as conftest made it when this module is done."""
    yield
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})
    driver.set_window_size(*DEFAULT_WINDOW)


@pytest.fixture(scope="module")
def shots(request, tmp_path_factory):
    given = os.environ.get("TANDEM_SCREENSHOTS")
    folder = pathlib.Path(given).resolve() if given else tmp_path_factory.mktemp("pipeline-screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter and capture and any(folder.iterdir()):
        with capture.global_and_fixture_disabled():
            reporter.ensure_newline()
            reporter.write_line(f"pipeline screenshots and printed pages: {folder}")


# ---- Helpers ----

def set_viewport(page, width, height):
    """Sizes the window so that the page's viewport (window.innerWidth x innerHeight) is width x height.

    At the phone's width the scrollbars overlay the page, as a phone's do, so the page has all
    390 px; Chromium's 15 px desktop scrollbar would leave it 375. The projector keeps its scrollbar.
    """
    page.driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": (width, height) == PHONE})
    page.driver.set_window_size(width, height)
    inner = page.driver.execute_script("return [innerWidth, innerHeight]")
    if inner != [width, height]:
        page.driver.set_window_size(width + width - inner[0], height + height - inner[1])
    assert page.driver.execute_script("return innerWidth") == width


def open_at(page, path, size):
    set_viewport(page, *size)
    page.open(path)
    page.driver.execute_script("return document.fonts.ready")
    return page


OVERFLOW = """
const describe = (e) => {
  const html = e.outerHTML;
  return {tag: e.tagName.toLowerCase(), id: e.id, className: String(e.className.baseVal ?? e.className),
          scrollWidth: e.scrollWidth, clientWidth: e.clientWidth,
          right: Math.round(e.getBoundingClientRect().right),
          html: html.length > 240 ? html.slice(0, 240) + '...' : html};
};
const scrollers = [], beyond = [];
for (const e of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(e);
  if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX)) scrollers.push(describe(e));
  // What sticks out past the right edge, outermost first (for the report when the page scrolls).
  const box = e.getBoundingClientRect();
  if (box.right > document.documentElement.clientWidth + 0.5 && box.width > 0 && style.visibility !== 'hidden'
      && !beyond.some((b) => b.element.contains(e))) beyond.push({element: e, found: describe(e)});
}
return {innerWidth, clientWidth: document.documentElement.clientWidth,
        scrollWidth: document.documentElement.scrollWidth, scrollers,
        beyond: beyond.map((b) => b.found)};
"""


def overflow_problems(page):
    found = page.driver.execute_script(OVERFLOW)
    problems = []
    # Wider than the window, or than what the window's scrollbar leaves of it.
    if found["scrollWidth"] > min(found["innerWidth"], found["clientWidth"]):
        problems.append(f"the page is {found['scrollWidth']} px wide in a {found['innerWidth']} px window "
                        f"({found['clientWidth']} px inside its scrollbar); past the right edge: "
                        + "; ".join(f"{e['tag']}.{e['className']} (right edge at {e['right']} px) {e['html']}" for e in found["beyond"]))
    problems += [f"scrolls sideways: {e['tag']}.{e['className']} ({e['scrollWidth']} px of content in {e['clientWidth']} px) {e['html']}"
                 for e in found["scrollers"]]
    return problems


def axe_problems(page):
    """axe_violations, with each node's HTML for the report."""
    problems = []
    for rule, help_text, targets in axe_violations(page):
        nodes = [page.driver.execute_script(
            "const e = document.querySelector(arguments[0]); return e ? e.outerHTML.slice(0, 300) : null",
            target[-1]) for target in targets]
        problems.append(f"axe {rule} ({help_text}): " + "; ".join(f"{target} {node}" for target, node in zip(targets, nodes)))
    return problems


def report(path, size, problems):
    return f"{path} at {size[0]}x{size[1]}:\n" + "\n".join(problems)


# ---- The tests ----

def test_no_sideways_scrolling_on_a_phone(page, any_page):
    open_at(page, any_page, PHONE)
    problems = overflow_problems(page)
    assert not problems, report(any_page, PHONE, problems)


def test_no_axe_violations_on_a_phone(page, any_page):
    open_at(page, any_page, PHONE)
    problems = axe_problems(page)
    assert not problems, report(any_page, PHONE, problems)


def test_no_sideways_scrolling_on_a_projector(page, any_page):
    open_at(page, any_page, PROJECTOR)
    problems = overflow_problems(page)
    assert not problems, report(any_page, PROJECTOR, problems)


CHARTS = """
return [...document.querySelectorAll('svg.pipeline-chart')].map((svg) => {
  const child = (name) => [...svg.children].find((c) => c.localName === name);
  const container = svg.parentElement, style = getComputedStyle(container);
  const inner = container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {id: svg.id, role: svg.getAttribute('role'),
          title: child('title')?.textContent.trim() ?? null, desc: child('desc')?.textContent.trim() ?? null,
          width: svg.getBoundingClientRect().width, container: inner,
          right: svg.getBoundingClientRect().right, viewport: document.documentElement.clientWidth};
});
"""


def test_the_charts_are_images_with_a_title_and_a_description_and_fit_on_a_phone(page, pipeline_page):
    open_at(page, pipeline_page, PHONE)
    charts = page.driver.execute_script(CHARTS)
    if pathlib.PurePosixPath(pipeline_page).parent.name == "pipeline" and not charts:
        pytest.skip(f"{pipeline_page} has no charts")  # the index; a period's page has them
    assert charts, f"{pipeline_page} has no charts"
    for chart in charts:
        assert chart["role"] == "img", chart
        assert chart["title"], chart
        assert chart["desc"], chart
        assert chart["width"] <= chart["container"] + 0.5, chart
        assert chart["right"] <= chart["viewport"], chart


@pytest.fixture(scope="module")
def printed(driver, site, downloads, shots):
    """The English period page printed to PDF as the browser prints it (A4 from the page's CSS)."""
    page = open_at(Page(driver, site, downloads), PRINTED, DEFAULT_WINDOW)
    path = shots / "pipeline-2026-q1.pdf"
    path.write_bytes(print_to_pdf(page))
    return path


def pdf_text(path, *options):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_period_page_prints_on_at_most_six_a4_pages(page, printed, shots):
    pdf = printed.read_bytes()
    assert pdf.startswith(b"%PDF")
    count, (width, height) = pdf_pages(pdf)
    assert 1 <= count <= 6
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4: 210 x 297 mm

    # Legible: the smallest text in print, chart text scaled as its SVG is drawn, is 7 pt or more.
    open_at(page, PRINTED, DEFAULT_WINDOW)
    page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        smallest = page.driver.execute_script("""
            let smallest = null;
            const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const e = node.parentElement;
              if (!node.textContent.trim() || !e.getClientRects().length || e.closest('title, desc')) continue;
              let size = parseFloat(getComputedStyle(e).fontSize);
              const svg = e.closest('svg');
              if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
                size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              }
              if (!smallest || size < smallest.size) smallest = {size, text: node.textContent.trim().slice(0, 60)};
            }
            return smallest;""")
        title = page.find("h1").text
    finally:
        page.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert smallest["size"] * 0.75 >= 7, smallest  # CSS px to pt

    # The words are text in the PDF (not a picture of them), and its pages render where pdftoppm is at hand.
    if shutil.which("pdftotext"):
        assert " ".join(title.split()) in " ".join(pdf_text(printed).split())
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(printed), str(shots / "pipeline-2026-q1-print")], check=True)
        assert len(list(shots.glob("pipeline-2026-q1-print*.png"))) == count


def test_no_printed_page_but_the_last_is_mostly_blank(printed):
    pages = pdf_text(printed, "-bbox").split("<page ")[1:]
    reach = []
    for number, text in enumerate(pages, 1):
        height = float(re.search(r'height="([\d.]+)"', text).group(1))
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', text)]
        reach.append((number, round(max(bottoms, default=0) / height, 2)))
    assert [(number, share) for number, share in reach[:-1] if share < 0.4] == [], reach


def test_the_printed_page_shows_no_relative_link_addresses(printed):
    text = pdf_text(printed)
    assert re.findall(r"\([^()\s]*\.html[^()\s]*\)", text, re.IGNORECASE) == []


def test_a_screenshot_of_each_pipeline_page_on_a_phone_and_a_projector(page, pipeline_page, shots):
    name = pipeline_page.removesuffix("/index.html").replace("/", "-")
    for width, height in (PHONE, PROJECTOR):
        open_at(page, pipeline_page, (width, height))
        shot = page.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        data = base64.b64decode(shot["data"])
        assert data.startswith(b"\x89PNG")
        (shots / f"{name}-{width}.png").write_bytes(data)
