"""The school server of deploy/ runs a class: isolated learners, lessons pulled, no network.

Starts JupyterHub on loopback from deploy/jupyterhub_config.py (with the test authenticator and
temporary folders of tests/fixtures/hub/jupyterhub_test_config.py on top), creates learners
through the hub's REST API (the hub creates their system users), starts their servers, pulls
the lessons with nbgitpuller from a ``file://`` clone of this repository whose name ends in
``.git``, runs lesson 00 in each learner's kernel through the server's kernel websocket, and
checks: no cell fails; a learner's kernel cannot read another's home or drop-folder export,
nor overhear what another's kernel prints;
the teachers' group can; an audit hook (tests/fixtures/hub/sitecustomize.py) in the hub, the
servers and the kernels saw no network use but loopback, and does see a deliberate lookup.

The Zero to JupyterHub values (deploy/z2jh/values.yaml) are checked against the chart's published
values schema, merged onto the chart's defaults as Helm merges them (tests/fixtures/z2jh/).

The hub test needs root (it creates and deletes system users named ``osmtest-<random>-<n>``), useradd, git,
and configurable-http-proxy (``.ci/run`` installs it into .ci/node). Skipped when one is
missing, except under CI or OSMOSIS_REQUIRE_HUB: then it fails.
"""

import asyncio
import concurrent.futures
import grp
import json
import pwd
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from hubkit import (
    LESSON,
    Kernel,
    call,
    hub_ready,
    hub_required,
    pull_lessons,
    run_lesson,
    running_hub,
    start_server,
    unavailable_reason,
)

LEARNERS = 3


@pytest.fixture
def hub():
    """A running hub from deploy/jupyterhub_config.py; everything it made is removed after."""
    reason = unavailable_reason()
    if reason:
        if hub_required():
            pytest.fail(f"the school-server test cannot run: {reason} (CI or OSMOSIS_REQUIRE_HUB)")
        pytest.skip(reason)
    with running_hub(LEARNERS) as info:
        yield info


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
    # in a thread of its own: another test's client may have left an event loop running in
    # this one, where asyncio.run() refuses to start (and the coroutine would never be awaited)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(class_session(hub))).result()


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
        await no_news_prompt(hub, name)

    # each learner hands in an export, where the shipped configuration says
    exports = {}
    for kernel in kernels:
        code = (
            "import os, pathlib\n"
            "export = pathlib.Path(os.environ['OSMOSIS_DROP_DIR']) / 'osmosis_export.md'\n"
            f"export.write_text({export_text(kernel.name)!r}, encoding='utf-8')\n"
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
    for listener, speaker in zip(kernels, kernels[1:] + kernels[:1], strict=True):
        await no_eavesdropping(listener, speaker)

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


async def no_news_prompt(hub, name: str) -> None:
    """The lab a learner's server serves neither fetches news nor asks whether to.

    JupyterLab asks "Would you like to get notified about official Jupyter news?" whenever the
    notification plugin's fetchNews setting is "none" (its default), whatever news_url says.
    """
    page = (await call(hub, "GET", f"/user/{name}/lab")).decode("utf-8")
    config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
                       page, re.S)  # fmt: skip
    assert config and json.loads(config.group(1))["news"] == {"disabled": True}
    plugin = "@jupyterlab/apputils-extension:notification"
    settings = await call(hub, "GET", f"/user/{name}/lab/api/settings/{plugin}")
    fetch_news = settings["schema"]["properties"]["fetchNews"]["default"]
    assert json.loads(settings["raw"] or "{}").get("fetchNews", fetch_news) == "false", fetch_news


WHERE_I_LISTEN = """
import json
from ipykernel.connect import get_connection_info
info = json.loads(get_connection_info())
print(json.dumps({"transport": info["transport"], "ip": info["ip"], "iopub": info["iopub_port"]}))
"""

SUBSCRIBE = """
import time, zmq
_eavesdrop = zmq.Context.instance().socket(zmq.SUB)
_eavesdrop.setsockopt(zmq.SUBSCRIBE, b"")
_eavesdrop.connect({endpoint!r})
time.sleep(1.5)  # let the subscription reach the publisher before it speaks
"""

