"""Start the school server of deploy/ on loopback, with learners, for tests and benchmarks.

Shared by tests/test_hub.py (a class of isolated learners runs lesson 00, offline) and
benchmarks/bench_class.py (a class runs lesson 00 at once: memory, time to first cell). The hub
is deploy/jupyterhub_config.py with the test authenticator and temporary folders of
tests/fixtures/hub/jupyterhub_test_config.py on top; learners are system users the hub creates,
named ``<prefix><n>``, all removed (with their processes, homes and the teachers' group) when
:func:`running_hub` exits, whatever happened. Every address is 127.0.0.1.
"""

import asyncio
import contextlib
import grp
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]

FIXTURES = ROOT / "tests" / "fixtures" / "hub"
PROXY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
LESSON = "osmosis-ethics-lab/lessons/00_start_here.ipynb"
_FALSE_WORDS = {"", "0", "false", "no", "off"}


def hub_required() -> bool:
    """True when a hub that cannot run must fail the run (as tests/browser does for browsers)."""
    return any(
        os.environ.get(name, "").strip().lower() not in _FALSE_WORDS
        for name in ("CI", "OSMOSIS_REQUIRE_HUB")
    )


def proxy_command() -> str | None:
    return str(PROXY) if PROXY.exists() else shutil.which("configurable-http-proxy")


