"""A headless Chromium driven over the DevTools protocol, for the HTML report's tests.

Debian's ``chromium`` package (``apt-get install chromium``; ``.ci/run`` installs it when
it runs as root) and the ``websocket-client`` package are needed; without either, the
browser tests skip and say which is missing. Screenshots go to ``tests/artifacts/``,
which ignores itself in git.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from base64 import b64decode
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-allow-origins=*",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
)


def chromium_path() -> str | None:
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


class Page:
    """One browser tab: navigate, evaluate, hover, screenshot, and what happened meanwhile."""

    def __init__(self, socket: Any) -> None:
        self._socket = socket
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    # -- protocol ----------------------------------------------------------------------------
    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        call_id = self._next_id
        self._socket.settimeout(60)
        self._socket.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            return
        self.events.append(message)
        if message["method"] == "Page.javascriptDialogOpening":
            # a dialog would block the page; dismiss it and keep it on record
            self._next_id += 1
            self._socket.send(
                json.dumps(
                    {
                        "id": self._next_id,
                        "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": False},
                    }
                )
            )

    def wait_for(self, method: str, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < deadline:
            for message in self.events[seen:]:
                if message["method"] == method:
                    return message
            seen = len(self.events)
            self._socket.settimeout(max(0.1, deadline - time.monotonic()))
            message = json.loads(self._socket.recv())
            if "id" not in message:
                self._event(message)
        raise TimeoutError(f"no {method} within {timeout} s")

    # -- actions -----------------------------------------------------------------------------
    def open(self, url: str) -> None:
        for domain in ("Page", "Runtime", "Log", "Network", "Debugger"):
            self.send(f"{domain}.enable")
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        # two animation frames and a macrotask: whatever the page starts on load has
        # started (and any request it makes has been sent) before the checks look
        self.evaluate(
            "new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
            "() => setTimeout(r, 50))))",
            await_promise=True,
        )

    def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page error: {result['exceptionDetails']}")
        return result["result"].get("value")

    def hover(self, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def screenshot(self, path: Path) -> Path:
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        shot = self.send(
            "Page.captureScreenshot",
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b64decode(shot["data"]))
        return path

    # -- what happened -------------------------------------------------------------------------
    def of(self, method: str) -> list[dict[str, Any]]:
        return [m["params"] for m in self.events if m["method"] == method]

    def console_errors(self) -> list[str]:
        errors = [
            " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
            for p in self.of("Runtime.consoleAPICalled")
            if p["type"] in ("error", "assert")
        ]
        thrown = self.of("Runtime.exceptionThrown")
        errors += [p["exceptionDetails"].get("text", "") for p in thrown]
        logged = self.of("Log.entryAdded")
        errors += [p["entry"]["text"] for p in logged if p["entry"]["level"] == "error"]
        return errors

    def requests(self) -> list[str]:
        return [p["request"]["url"] for p in self.of("Network.requestWillBeSent")]

    def scripts(self) -> list[dict[str, Any]]:
        return self.of("Debugger.scriptParsed")

    def dialogs(self) -> list[str]:
        return [p.get("message", "") for p in self.of("Page.javascriptDialogOpening")]


class Chromium:
    """A headless Chromium with a fresh profile, stopped when the fixture ends."""

    def __init__(self, executable: str) -> None:
        websocket = pytest.importorskip(
            "websocket", reason="the browser tests need websocket-client (pip install it)"
        )
        self._profile = tempfile.mkdtemp(prefix="pressline-chromium-")
        self._process = subprocess.Popen(
            [executable, *_FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = websocket.create_connection(
            self._page_target(self._port()), timeout=60, suppress_origin=True
        )
        self.page = Page(socket)

    def _port(self) -> int:
        marker = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"chromium exited with code {self._process.returncode}")
            if marker.exists():
                first = marker.read_text().split("\n", 1)[0].strip()
                if first.isdigit():
                    return int(first)
            time.sleep(0.05)
        raise TimeoutError("chromium did not open its DevTools port within 60 s")

    def _page_target(self, port: int) -> str:
        """The DevTools address of the browser's first tab, once it has one."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as reply:
                pages = [t for t in json.load(reply) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.05)
        raise TimeoutError("chromium opened no tab within 60 s")

    def close(self) -> None:
        try:
            self.page._socket.close()
        finally:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            shutil.rmtree(self._profile, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Chromium]:
    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    browser = Chromium(executable)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def page(chromium: Chromium) -> Page:
    chromium.page.events.clear()
    return chromium.page


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``tests/artifacts/``: screenshots to look at after a run; never committed."""
    ARTIFACTS.mkdir(exist_ok=True)
    ignore = ARTIFACTS / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# test artifacts (screenshots); never committed\n*\n", encoding="utf-8")
    return ARTIFACTS
