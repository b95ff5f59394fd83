"""The HTML format and `mlscape serve` in a real browser: Debian's headless Chromium driven
by chromium-driver through selenium. Run with `make browser-test`.

Every check reads what the browser shows (computed styles, the DOM, window.find), never the
page script's own bookkeeping. Servers bind to 127.0.0.1 on a free port and are stopped
with Ctrl-C (SIGINT) at the end of each test; every wait is bounded.
"""
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
MLSCAPE = os.environ.get("MLSCAPE", str(ROOT / ".build" / "debug" / "mlscape"))
WAIT = 15  # seconds: the bound of every wait

# One tool gets a description and a link, so its card has every field.
DESCRIPTION = "Runs ML pipelines on Kubernetes <b>as text</b>"
KUBEFLOW = re.compile(r"^(  - \{ name: Kubeflow, x: )(-?[0-9.]+)(, y: -?[0-9.]+, categories: \[ml-task-orchestrators\])( \})$", re.M)


def tool_lines(text):
    """(name, subtitle, categories) of every tool line of the blog's fixture."""
    out = []
    for m in re.finditer(r"^  - \{ name: ([^,]+),(?: subtitle: ([^,]+),)?.*categories: \[([^\]]*)\]", text, re.M):
        out.append((m.group(1).strip(), (m.group(2) or "").strip(), [c.strip() for c in m.group(3).split(",")]))
    return out


def tool_id(name, subtitle):
    return "-".join(w for w in re.split(r"[^0-9a-z]+", f"{name} {subtitle}".lower()) if w)


@pytest.fixture
def data(tmp_path):
    """A copy of the blog's landscape (and its lifecycle spec) in a folder of its own."""
    text = (ROOT / "fixtures" / "mlops-landscape.yaml").read_text()
    assert KUBEFLOW.search(text), "the fixture no longer has Kubeflow's line"
    text = KUBEFLOW.sub(lambda m: f'{m.group(1)}{m.group(2)}{m.group(3)}, url: "https://www.kubeflow.org", '
                                  f'description: "{DESCRIPTION}"{m.group(4)}', text, count=1)
    path = tmp_path / "landscape.yaml"
    path.write_text(text)
    shutil.copy(ROOT / "fixtures" / "lifecycle.yaml", tmp_path / "lifecycle.yaml")
    return path


@pytest.fixture(scope="module")
def browser():
    options = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
        options.add_argument(a)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def render_html(data, figure):
    out = data.parent / "out"
    subprocess.run([MLSCAPE, "render", str(data), "--figure", figure, "--format", "html", "--out", str(out), "-q"],
                   check=True, timeout=120)
    return out / f"{figure}.html"


def opacity(driver, element):
    """The opacity the element is drawn with: its own times every ancestor's."""
    return driver.execute_script(
        "var o = 1; for (var e = arguments[0]; e && e.nodeType === 1; e = e.parentNode) o *= +getComputedStyle(e).opacity; return o;",
        element)


def card(driver):
    return driver.find_element(By.CSS_SELECTOR, ".scape-card")


# The HTML format


def test_hover_shows_the_tools_card(browser, data):
    browser.get(render_html(data, "ml-landscape-all").as_uri())
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, '[id="tool.kubeflow.marker"]')).perform()
    WebDriverWait(browser, WAIT).until(lambda d: card(d).is_displayed())
    text = card(browser).text
    for expected in ["Kubeflow", "ML Task Orchestrators", "Machine Learning Platforms", "assess", DESCRIPTION]:
        assert expected in text, f"the card lacks {expected!r}: {text!r}"
    # The description is shown as text, not markup; the link is a real link.
    assert not card(browser).find_elements(By.TAG_NAME, "b")
    assert card(browser).find_element(By.TAG_NAME, "a").get_attribute("href") == "https://www.kubeflow.org/"
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    WebDriverWait(browser, WAIT).until(lambda d: not card(d).is_displayed())


