"""Fixtures for the browser tests: a private JupyterLab server and a headless Chromium page.

Everything the server and the browser write (settings, kernels' runtime files, the learner's
progress file, IPython's history) goes into pytest's temporary directory, and every process
started here is stopped when the test ends, passed or failed.

Without /usr/bin/chromium or the playwright package the browser tests are skipped, so a
learner's ``make test`` does not need a browser. CI sets TRUSTLAB_REQUIRE_BROWSER=1, which
turns that skip into a failure.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
NOTEBOOKS = HERE / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_SECONDS = 60

# The notebooks here are opened by the browser tests; nbval must not run them on its own.
collect_ignore_glob = ["notebooks/*"]


def pytest_runtest_makereport(item, call):
    """Remember each phase's outcome on the test item, so a fixture can tell a failure."""
    if call.when == "call":
        item.trustlab_failed = call.excinfo is not None and not call.excinfo.errisinstance(
            pytest.skip.Exception)


TIMINGS = pytest.StashKey[list]()


@pytest.fixture
def check_timings(request) -> list:
    """(label, milliseconds) pairs from Check to feedback, printed at the end of the run."""
    return request.config.stash.setdefault(TIMINGS, [])


def pytest_terminal_summary(terminalreporter, config):
    """Print the Check-to-feedback delays: figures to read, not limits to assert."""
    timings = config.stash.get(TIMINGS, [])
    if timings:
        terminalreporter.section("browser timings")
        for label, milliseconds in timings:
            terminalreporter.write_line(f"Check to feedback in the browser ({label}): {milliseconds:.0f} ms")