def unavailable_reason() -> str | None:
    """Why the hub cannot be started here, or None."""
    if os.geteuid() != 0:
        return "needs root: the hub creates system users and starts servers as them"
    for tool in ("useradd", "userdel", "groupdel", "git", "node"):
        if shutil.which(tool) is None:
            return f"no `{tool}` on PATH"
    if proxy_command() is None:
        return "no configurable-http-proxy (npm ci --prefix .ci/node, as .ci/run does)"
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    if node.returncode or int(node.stdout.strip().lstrip("v").split(".")[0]) < 20:
        return f"configurable-http-proxy 5.3 needs Node.js 20 or newer, not {node.stdout.strip()!r}"
    for module in ("jupyterhub", "nbgitpuller", "jupyterhub_idle_culler"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (pip install -e '.[hub]')"
    # learners run this Python (and the one its venv points to) and read data/
    for path in (Path(sys.executable), Path(sys.executable).resolve(), ROOT / "data"):
        for folder in [path, *path.parents]:
            if folder.exists() and not os.stat(folder).st_mode & 0o001:
                return (
                    f"{folder} is not searchable by other users, and learners' servers run "
                    f"{path}: make the venv from a Python they can run (e.g. /usr/bin/python3.11)"
                )
    return None


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


# -- the hub, its learners, and their removal ---------------------------------------------------


def remove_system_users(prefix: str, teacher_group: str) -> None:
    """Stop every process of the test's users, then delete them, their homes and the group."""
    users = [entry for entry in pwd.getpwall() if entry.pw_name.startswith(prefix)]
    uids = {entry.pw_uid for entry in users}
    for _attempt in range(20):
        alive = [pid for pid in os.listdir("/proc") if pid.isdigit() and _owner(pid) in uids]
        if not alive:
            break
        for pid in alive:
            with contextlib.suppress(OSError, KeyError):
                os.kill(int(pid), signal.SIGKILL)
        time.sleep(0.1)
    for entry in users:
        subprocess.run(["userdel", "--remove", entry.pw_name], capture_output=True)
    with contextlib.suppress(OSError, KeyError):
        grp.getgrnam(teacher_group)
        subprocess.run(["groupdel", teacher_group], capture_output=True)


def _owner(pid: str) -> int | None:
    with contextlib.suppress(OSError, KeyError):
        return os.stat(f"/proc/{pid}").st_uid
    return None


@contextlib.contextmanager
def running_hub(
    learners: int,
    *,
    prefix: str = "osmtest",
    tree: Path = ROOT,
    package: Path | None = None,
    data: Path | None = None,
    show_log: bool = True,
) -> Iterator[dict]:
    """A running hub whose learners pull ``tree``'s checked-out commit; removed on exit.

    ``package``: a folder put first on the learners' PYTHONPATH, so their kernels import
    ``osmosis_lab`` from it rather than from the installed one (the benchmark serves another
    commit's package this way). ``data``: the OSMOSIS_DATA_DIR learners get (default: the
    shipped configuration's, this repository's data/). ``show_log``: print the end of the
    hub's log on exit (it is printed on an error either way).
    """
    prefix = f"{prefix}-{secrets.token_hex(3)}-"
    work = Path(tempfile.mkdtemp(prefix="osmosis-hub-"))
    work.chmod(0o755)  # learners must reach the clone, the audit folder and sitecustomize
    teachers = f"{prefix}teachers"
    process = log = None
    failed = True
    try:
        for folder in ("audit", "audit/active", "audit/events", "control/active", "control/events"):
            (work / folder).mkdir(parents=True, exist_ok=True)
            (work / folder).chmod(0o1777)
        (work / "state").mkdir(mode=0o700)
        clone = work / "osmosis-ethics-lab.git"  # a `.git` name, as a hosted repository's URL has
        git = ["git", "-c", "safe.directory=*"]
        subprocess.run([*git, "init", "-q", "--bare", str(clone)], check=True)
        subprocess.run(
            [*git, "-C", str(tree), "push", "-q", str(clone), "HEAD:refs/heads/main"], check=True
        )
        subprocess.run(
            [*git, "-C", str(clone), "symbolic-ref", "HEAD", "refs/heads/main"], check=True
        )
        subprocess.run(["chmod", "-R", "a+rX", str(clone)], check=True)
        gitconfig = work / "gitconfig"
        gitconfig.write_text(f"[safe]\n\tdirectory = {clone}\n", encoding="utf-8")
        gitconfig.chmod(0o644)

        ports = free_ports(3)
        token = secrets.token_hex(24)
        python_path = [str(package)] if package else []
        env = {
            **os.environ,
            # sitecustomize.py: the audit hook, in every process
            "PYTHONPATH": os.pathsep.join([*python_path, str(FIXTURES)]),
            "OSMOSIS_AUDIT_DIR": str(work / "audit"),
            "OSMOSIS_TEST_PORTS": ",".join(map(str, ports)),
            "OSMOSIS_TEST_TOKEN": token,
            "OSMOSIS_TEST_PROXY": proxy_command(),
            "OSMOSIS_TEST_GITCONFIG": str(gitconfig),
            "OSMOSIS_HUB_STATE": str(work / "state"),
            "OSMOSIS_DROP_ROOT": str(work / "drop"),
            "OSMOSIS_TEACHER_GROUP": teachers,
        }
        env.pop("OSMOSIS_DATA_DIR", None)  # the shipped configuration must set it
        if data is not None:
            env["OSMOSIS_DATA_DIR"] = str(data)
        command = [
            sys.executable,
            "-m",
            "jupyterhub",
            "-f",
            str(FIXTURES / "jupyterhub_test_config.py"),
        ]
        log = open(work / "hub.log", "wb")  # noqa: SIM115 (closed in finally)
        process = subprocess.Popen(
            command, cwd=work / "state", env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        yield {
            "url": f"http://127.0.0.1:{ports[0]}",
            "token": token,
            "work": work,
            "env": env,
            "prefix": prefix,
            "names": [f"{prefix}{n}" for n in range(learners)],
            "repo": f"file://{clone}",
            "teachers": teachers,
            "process": process,
        }
        failed = False
    finally:
        if process is not None:
            process.send_signal(signal.SIGINT)  # the hub stops the servers and the proxy it started
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a busy machine: stop it, and reap it (an unreaped
                os.killpg(process.pid, signal.SIGKILL)  # Popen warns later, in another test)
                process.wait()
        proxy_pid = work / "state" / "jupyterhub-proxy.pid"
        with contextlib.suppress(OSError, KeyError, ValueError):
            os.kill(int(proxy_pid.read_text()), signal.SIGKILL)
        if log is not None:
            log.close()
        remove_system_users(prefix, teachers)
        if (show_log or failed) and (work / "hub.log").exists():
            sys.stdout.write((work / "hub.log").read_text(errors="replace")[-4000:])
        shutil.rmtree(work, ignore_errors=True)


# -- talking to the hub and to a learner's kernel ----------------------------------------------


async def call(hub, method: str, path: str, body=None, timeout: float = 120):
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    request = HTTPRequest(
        hub["url"] + path,
        method=method,
        headers={"Authorization": f"token {hub['token']}"},
        body=None if body is None and method in ("GET", "DELETE") else json.dumps(body or {}),
        request_timeout=timeout,
        follow_redirects=False,
    )
    response = await AsyncHTTPClient().fetch(request, raise_error=False)
    if response.code >= 400:
        log = (hub["work"] / "hub.log").read_text(errors="replace")[-3000:]
        raise AssertionError(f"{method} {path}: HTTP {response.code} {response.body!r}\n{log}")
    return json.loads(response.body) if response.body.startswith((b"{", b"[")) else response.body


async def hub_ready(hub) -> None:
    """Wait until the hub answers its API (it has then started the proxy and the culler)."""
    from tornado.httpclient import AsyncHTTPClient

    for _ in range(300):
        if hub["process"].poll() is not None:
            raise AssertionError((hub["work"] / "hub.log").read_text(errors="replace")[-3000:])
        try:
            response = await AsyncHTTPClient().fetch(hub["url"] + "/hub/api/", raise_error=False)
        except OSError:
            response = None
        if response is not None and response.code == 200:
            return
        await asyncio.sleep(0.2)
    raise AssertionError("the hub did not answer within 60 s")


async def start_server(hub, name: str) -> None:
    await call(hub, "POST", f"/hub/api/users/{name}/server")
    for _ in range(600):
        model = await call(hub, "GET", f"/hub/api/users/{name}")
        if model["servers"].get("", {}).get("ready"):
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"{name}'s server did not become ready")


async def pull_lessons(hub, name: str) -> None:
    """nbgitpuller's link, then the pull the link's page starts, as a browser would."""
    query = {
        "repo": hub["repo"],
        "branch": "main",
        "targetpath": "osmosis-ethics-lab",
        "urlpath": f"lab/tree/{LESSON}",
    }
    page = await call(hub, "GET", f"/user/{name}/git-pull?{urlencode(query)}")
    assert b"osmosis-ethics-lab" in page
    query.pop("urlpath")
    stream = await call(hub, "GET", f"/user/{name}/git-pull/api?{urlencode(query)}")
    events = [json.loads(line[6:]) for line in stream.decode().splitlines() if line[:6] == "data: "]
    assert events and events[-1]["phase"] == "finished", events


class Kernel:
    """One kernel of a learner's server, driven through the server's kernel websocket."""

    def __init__(self, hub, name: str, kernel_id: str, socket_):
        self.hub, self.name, self.id, self.ws = hub, name, kernel_id, socket_
        self.session = uuid.uuid4().hex

    @classmethod
    async def start(cls, hub, name: str, notebook: str) -> "Kernel":
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        body = {"path": notebook, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        model = await call(hub, "POST", f"/user/{name}/api/sessions", body)
        kernel_id = model["kernel"]["id"]
        url = hub["url"].replace("http", "ws", 1) + f"/user/{name}/api/kernels/{kernel_id}/channels"
        request = HTTPRequest(url, headers={"Authorization": f"token {hub['token']}"})
        return cls(hub, name, kernel_id, await websocket_connect(request))

    async def run(self, code: str, *, timeout: float = 240) -> tuple[dict, str]:
        """Execute ``code``; return (execute_reply content, everything printed on stdout)."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "session": self.session,
                  "username": self.name, "version": "5.3", "date": ""}  # fmt: skip
        content = {"code": code, "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}  # fmt: skip
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content,
                   "channel": "shell", "buffers": []}  # fmt: skip
        await self.ws.write_message(json.dumps(message))
        stdout, reply, idle = [], None, False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            raw = await asyncio.wait_for(self.ws.read_message(), deadline - time.monotonic())
            assert raw is not None, f"{self.name}'s kernel websocket closed"
            incoming = json.loads(raw)
            if incoming.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = incoming["msg_type"]
            if kind == "execute_reply":
                reply = incoming["content"]
            elif kind == "stream" and incoming["content"]["name"] == "stdout":
                stdout.append(incoming["content"]["text"])
            elif kind == "status" and incoming["content"]["execution_state"] == "idle":
                idle = True
        return reply, "".join(stdout)


async def run_lesson(hub, name: str) -> Kernel:
    """Every code cell of the learner's pulled lesson 00, in order; the kernel, still running."""
    home = Path(pwd.getpwnam(name).pw_dir)
    notebook = json.loads((home / LESSON).read_text(encoding="utf-8"))
    kernel = await Kernel.start(hub, name, LESSON)
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        reply, _ = await kernel.run("".join(cell["source"]))
        expected = "raises-exception" in cell["metadata"].get("tags", [])
        assert reply["status"] == "ok" or expected, (
            f"{name}: lesson 00 cell {index}: {reply.get('ename')}: {reply.get('evalue')}"
        )
    return kernel
