"""Shared fixtures of the browser suite: the built site, the tandem binary, and headless Chromium.

The suite drives the built example site (content/) in Debian's Chromium through chromedriver,
from file:// with every host name unresolvable, so a request to any other host fails and shows.

Environment:
  TANDEM       the tandem binary (default: .build/debug/tandem, then .build/release/tandem)
  TANDEM_SITE  a site already built from content/ (default: built here into a temporary folder)
  TANDEM_CONTENT  the content folder the site was built from (default: content)
"""

import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

# Selenium Manager would look for browsers and report statistics over the network: the suite
# uses Debian's chromium and chromedriver, and the network is off.
os.environ.setdefault("SE_AVOID_STATS", "true")
os.environ.setdefault("SE_OFFLINE", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
ASSESSMENT = "sales-marketing-alignment"


def find_tandem():
    given = os.environ.get("TANDEM")
    if given:
        return pathlib.Path(given).resolve()
    for build in (".build/debug/tandem", ".build/release/tandem"):
        path = REPOSITORY / build
        if path.exists():
            return path
    pytest.exit("no tandem binary: run `swift build` or set TANDEM", returncode=2)


@pytest.fixture(scope="session")
def tandem():
    return find_tandem()


@pytest.fixture(scope="session")
def content():
    return pathlib.Path(os.environ.get("TANDEM_CONTENT", REPOSITORY / "content")).resolve()


@pytest.fixture(scope="session")
def site(tandem, content, tmp_path_factory):
    given = os.environ.get("TANDEM_SITE")
    if given:
        return pathlib.Path(given).resolve()
    output = tmp_path_factory.mktemp("site") / "public"
    subprocess.run(
        [str(tandem), "build", "--content", str(content), "--output", str(output)],
        check=True, cwd=REPOSITORY, capture_output=True)
    return output


@pytest.fixture(scope="session")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


def chrome_options(downloads):
    options = webdriver.ChromeOptions()
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1600", "--lang=en-US",
        # The network is off: no host name resolves (file:// and 127.0.0.1 need none).
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-features=Translate,OptimizationHints,MediaRouter",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


@pytest.fixture(scope="session")
def driver(downloads):
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    browser = webdriver.Chrome(options=chrome_options(downloads), service=service)
    browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.set_script_timeout(30)
    yield browser
    browser.quit()


class Page:
    """Helpers over the driver for one of the site's pages."""

    downloaded = 0

    def __init__(self, driver, site, downloads):
        self.driver = driver
        self.site = site
        self.downloads = downloads

    def url(self, path):
        return (self.site / path).as_uri()

    def open(self, path, clear_storage=True):
        self.driver.get(self.url(path))
        if clear_storage:
            self.driver.execute_script("localStorage.clear()")
            self.driver.get(self.url(path))
        self.driver.get_log("browser")  # start the console log afresh
        return self

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda _: condition())

    def click(self, element):
        """Clicks an element in the middle of the window, clear of the sticky score bar."""
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def accept_confirm(self):
        alert = WebDriverWait(self.driver, 5).until(lambda d: d.switch_to.alert)
        text = alert.text
        alert.accept()
        return text

    def expect_download(self, action, suffix):
        """Runs `action` and returns the file it downloads (its name ending in `suffix`).

        Each download goes to a folder of its own, so that no earlier file can be mistaken for it.
        """
        Page.downloaded += 1
        folder = self.downloads / f"{Page.downloaded:03d}"
        folder.mkdir()
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
        action()
        sizes = []

        def arrived():
            files = [p for p in folder.iterdir() if p.name.endswith(suffix)]
            sizes.append(files[0].stat().st_size if len(files) == 1 else -1)
            # Done when the file has kept the same size for two looks.
            return files[0] if len(sizes) > 2 and sizes[-1] > 0 and sizes[-1] == sizes[-2] else None

        return self.wait(arrived)

    def console_errors(self):
        return [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]

    def resource_urls(self):
        return self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")


@pytest.fixture
def page(driver, site, downloads):
    return Page(driver, site, downloads)


def score(tandem, content, *files, by=None):
    """`tandem score --format json` on result files: the numbers the form must show."""
    extra = ["--by", by] if by else []
    run = subprocess.run(
        [str(tandem), "score", "--format", "json", "--content", str(content), *extra, *map(str, files)],
        capture_output=True, text=True, cwd=REPOSITORY)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def form_path(language="en"):
    prefix = "" if language == "en" else language + "/"
    return f"{prefix}assessment/{ASSESSMENT}/index.html"


def tally_path(language="en"):
    prefix = "" if language == "en" else language + "/"
    return f"{prefix}assessment/{ASSESSMENT}-tally/index.html"


@pytest.fixture(scope="session")
def scratch():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tandem-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
