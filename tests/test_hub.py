"""The school server of deploy/ runs a class: isolated learners, lessons pulled, no network.

Starts JupyterHub on loopback from deploy/jupyterhub_config.py (with the test authenticator and
temporary folders of tests/fixtures/hub/jupyterhub_test_config.py on top), creates learners
through the hub's REST API (the hub creates their system users), starts their servers, pulls
the lessons with nbgitpuller from a ``file://`` clone of this repository whose name ends in
``.git``, runs lesson 00 in each learner's kernel through the server's kernel websocket, and
checks: no cell fails; a learner's kernel cannot read another's home or drop-folder export;
the teachers' group can; an audit hook (tests/fixtures/hub/sitecustomize.py) in the hub, the
servers and the kernels saw no network use but loopback, and does see a deliberate lookup.

The Zero to JupyterHub values (deploy/z2jh/values.yaml) are checked against the chart's published
values schema, merged onto the chart's defaults as Helm merges them (tests/fixtures/z2jh/).

The hub test needs root (it creates and deletes system users named ``osmtest-<random>-<n>``), useradd, git,
and configurable-http-proxy (``.ci/run`` installs it into .ci/node). Skipped when one is
missing, except under CI or OSMOSIS_REQUIRE_HUB: then it fails.
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
from pathlib import Path
from urllib.parse import urlencode

import jsonschema
import pytest
import yaml

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "hub"
PROXY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
LEARNERS = 3
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


@pytest.fixture
def hub():
    """A running hub from deploy/jupyterhub_config.py; everything it made is removed after."""
    reason = unavailable_reason()
    if reason:
        if hub_required():
            pytest.fail(f"the school-server test cannot run: {reason} (CI or OSMOSIS_REQUIRE_HUB)")
        pytest.skip(reason)
    prefix = f"osmtest-{secrets.token_hex(3)}-"
    work = Path(tempfile.mkdtemp(prefix="osmosis-hub-"))
    work.chmod(0o755)  # learners must reach the clone, the audit folder and sitecustomize
    for folder in ("audit", "audit/active", "audit/events", "control/active", "control/events"):
        (work / folder).mkdir(parents=True, exist_ok=True)
        (work / folder).chmod(0o1777)
    (work / "state").mkdir(mode=0o700)
    clone = work / "osmosis-ethics-lab.git"  # a `.git` name, as a hosted repository's URL has
    git = ["git", "-c", "safe.directory=*"]
    subprocess.run([*git, "init", "-q", "--bare", str(clone)], check=True)
    subprocess.run(
        [*git, "-C", str(ROOT), "push", "-q", str(clone), "HEAD:refs/heads/main"], check=True
    )
    subprocess.run([*git, "-C", str(clone), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    subprocess.run(["chmod", "-R", "a+rX", str(clone)], check=True)
    gitconfig = work / "gitconfig"
    gitconfig.write_text(f"[safe]\n\tdirectory = {clone}\n", encoding="utf-8")
    gitconfig.chmod(0o644)

    ports = free_ports(3)
    token = secrets.token_hex(24)
    env = {
        **os.environ,
        "PYTHONPATH": str(FIXTURES),  # sitecustomize.py: the audit hook, in every process
        "OSMOSIS_AUDIT_DIR": str(work / "audit"),
        "OSMOSIS_TEST_PORTS": ",".join(map(str, ports)),
        "OSMOSIS_TEST_TOKEN": token,
        "OSMOSIS_TEST_PROXY": proxy_command(),
        "OSMOSIS_TEST_GITCONFIG": str(gitconfig),
        "OSMOSIS_HUB_STATE": str(work / "state"),
        "OSMOSIS_DROP_ROOT": str(work / "drop"),
        "OSMOSIS_TEACHER_GROUP": f"{prefix}teachers",
    }
    env.pop("OSMOSIS_DATA_DIR", None)  # the shipped configuration must set it
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
    info = {
        "url": f"http://127.0.0.1:{ports[0]}",
        "token": token,
        "work": work,
        "env": env,
        "prefix": prefix,
        "names": [f"{prefix}{n}" for n in range(LEARNERS)],
        "repo": f"file://{clone}",
        "teachers": env["OSMOSIS_TEACHER_GROUP"],
        "process": process,
    }
    try:
        yield info
    finally:
        process.send_signal(signal.SIGINT)  # the hub stops the servers and the proxy it started
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        proxy_pid = work / "state" / "jupyterhub-proxy.pid"
        with contextlib.suppress(OSError, KeyError):
            os.kill(int(proxy_pid.read_text()), signal.SIGKILL)
        log.close()
        remove_system_users(prefix, info["teachers"])
        sys.stdout.write((work / "hub.log").read_text(errors="replace")[-4000:])
        shutil.rmtree(work, ignore_errors=True)


# -- talking to the hub and to a learner's kernel ----------------------------------------------


async def call(hub, method: str, path: str, body=None, timeout: float = 120):
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    request = HTTPRequest(
        hub["url"] + path,
        method=method,
        headers={"Authorization": f"token {hub['token']}"},
        body=None if body is None and method == "GET" else json.dumps(body or {}),
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


TRY_TO_READ = """
import json, os
def attempt(action, path):
    try:
        action(path)
        return "allowed"
    except PermissionError:
        return "PermissionError"