OVERHEARD = """
import time, zmq
_heard, _until = [], time.monotonic() + 3
while time.monotonic() < _until:
    if _eavesdrop.poll(200):
        _heard.extend(_eavesdrop.recv_multipart())
print(any(b"osmosis-secret" in part for part in _heard))
"""


async def no_eavesdropping(listener: Kernel, speaker: Kernel) -> None:
    """A learner's kernel cannot read what another learner's kernel prints.

    A kernel publishes everything it prints on its iopub channel, signed but not encrypted. On
    loopback TCP any local user can subscribe to it; over Unix sockets in the learner's private
    runtime folder (the shipped configuration), nobody else can.
    """
    reply, printed = await speaker.run(WHERE_I_LISTEN)
    assert reply["status"] == "ok", reply
    where = json.loads(printed)
    endpoint = f"{where['transport']}://{where['ip']}"
    endpoint += f":{where['iopub']}" if where["transport"] == "tcp" else f"-{where['iopub']}"
    reply, _ = await listener.run(SUBSCRIBE.format(endpoint=endpoint))
    assert reply["status"] == "ok", reply
    reply, _ = await speaker.run("print('osmosis-secret: my reflection')")
    assert reply["status"] == "ok", reply
    reply, printed = await listener.run(OVERHEARD)
    assert reply["status"] == "ok", reply
    assert printed.strip() == "False", f"{listener.name} overheard {speaker.name}'s kernel: {where}"
    home = Path(pwd.getpwnam(speaker.name).pw_dir)
    assert where["transport"] == "ipc" and Path(where["ip"]).is_relative_to(home), where


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


def export_text(learner: str) -> str:
    """A minimal export file (records/EXPORT_FORMAT.md), as "Export my work" writes one."""
    block = {"format": "osmosis-lab-export", "version": 1, "learner": learner, "answers": {}}
    return f"# My work\n\n```json\n{json.dumps(block)}\n```\n"


TEACHER_LOADS_THE_DROP_ROOT = """
import json, os, sys
import osmosis_lab
from osmosis_lab.teacher import read_class_folder
loaded = read_class_folder(sys.argv[1])
print(json.dumps({"listed": sorted(os.listdir(sys.argv[1])), "package": osmosis_lab.__file__,
                  "loaded": sorted(w.learner for w in loaded.work), "problems": loaded.problems}))
"""


def teacher_reads_exports_others_do_not(hub, exports: dict[str, Path]) -> None:
    """A member of the teachers' group lists the drop root, and the class view pointed at it
    loads every export; a user outside the group can list and read none of it."""
    teachers = grp.getgrnam(hub["teachers"]).gr_gid
    nobody = pwd.getpwnam("nobody")
    root = hub["work"] / "drop"
    as_teacher = subprocess.run(
        [sys.executable, "-c", TEACHER_LOADS_THE_DROP_ROOT, str(root)], user=nobody.pw_uid,
        group=nobody.pw_gid, extra_groups=[teachers], capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "widgets"), "HOME": str(root)},
        cwd=root, timeout=120,
    )  # fmt: skip
    assert as_teacher.returncode == 0, as_teacher.stderr
    view = json.loads(as_teacher.stdout)
    assert Path(view["package"]).is_relative_to(ROOT / "widgets"), view["package"]
    assert view["listed"] == sorted(exports) and view["problems"] == [], view
    assert view["loaded"] == sorted(exports), view
    as_other = subprocess.run(
        ["ls", str(root)], user=nobody.pw_uid, group=nobody.pw_gid, extra_groups=[],
        capture_output=True, text=True,
    )  # fmt: skip
    assert as_other.returncode != 0 and "Permission denied" in as_other.stderr
    for learner, export in exports.items():
        as_teacher = subprocess.run(
            ["cat", str(export)], user=nobody.pw_uid, group=nobody.pw_gid,
            extra_groups=[teachers], capture_output=True, text=True,
        )  # fmt: skip
        assert as_teacher.stdout == export_text(learner), as_teacher.stderr
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
