"""The web app in a real browser: headless Chromium (Debian's package) against uvicorn on loopback.

Skipped, with the reason, when /usr/bin/chromium or /usr/bin/chromedriver is missing (.ci/run
installs both). Set PARALLAX_SCREENSHOTS=DIR to save the list and incident pages as PNGs there.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from webdata import SEEDS, ZONES, hostile_id
from parallax.serve.app import create_app
from parallax.settings import Settings

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,1000")

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="headless browser tests need Debian's chromium and chromium-driver "
                                       "(apt-get install -y chromium chromium-driver; .ci/run does this)")


@pytest.fixture(scope="module")
def server(served_db):
    """The app served by uvicorn on a free loopback port, in a thread, for the module."""
    import uvicorn
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(served_db, Settings(), zones_path=ZONES), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    running.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager is never asked to download anything.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def visit(browser, url: str) -> None:
    browser.get(url)
    assert browser.execute_script("return window.__pwned") is None, f"article text ran as script on {url}"


def console_errors(browser) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(browser, name: str) -> None:
    folder = os.environ.get("PARALLAX_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(Path(folder) / name))


def submit_filters(browser) -> None:
    """Submit the filter form and wait for the new page (the old rows go stale)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    table = browser.find_element(By.ID, "incidents")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    WebDriverWait(browser, 15).until(expected_conditions.staleness_of(table))
    WebDriverWait(browser, 15).until(lambda b: b.find_element(By.ID, "incidents"))
    assert browser.execute_script("return window.__pwned") is None


def rows(browser) -> list:
    from selenium.webdriver.common.by import By
    return browser.find_elements(By.CSS_SELECTOR, "#incidents tr.incident-row")


def test_list_loads_and_filters_work(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    visit(browser, server + "/")
    everything = len(rows(browser))
    assert everything > 10
    screenshot(browser, "ui-list.png")
    Select(browser.find_element(By.NAME, "country")).select_by_visible_text("Syria")
    submit_filters(browser)
    syria = rows(browser)
    assert 0 < len(syria) < everything
    assert all("Syria" in row.text for row in syria)
    assert "country=Syria" in browser.current_url
    browser.find_element(By.NAME, "contested").click()
    submit_filters(browser)
    contested = rows(browser)
    assert contested and all("contested" in row.text and "Syria" in row.text for row in contested)
    assert console_errors(browser) == []


def test_incident_page_shows_both_seed_sources(server, browser):
    from selenium.webdriver.common.by import By
    visit(browser, server + f"/articles/{SEEDS[0]}")
    browser.find_element(By.CSS_SELECTOR, "#article a[href^='/incidents/']").click()
    sources = browser.find_elements(By.CSS_SELECTOR, "#sources th.source")
    assert {s.get_attribute("data-article") for s in sources} == set(SEEDS)
    assert browser.find_elements(By.CSS_SELECTOR, "#sources blockquote mark")
    screenshot(browser, "ui-incident.png")
    assert console_errors(browser) == []


def test_map_draws_countries_zones_and_incidents(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    visit(browser, server + "/map")
    WebDriverWait(browser, 15).until(lambda b: b.find_element(By.ID, "map").get_attribute("data-drawn"))
    svg = browser.find_element(By.ID, "map")
    assert int(svg.get_attribute("data-drawn")) > 5
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150
    assert len(browser.find_elements(By.CSS_SELECTOR, "#map circle.incident")) == int(svg.get_attribute("data-drawn"))
    assert browser.find_elements(By.CSS_SELECTOR, "#map path.zone")
    screenshot(browser, "ui-map.png")
    assert console_errors(browser) == []


def test_hostile_article_does_not_execute_anywhere(server, browser):
    from selenium.webdriver.common.by import By
    visit(browser, server + f"/articles/{hostile_id()}")
    text = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert "<script>window.__pwned = 4</script>" in text  # shown as text, not run
    incident = browser.find_element(By.CSS_SELECTOR, "#article a[href^='/incidents/']").get_attribute("href")
    for url in (incident, server + "/", server + "/timeline", server + "/search?q=Kismayo",
                server + "/?outlet=" + "Evil%22%20onload%3D%22window.__pwned%3D2"):
        visit(browser, url)
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert browser.execute_script("return window.__pwned") is None
    assert console_errors(browser) == []