print(json.dumps({{
    "home": attempt(os.listdir, {home!r}),
    "lesson": attempt(lambda p: open(p).read(), {lesson!r}),
    "export": attempt(lambda p: open(p).read(), {export!r}),
    "drop folder": attempt(os.listdir, {drop!r}),
    "drop root": attempt(os.listdir, {root!r}),
}}))
"""


def audit_files(hub, run: str, kind: str) -> dict[str, str]:
    folder = hub["work"] / run / kind
    return {path.name: path.read_text(errors="replace") for path in sorted(folder.iterdir())}


# -- the test -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_class_of_isolated_learners_runs_lesson_00_offline(hub):
    started = time.monotonic()
    asyncio.run(class_session(hub))
    assert time.monotonic() - started < 240, "far slower than the ~90 s budget"


async def class_session(hub):
    names = hub["names"]
    control_hook_works(hub)
    await hub_ready(hub)
    await call(hub, "POST", "/hub/api/users", {"usernames": names})
    for name in names:  # the hub created each learner's system user, home 0700
        home = Path(pwd.getpwnam(name).pw_dir)
        assert home.stat().st_mode & 0o777 == 0o700, f"{home}: {oct(home.stat().st_mode)}"

    await asyncio.gather(*(start_server(hub, name) for name in names))
    await asyncio.gather(*(pull_lessons(hub, name) for name in names))
    kernels = await asyncio.gather(*(run_lesson(hub, name) for name in names))
    try:
        await isolated_and_offline(hub, kernels)
    finally:
        for kernel in kernels:
            kernel.ws.close()


async def isolated_and_offline(hub, kernels: list[Kernel]) -> None:
    """Exports in the drop folder; no learner reads another's files; no network but loopback."""
    names, work = hub["names"], hub["work"]
    for name in names:  # the lab's news feed: empty, and fetched from nowhere (audit below)
        assert await call(hub, "GET", f"/user/{name}/lab/api/news") == {"news": []}

    # each learner hands in an export, where the shipped configuration says
    exports = {}
    for kernel in kernels:
        code = (
            "import os, pathlib\n"
            "export = pathlib.Path(os.environ['OSMOSIS_DROP_DIR']) / 'my_work.md'\n"
            "export.write_text('# My work\\n', encoding='utf-8')\n"
            "print(export, os.environ['OSMOSIS_DATA_DIR'])"
        )
        reply, printed = await kernel.run(code)
        assert reply["status"] == "ok", reply
        export, data_dir = printed.split()
        assert Path(data_dir) == ROOT / "data"
        exports[kernel.name] = Path(export)
        assert exports[kernel.name].parent == work / "drop" / kernel.name

    # each learner's kernel tries to read the next learner's files
    for kernel, other in zip(kernels, names[1:] + names[:1], strict=True):
        home = pwd.getpwnam(other).pw_dir
        code = TRY_TO_READ.format(
            home=home, lesson=f"{home}/{LESSON}", export=str(exports[other]),
            drop=str(exports[other].parent), root=str(work / "drop"),
        )  # fmt: skip
        reply, printed = await kernel.run(code)
        assert reply["status"] == "ok", reply
        verdicts = json.loads(printed)
        assert set(verdicts.values()) == {"PermissionError"}, (
            f"{kernel.name} reads {other}: {verdicts}"
        )

    teacher_reads_exports_others_do_not(hub, exports)

    activity = audit_files(hub, "audit", "active")
    commands = " | ".join(activity.values())
    assert "jupyterhub -f" in commands, commands  # the hub
    assert commands.count("jupyterhub-singleuser") >= len(names), commands  # each server
    assert commands.count("ipykernel_launcher") >= len(names), commands  # each kernel
    assert "jupyterhub_idle_culler" in commands, commands  # the culler, a hub service
    network = audit_files(hub, "audit", "events")
    assert network == {}, f"network use beyond loopback: {network}"

    # control: a deliberate lookup in a learner's kernel is recorded
    reply, _ = await kernels[0].run(
        "import socket\n"
        "try:\n    socket.getaddrinfo('osmosis-audit-canary.invalid', 443)\n"
        "except OSError:\n    pass"
    )
    assert reply["status"] == "ok", reply
    assert "osmosis-audit-canary.invalid" in " ".join(audit_files(hub, "audit", "events").values())


