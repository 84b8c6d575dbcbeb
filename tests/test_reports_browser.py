"""The report pages as a person sees them: headless Chromium opens each one and finds no
broken image, no console error, no blocked resource and nothing wider than the window.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
JSON messages ending in a NUL byte on file descriptors 3 and 4), so no Python package
is needed. Skipped where Chromium is not installed (``apt-get install chromium``).

Run as a script to take the screenshots for the README:
``python tests/test_reports_browser.py REPORTS_DIR docs/screenshots STUDENT``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
WIDTH = 1100
SECONDS = 60.0

BROKEN_PAGE = """<!DOCTYPE html><html><head><title>broken</title></head><body>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAf" alt="cut short">
<script>console.error("something went wrong")</script></body></html>"""


class Chromium:
    """One headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()

        def pipes_on_3_and_4() -> None:  # in the child, before exec: Chromium reads fd 3, writes fd 4
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome, from_chrome)]
            os.dup2(high[0], 3)  # dup2 to another number leaves the copy inheritable
            os.dup2(high[1], 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},900", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=pipes_on_3_and_4,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        page = next(t for t in self.call("Target.getTargets")["targetInfos"] if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=self.session)

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = session
        data = json.dumps(request).encode() + b"\0"
        while data:
            data = data[os.write(self._write, data) :]
        deadline = time.monotonic() + SECONDS
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str) -> None:
        """Load ``url`` and wait for its load event; earlier events are dropped."""
        self.events.clear()
        self.call("Page.navigate", session=self.session, url=url)
        deadline = time.monotonic() + SECONDS
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._message(deadline))

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session=self.session, expression=expression, returnByValue=True)
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (blocked or failed loads) so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append("log: " + params["entry"].get("text", ""))
        return found

    def broken_images(self) -> list[str]:
        script = "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.alt)"
        return self.evaluate(script)

    def too_wide(self) -> bool:
        return self.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")

    def screenshot(self, path: Path) -> None:
        """The whole page, top to bottom, as a PNG."""
        self.call("Emulation.clearDeviceMetricsOverride", self.session)
        height = self.evaluate("Math.ceil(document.documentElement.scrollHeight)")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            self.session,
            width=WIDTH,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        data = self.call("Page.captureScreenshot", self.session, format="png", captureBeyondViewport=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (EOFError, TimeoutError, RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._read)
        os.close(self._write)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it")
    chromium = Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


pytestmark = pytest.mark.slow


def test_the_checks_catch_a_broken_image_and_a_console_error(browser, tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(BROKEN_PAGE, encoding="utf-8")
    browser.open(page.as_uri())
    assert browser.broken_images() == ["cut short"]
    assert any("something went wrong" in problem for problem in browser.problems())


def test_report_pages_render_cleanly(browser, tmp_path):
    from test_reports import make_reports

    out, written = make_reports(tmp_path)
    pages = [path for path in written if path.suffix == ".html"]
    assert len(pages) == 5
    for page in pages:
        browser.open(page.as_uri())
        assert browser.problems() == [], page.name
        assert browser.broken_images() == [], page.name
        assert not browser.too_wide(), page.name
        images = browser.evaluate("document.images.length")
        assert images == {"ann.html": 4, "dashboard.html": 3}.get(page.name, 0), page.name
    browser.open((out / "dashboard.html").as_uri())
    links = browser.evaluate("Array.from(document.links).map(a => a.href)")
    assert links and all(Path(link.removeprefix("file://")).is_file() for link in links)


def take_screenshots(reports: Path, target: Path, student: str) -> None:
    """For the README: the dashboard and one student's page from ``reports``, and a page with pictures
    drawn from the synthetic recorded data of ``test_reports`` (no exercise records any yet)."""
    from PIL import Image
    from test_reports import make_reports

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        synthetic, _ = make_reports(Path(folder) / "synthetic")
        pages = {
            "dashboard.png": reports / "dashboard.html",
            "feedback.png": reports / "feedback" / f"{student}.html",
            "feedback-pictures.png": synthetic / "feedback" / "ann.html",
        }
        chromium = Chromium(CHROMIUM or "chromium", Path(folder) / "profile")
        try:
            for name, page in pages.items():
                chromium.open(page.resolve().as_uri())
                assert not chromium.problems() and not chromium.broken_images(), page
                chromium.screenshot(target / name)
                with Image.open(target / name) as image:
                    image.convert("RGB").quantize(colors=128).save(target / name, optimize=True)
        finally:
            chromium.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the kit, for test_reports' imports
    take_screenshots(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