def _missing_browser_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing (Debian: apt-get install chromium)"
    for package, extra in (("playwright", "dev"), ("jupyterlab", "lab"), ("ipywidgets", "lab")):
        if importlib.util.find_spec(package) is None:
            return f"the {package} package is missing (pip install -e '.[{extra}]')"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    """Skip (or, with TRUSTLAB_REQUIRE_BROWSER=1 as in CI, fail) when there is no browser."""
    reason = _missing_browser_reason()
    if reason is None:
        return
    if os.environ.get("TRUSTLAB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"TRUSTLAB_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(f"the browser test cannot run here: {reason}")


@dataclass
class Lab:
    """A running JupyterLab server: where it listens and where its files are."""

    port: int
    token: str
    notebook_dir: Path
    progress: Path
    home: Path
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        return f"{self.base_url}/lab/tree/{name}?token={self.token}"

    def api(self, path: str, method: str = "GET"):
        """Call the server's REST API and decode the JSON answer (None for an empty one)."""
        request = urllib.request.Request(
            f"{self.base_url}/api/{path}", method=method,
            headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body else None

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _private_environment(root: Path) -> dict[str, str]:
    """The server's environment: a fresh HOME and Jupyter directories, all under `root`."""
    env = dict(os.environ)
    dirs = {
        "HOME": "home",
        "JUPYTER_CONFIG_DIR": "jupyter/config",
        "JUPYTER_DATA_DIR": "jupyter/data",
        "JUPYTER_RUNTIME_DIR": "jupyter/runtime",
        "IPYTHONDIR": "home/.ipython",
        "MPLCONFIGDIR": "home/.matplotlib",
        "XDG_CONFIG_HOME": "home/.config",
        "XDG_CACHE_HOME": "home/.cache",
        "XDG_DATA_HOME": "home/.local/share",
        "XDG_STATE_HOME": "home/.local/state",
    }
    for name, relative in dirs.items():
        path = root / relative
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["TRUSTLAB_PROGRESS"] = str(root / "progress.sqlite3")
    # Extra kernel or config paths from the caller's shell would leak their settings in.
    for name in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTERLAB_SETTINGS_DIR",
                 "JUPYTERLAB_WORKSPACES_DIR", "JUPYTER_TOKEN"):
        env.pop(name, None)
    return env


def _write_lab_settings(config_dir: Path) -> None:
    """User settings for this server: no autosave, no news or update pop-ups over the page."""
    settings = {
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false",
                                                        "checkForUpdates": False},
    }
    for plugin, values in settings.items():
        path = config_dir / "lab" / "user-settings" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _children(pid: int) -> list[int]:
    """The ids of every process below `pid` (Linux /proc; empty elsewhere)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            # The command name in field 2 may hold spaces; the parent id follows its ")".
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent:
                found.append(child)
                frontier.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is dead but not yet reaped
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _stop(server: subprocess.Popen, lab: Lab | None) -> None:
    """Stop the server and its kernels: politely first, then by force, each by its id.

    The server runs in its own process group. Kernels are started in process groups of their
    own, so they are shut down through the API and then looked up as the server's children.
    """
    if lab is not None and server.poll() is None:
        try:
            for kernel in lab.api("kernels"):
                lab.api(f"kernels/{kernel['id']}", method="DELETE")
        except (OSError, urllib.error.URLError, ValueError):
            pass
    leftovers = _children(server.pid) if server.poll() is None else []
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    else:
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    for pid in leftovers:
        if _alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class ServerExited(RuntimeError):
    """JupyterLab stopped before it answered (most often: its port was taken meanwhile)."""


def _start(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen, Lab]:
    """Start JupyterLab on a free loopback port; return once it answers."""
    lab = Lab(port=_free_port(), token=uuid.uuid4().hex, notebook_dir=root / "notebooks",
              progress=Path(env["TRUSTLAB_PROGRESS"]), home=Path(env["HOME"]),
              log=root / f"jupyterlab-{uuid.uuid4().hex[:6]}.log")
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={lab.port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={lab.token}",
        f"--ServerApp.root_dir={lab.notebook_dir}",
        "--LabApp.news_url=None",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    with open(lab.log, "wb") as log:
        server = subprocess.Popen(command, cwd=lab.notebook_dir, env=env, stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            _stop(server, None)
            raise ServerExited(f"JupyterLab stopped at start (exit {server.returncode}); its log ends:\n"
                               f"{lab.log_tail()}")
        try:
            lab.api("status")
            return server, lab
        except (OSError, urllib.error.URLError):
            time.sleep(0.2)
    _stop(server, None)
    raise RuntimeError(f"JupyterLab did not answer on port {lab.port} within {SERVER_START_SECONDS} s; "
                       f"its log ends:\n{lab.log_tail()}")


@pytest.fixture
def lab(browser_available, tmp_path: Path):
    """A JupyterLab server on a free 127.0.0.1 port, serving a copy of tests/browser/notebooks."""
    root = tmp_path / "lab"
    shutil.copytree(NOTEBOOKS, root / "notebooks")
    env = _private_environment(root)
    _write_lab_settings(Path(env["JUPYTER_CONFIG_DIR"]))
    # The free port is found before the server binds it, so another process may take it
    # first: the server then stops at once, and a second or third port is tried.
    for attempt in range(3):
        try:
            server, running = _start(root, env)
            break
        except ServerExited:
            if attempt == 2:
                raise
    try:
        yield running
    finally:
        _stop(server, running)


@pytest.fixture
def page(request, lab: Lab, tmp_path: Path):
    """A headless Chromium page (a private HOME too); on failure a screenshot lands in tmp_path."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            env={**os.environ, "HOME": str(lab.home),
                 "XDG_CONFIG_HOME": str(lab.home / ".config"),
                 "XDG_CACHE_HOME": str(lab.home / ".cache")})
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            opened = context.new_page()
            yield opened
            if getattr(request.node, "trustlab_failed", False):
                shot = tmp_path / "failure.png"
                opened.screenshot(path=str(shot), full_page=True)
                print(f"screenshot of the failure: {shot}")
                print(f"JupyterLab log ends:\n{lab.log_tail()}")
        finally:
            browser.close()