def control_hook_works(hub) -> None:
    """The audit hook records a lookup and a connect, and not loopback, in a fresh Python."""
    env = {**hub["env"], "OSMOSIS_AUDIT_DIR": str(hub["work"] / "control")}
    code = (
        "import socket\n"
        "socket.getaddrinfo('localhost', 80)\n"
        "try:\n    socket.getaddrinfo('osmosis-control.invalid', 80)\nexcept OSError:\n    pass\n"
        "s = socket.socket(); s.settimeout(0.05)\n"
        "try:\n    s.connect(('192.0.2.1', 9))\nexcept OSError:\n    pass\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    (events,) = audit_files(hub, "control", "events").values()
    assert "osmosis-control.invalid" in events and "192.0.2.1" in events, events
    assert "getaddrinfo 'localhost'" not in events, events


def teacher_reads_exports_others_do_not(hub, exports: dict[str, Path]) -> None:
    """A member of the teachers' group reads every export; a user outside it reads none."""
    teachers = grp.getgrnam(hub["teachers"]).gr_gid
    nobody = pwd.getpwnam("nobody")
    for export in exports.values():
        as_teacher = subprocess.run(
            ["cat", str(export)], user=nobody.pw_uid, group=nobody.pw_gid,
            extra_groups=[teachers], capture_output=True, text=True,
        )  # fmt: skip
        assert as_teacher.stdout == "# My work\n", as_teacher.stderr
        as_other = subprocess.run(
            ["cat", str(export)], user=nobody.pw_uid, group=nobody.pw_gid, extra_groups=[],
            capture_output=True, text=True,
        )  # fmt: skip
        assert as_other.returncode != 0 and "Permission denied" in as_other.stderr


# -- the shipped configuration, read without starting anything (also in `make test-fast`) --------


@pytest.fixture
def shipped_config(monkeypatch):
    """deploy/jupyterhub_config.py as JupyterHub loads it, with none of its variables set."""
    from traitlets.config.loader import PyFileConfigLoader

    for name in ("OSMOSIS_DATA_DIR", "OSMOSIS_HUB_SSL_CERT", "OSMOSIS_HUB_SSL_KEY"):
        monkeypatch.delenv(name, raising=False)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(ROOT / "deploy")).load_config()