def test_search_highlights_exactly_the_matching_tools(browser, data):
    browser.get(render_html(data, "ml-landscape-all").as_uri())
    query = "flow"
    tools = tool_lines(data.read_text())
    expected = {tool_id(n, s) for n, s, _ in tools if query in f"{n} {s}".lower()}
    assert expected, "the query should match some tools"
    box = browser.find_element(By.CSS_SELECTOR, ".scape-search")
    box.send_keys(query)
    hit = lambda d: {e.get_attribute("id")[len("tool."):] for e in d.find_elements(By.CSS_SELECTOR, "g.scape-hit[id^='tool.']")}
    WebDriverWait(browser, WAIT).until(lambda d: hit(d) == expected)
    # Highlighted tools are drawn fully; the others faded.
    for n, s, _ in tools:
        group = browser.find_element(By.CSS_SELECTOR, f'[id="tool.{tool_id(n, s)}"]')
        faded = opacity(browser, group) < 0.5
        assert faded == (tool_id(n, s) not in expected), f"{n} {s}: opacity {opacity(browser, group)}"


def test_a_category_toggle_shows_only_its_region_and_members(browser, data):
    browser.get(render_html(data, "ml-landscape-ml-platforms").as_uri())
    category = "ml-task-orchestrators"
    chip = browser.find_element(By.CSS_SELECTOR, f'.scape-chip[data-kind="category"][data-id="{category}"]')
    chip.click()
    members = {tool_id(n, s) for n, s, cats in tool_lines(data.read_text()) if category in cats}
    drawn = [g for g in browser.find_elements(By.CSS_SELECTOR, "g[id^='tool.']") if g.get_attribute("id").count(".") == 1]
    assert drawn, "the zoom draws tools"
    for g in drawn:
        tid = g.get_attribute("id")[len("tool."):]
        shown = opacity(browser, g) > 0.5
        assert shown == (tid in members), f"{tid}: opacity {opacity(browser, g)}"
    regions = [r for r in browser.find_elements(By.CSS_SELECTOR, "[id^='region.']") if r.get_attribute("id").count(".") == 1]
    assert len(regions) > 1, "the zoom draws several regions"
    for r in regions:
        shown = opacity(browser, r) > 0.5
        assert shown == (r.get_attribute("id") == f"region.{category}"), r.get_attribute("id")
    # Toggling it off shows everything again.
    chip.click()
    assert all(opacity(browser, g) > 0.5 for g in drawn)


def test_find_finds_a_tool_name_over_its_drawn_label(browser, data):
    browser.get(render_html(data, "ml-landscape-all").as_uri())
    assert browser.execute_script("return window.find('Kubeflow')"), "window.find does not find Kubeflow"
    found = browser.execute_script("""
        var s = getSelection(); var r = s.getRangeAt(0).getBoundingClientRect();
        var n = document.querySelector('[id="tool.kubeflow.name"]').getBoundingClientRect();
        return [s.toString(), r.left, r.top, r.right, r.bottom, n.left, n.top, n.right, n.bottom];""")
    assert found[0] == "Kubeflow"
    sel, name = found[1:5], found[5:9]
    overlap_x = min(sel[2], name[2]) - max(sel[0], name[0])
    overlap_y = min(sel[3], name[3]) - max(sel[1], name[1])
    assert overlap_x > 0.8 * (name[2] - name[0]) and overlap_y > 0.5 * (name[3] - name[1]), \
        f"the found text {sel} does not lie over the drawn name {name}"


def test_tab_reaches_tools_and_enter_opens_a_card(browser, data):
    browser.get(render_html(data, "ml-landscape-all").as_uri())
    for _ in range(80):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if (browser.switch_to.active_element.get_attribute("id") or "").startswith("tool."):
            break
    focused = browser.switch_to.active_element
    assert (focused.get_attribute("id") or "").startswith("tool."), "Tab never reached a tool"
    focused.send_keys(Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: card(d).is_displayed())
    assert focused.get_attribute("aria-label").split(" ")[0] in card(browser).text


# mlscape serve


