"""`tandem serve` in a real browser: many tabs of the preview at once, live reload, the error overlay.

Browsers open at most six connections to one address over HTTP/1.1; the preview's event stream is
held by one tab and shared with the others, so the seventh tab and beyond still load.
"""

import re
import shutil
import subprocess
import time

import pytest

from conftest import REPOSITORY

PAGES = [
    "", "playbooks/", "playbooks/sla/", "playbooks/shared-goal/", "playbooks/one-pipeline/",
    "playbooks/sql-definition/", "results/", "da/", "da/playbooks/",
]


@pytest.fixture
def preview(tandem, content, tmp_path):
    """A running `tandem serve` on a copy of the example site: (base URL, the copy's content folder)."""
    shutil.copytree(content, tmp_path / "content")
    process = subprocess.Popen(
        [str(tandem), "serve", "--content", str(tmp_path / "content"), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path)
    base = None
    deadline = time.monotonic() + 30
    while base is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        found = re.search(r"Serving at (http://127\.0\.0\.1:\d+/)", line)
        if found:
            base = found.group(1)
    assert base, "tandem serve did not print its address"
    yield base, tmp_path / "content"
    process.terminate()
    process.wait(timeout=15)


def wait(condition, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_nine_tabs_load_reload_and_show_errors_together(driver, preview):
    base, content = preview
    first = driver.current_window_handle
    tabs = []
    try:
        for number, path in enumerate(PAGES):
            if number:
                driver.switch_to.new_window("tab")
            # A page that waited for a free connection would not finish loading in time.
            driver.set_page_load_timeout(10)
            driver.get(base + path)
            assert driver.execute_script("return document.readyState") == "complete"
            driver.execute_script("window.tandemBefore = true")
            tabs.append(driver.current_window_handle)

        # A change reloads every tab.
        sla = content / "playbooks/sla.md"
        original = sla.read_text()
        sla.write_text(original + "\nA paragraph written while nine tabs were open.\n")
        for tab in tabs:
            driver.switch_to.window(tab)
            wait(lambda: driver.execute_script(
                "return document.readyState === 'complete' && window.tandemBefore === undefined"))
        driver.switch_to.window(tabs[2])
        assert "written while nine tabs were open" in driver.page_source

        # A broken build shows its errors over every tab, and over a tab opened now.
        sla.write_text(original + "\nSee [the missing page](missing.md).\n")
        for tab in tabs:
            driver.switch_to.window(tab)
            overlay = wait(lambda: driver.find_elements("css selector", "[data-tandem-errors]"))
            assert "content/playbooks/sla.md:" in overlay[0].text
        driver.switch_to.new_window("tab")
        tabs.append(driver.current_window_handle)
        driver.get(base + "playbooks/")
        wait(lambda: driver.find_elements("css selector", "[data-tandem-errors]"))

        # Fixing it reloads them all without the overlay.
        sla.write_text(original)
        for tab in tabs:
            driver.switch_to.window(tab)
            wait(lambda: driver.execute_script("return document.readyState") == "complete"
                 and not driver.find_elements("css selector", "[data-tandem-errors]"))
        assert "written while nine tabs were open" not in driver.page_source
    finally:
        driver.set_page_load_timeout(300)
        for tab in tabs:
            if tab != first:
                driver.switch_to.window(tab)
                driver.close()
        driver.switch_to.window(first)