def test_the_shipped_hub_creates_private_system_users_and_never_the_test_authenticator(
    shipped_config,
):
    config = shipped_config
    assert "dummy" not in str(config.JupyterHub.authenticator_class).lower()
    assert config.LocalAuthenticator.create_system_users is True
    assert "HOME_MODE=0700" in config.LocalAuthenticator.add_user_cmd
    assert config.JupyterHub.spawner_class == "localprocess"  # one uid per learner
    assert config.JupyterHub.bind_url.startswith(("http://127.0.0.1:", "https://"))


def test_the_shipped_hub_uses_the_one_settings_file_and_finds_the_data(shipped_config):
    environment = shipped_config.Spawner.environment
    assert Path(environment["JUPYTER_CONFIG_PATH"]) / "jupyter_server_config.json" == (
        ROOT / "deploy" / "jupyter_server_config.json"
    )
    assert Path(environment["OSMOSIS_DATA_DIR"]) == ROOT / "data"


def test_the_shipped_hub_culls_idle_servers_after_at_least_a_lesson(shipped_config):
    (culler,) = [s for s in shipped_config.JupyterHub.services if s["name"] == "idle-culler"]
    (timeout,) = [arg for arg in culler["command"] if arg.startswith("--timeout=")]
    assert int(timeout.removeprefix("--timeout=")) >= LESSON_SECONDS
    assert not any(arg.startswith("--cull-users") for arg in culler["command"])


# -- Zero to JupyterHub values (not run on a cluster: checked against the chart's schema) -------

Z2JH = ROOT / "tests" / "fixtures" / "z2jh"
VALUES = yaml.safe_load((ROOT / "deploy" / "z2jh" / "values.yaml").read_text(encoding="utf-8"))
#: measured: one learner's server and kernel with all six lessons open (deploy/README.md)
ALL_LESSONS_BYTES = 0.84 * 2**30
LESSON_SECONDS = 55 * 60


def helm_merge(defaults: dict, values: dict) -> dict:
    """``values`` over ``defaults`` as Helm merges them: maps key by key, ``null`` deletes."""
    merged = dict(defaults)
    for key, value in values.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def z2jh_errors(values: dict) -> list[str]:
    schema = json.loads((Z2JH / "values.schema.json").read_text(encoding="utf-8"))
    defaults = yaml.safe_load((Z2JH / "chart-values.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [
        f"{list(e.absolute_path)}: {e.message}"
        for e in validator.iter_errors(helm_merge(defaults, values))
    ]


def quantity(text) -> float:
    """A Kubernetes memory quantity ("1G", "1.5G", "1Gi", bytes) in bytes."""
    units = {"K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    for suffix in sorted(units, key=len, reverse=True):
        if str(text).endswith(suffix):
            return float(str(text)[: -len(suffix)]) * units[suffix]
    return float(text)


def test_z2jh_values_validate_against_the_charts_schema():
    assert z2jh_errors(VALUES) == []


def test_z2jh_schema_rejects_a_misspelt_or_mistyped_value():
    misspelt = helm_merge(VALUES, {"singleuser": {"memory": {"limt": "1.5G"}}})
    mistyped = helm_merge(VALUES, {"cull": {"timeout": "90 minutes"}})
    assert any("limt" in error for error in z2jh_errors(misspelt))
    assert any("timeout" in error for error in z2jh_errors(mistyped))


def test_z2jh_gives_each_learner_the_memory_all_six_lessons_took():
    memory = VALUES["singleuser"]["memory"]
    assert quantity(memory["guarantee"]) >= ALL_LESSONS_BYTES
    assert quantity(memory["limit"]) > quantity(memory["guarantee"])


def test_z2jh_culls_idle_servers_after_at_least_a_lesson_and_users_are_kept():
    cull = VALUES["cull"]
    assert cull["enabled"] and cull["users"] is False
    assert cull["timeout"] >= LESSON_SECONDS


def test_z2jh_authenticator_is_never_the_test_one():
    assert VALUES["hub"]["config"]["JupyterHub"]["authenticator_class"] != "dummy"