class Server:
    def __init__(self, data, *args):
        self.proc = subprocess.Popen([MLSCAPE, "serve", str(data), "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()  # bounded: the server prints it once listening
        m = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
        if not m:
            self.stop()
            raise AssertionError(f"no 'serving' line: {line!r} {self.proc.stderr.read()}")
        self.url = m.group(1)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture
def server(data):
    s = Server(data)
    yield s
    code = s.stop()
    assert code == 0, f"Ctrl-C should stop the server cleanly (exit 0), got {code}: {s.proc.stderr.read()[-2000:]}"


def save(path, text):
    """As editors save: a temporary file renamed over the original."""
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def text_layer(driver, figure):
    return driver.execute_script(
        "var s = document.querySelector('.scape-served[data-figure=\"' + arguments[0] + '\"] .scape-text');"
        "return s ? s.textContent : '';", figure)


def test_an_edit_reaches_the_open_page_without_a_reload(browser, data, server):
    browser.get(server.url)
    assert "Kubeflow" in text_layer(browser, "ml-landscape-all")
    browser.execute_script("window.notReloaded = true;"
                           "document.querySelector('.scape-served[data-figure=\"ml-landscape-all\"]').scrollIntoView();")
    scroll = browser.execute_script("return window.scrollY")
    assert scroll > 0
    started = time.monotonic()
    save(data, data.read_text().replace("name: Kubeflow,", "name: Kubeflow, subtitle: Pipelines Edition,", 1))
    WebDriverWait(browser, WAIT, poll_frequency=0.01).until(lambda d: "Pipelines Edition" in text_layer(d, "ml-landscape-all"))
    print(f"save -> figure swapped in the page: {(time.monotonic() - started) * 1000:.0f} ms")
    assert browser.execute_script("return window.notReloaded === true"), "the page was reloaded"
    assert abs(browser.execute_script("return window.scrollY") - scroll) < 2, "the scroll position moved"
    # Figures that do not draw the tool were not sent again.
    assert "Kubeflow" not in text_layer(browser, "ml-lifecycle")


def test_a_bad_edit_shows_located_errors_and_the_next_good_save_clears_them(browser, data, server):
    browser.get(server.url)
    good = data.read_text()
    lines = good.splitlines()
    line_no = next(i for i, l in enumerate(lines, 1) if l.startswith("  - { name: Kubeflow"))
    bad = re.sub(r"name: Kubeflow, x: -?[0-9.]+", "name: Kubeflow, x: left", good, count=1)
    column = bad.splitlines()[line_no - 1].index("left") + 1
    save(data, bad)
    errors = lambda d: d.find_element(By.CSS_SELECTOR, ".scape-errors")
    WebDriverWait(browser, WAIT).until(lambda d: errors(d).is_displayed())
    shown = errors(browser).text
    assert f"{data.name}:{line_no}:{column}: error:" in shown, shown
    assert "x: left" in shown, "the offending line is not shown"
    # The last good figures stay on the page under the errors.
    assert "Kubeflow" in text_layer(browser, "ml-landscape-all")
    save(data, good.replace("name: Kubeflow,", "name: Kubeflow, subtitle: Fixed Edition,", 1))
    WebDriverWait(browser, WAIT).until(lambda d: not errors(d).is_displayed())
    WebDriverWait(browser, WAIT).until(lambda d: "Fixed Edition" in text_layer(d, "ml-landscape-all"))


def test_the_server_serves_nothing_from_disk_and_only_for_localhost(data, server):
    for path in ["landscape.yaml", "../landscape.yaml", "%2e%2e/%2e%2e/etc/passwd", "figures/../landscape.yaml", "figures/nope.svg"]:
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(server.url + path, timeout=WAIT)
        assert e.value.code == 404, path
    request = urllib.request.Request(server.url, headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(request, timeout=WAIT)
    assert e.value.code == 403
    with urllib.request.urlopen(server.url + "figures/ml-landscape-all.svg", timeout=WAIT) as r:
        assert r.headers["Content-Type"].startswith("image/svg+xml")


def test_a_port_in_use_is_a_clear_error(data, server):
    port = server.url.rsplit(":", 1)[1].strip("/")
    r = subprocess.run([MLSCAPE, "serve", str(data), "--port", port], capture_output=True, text=True, timeout=60)
    assert r.returncode == 69
    assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in r.stderr
