"""Binder readiness, as far as a machine with no conda channels and no Docker engine can check it.

Checked here: environment.yml is valid YAML with Python and JupyterLab pinned;
postBuild is an executable bash script that installs this package with
--no-deps (run against a stand-in `python` that records its arguments); every
Binder and nbgitpuller link in the README and the teacher's guide opens a
lesson file that exists; and, when jupyter-repo2docker is installed, the
Dockerfile repo2docker generates (without building) uses environment.yml with
Python 3.11 and runs postBuild after copying the repository.

Not checked: that conda-forge can solve environment.yml, that the image
builds, or that mybinder.org launches it (all need the network).
tests/test_environment.py checks that environment.yml and pyproject.toml agree.
"""

import os
import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import LESSONS, ROOT

ENVIRONMENT = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
POSTBUILD = ROOT / "postBuild"
DOCUMENTS = [ROOT / "README.md", ROOT / "lessons" / "teacher_guide.md"]
BINDER = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\]>\"'`]+")
GIT_PULL = re.compile(r"https://[^\s)\]>\"']+/hub/user-redirect/git-pull\?[^\s)\]>\"']+")


def conda_pins() -> dict[str, str]:
    """environment.yml's conda dependencies as {name: version}, read as YAML ("pip" has none)."""
    pins = {}
    for entry in ENVIRONMENT["dependencies"]:
        if isinstance(entry, dict):  # the pip: section, checked by tests/test_environment.py
            continue
        name, _, version = entry.partition("=")
        pins[name.strip()] = version.strip()
    return pins


def links(pattern: re.Pattern) -> list[tuple[str, str]]:
    """(document name, URL) for every match of ``pattern`` in the README and the guide."""
    found = []
    for document in DOCUMENTS:
        if document.exists():
            text = document.read_text(encoding="utf-8")
            # a template such as `.../lessons/<lesson file>` is prose, not a link
            found += [(document.name, url) for url in pattern.findall(text) if "<" not in url]
    return found


# -- environment.yml and postBuild --------------------------------------------------------------


def test_environment_yml_is_yaml_with_a_name_and_conda_forge():
    assert ENVIRONMENT["name"] and ENVIRONMENT["channels"] == ["conda-forge"]


def test_python_is_pinned_to_311():
    assert conda_pins()["python"] == "3.11", (
        "repo2docker's default Python is older than pandas 3 allows"
    )


def test_every_conda_dependency_is_pinned_except_pip():
    unpinned = [name for name, version in conda_pins().items() if not version and name != "pip"]
    assert not unpinned, f"environment.yml: pin {unpinned}"


def test_postbuild_is_an_executable_bash_script_that_stops_on_errors():
    text = POSTBUILD.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert os.access(POSTBUILD, os.X_OK), "postBuild must be executable (chmod +x postBuild)"
    subprocess.run(["bash", "-n", str(POSTBUILD)], check=True)  # parses as bash


def test_postbuild_installs_this_package_and_the_lab_settings(tmp_path):
    # a stand-in `python` first on PATH records what postBuild asks it to do, and answers
    # the question "where is your prefix?" with a folder of this test's
    record, prefix = tmp_path / "calls", tmp_path / "prefix"
    fake = tmp_path / "python"
    fake.write_text(
        f'#!/bin/sh\necho "$@" >> {record}\n[ "$1" = -c ] && echo {prefix}\nexit 0\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run([str(POSTBUILD)], cwd=ROOT, env=env, check=True)
    calls = record.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "-m pip install --no-deps --no-build-isolation -e ."
    installed = prefix / "etc/jupyter/jupyter_server_config.json"
    shipped = ROOT / "deploy/jupyter_server_config.json"
    assert installed.read_bytes() == shipped.read_bytes()
    kernel_config = ROOT / "deploy/ipython_kernel_config.py"
    assert (prefix / "etc/ipython" / kernel_config.name).read_bytes() == kernel_config.read_bytes()


# -- launch links ----------------------------------------------------------------------------------


def test_the_readme_has_a_binder_badge_and_a_launch_link_per_lesson():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "https://mybinder.org/badge_logo.svg" in readme
    opened = {urlsplit(url).query for _doc, url in links(BINDER) if _doc == "README.md"}
    for lesson in LESSONS:
        assert f"urlpath=lab/tree/lessons/{lesson.name}" in opened, (
            f"no Binder link to {lesson.name}"
        )


def link_id(link: tuple[str, str]) -> str:
    return f"{link[0]}:{link[1].rsplit('/', 1)[-1]}"


@pytest.mark.parametrize(("document", "url"), links(BINDER), ids=map(link_id, links(BINDER)))
def test_a_binder_link_opens_an_existing_lesson_in_jupyterlab(document, url):
    parts = urlsplit(url)
    owner_repo_ref = parts.path.removeprefix("/v2/gh/").split("/")
    assert len(owner_repo_ref) == 3, f"{document}: {url} is not /v2/gh/<owner>/<repo>/<ref>"
    assert parts.path.startswith("/v2/gh/osmosis-ethics-lab/osmosis-ethics-lab/"), url
    (urlpath,) = parse_qs(parts.query)["urlpath"]
    assert urlpath.startswith("lab/tree/lessons/"), f"{document}: {url} should open JupyterLab"
    lesson = ROOT / urlpath.removeprefix("lab/tree/")
    assert lesson.is_file() and lesson.suffix == ".ipynb", f"{document}: {url} opens no lesson"


def test_the_guide_has_an_nbgitpuller_link():
    assert links(GIT_PULL) or not DOCUMENTS[1].exists(), "teacher_guide.md: add an example link"


@pytest.mark.parametrize(("document", "url"), links(GIT_PULL), ids=map(link_id, links(GIT_PULL)))
def test_an_nbgitpuller_link_clones_the_repository_and_opens_a_lesson(document, url):
    query = parse_qs(urlsplit(url).query)
    (repo,) = query["repo"]
    (branch,) = query["branch"]
    (urlpath,) = query["urlpath"]
    assert repo == "https://github.com/osmosis-ethics-lab/osmosis-ethics-lab", url
    assert branch == "main", f"{document}: name the branch (old nbgitpuller assumes 'master')"
    # Without targetpath nbgitpuller names the folder after the URL's last part, which is
    # "osmosis-ethics-lab.git" for a URL ending in .git: name the folder, and open a lesson in it.
    assert "targetpath" in query, (
        f"{document}: give targetpath= (a .git URL makes name.git/): {url}"
    )
    (clone,) = query["targetpath"]
    assert clone and "/" not in clone and not clone.endswith(".git"), f"{document}: {url}"
    assert urlpath.startswith(f"lab/tree/{clone}/lessons/"), f"{document}: {url}"
    assert (ROOT / urlpath.removeprefix(f"lab/tree/{clone}/")).is_file(), f"{document}: {url}"


# -- repo2docker's generated Dockerfile ----------------------------------------------------------


def repo2docker_dry_run() -> subprocess.CompletedProcess:
    """``repo2docker --no-build --debug --no-run .``: prints the Dockerfile, needs no Docker."""
    # no skip: it is in the [test] extra, so a missing repo2docker is a broken install
    command = [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "--no-run", "."]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )


def test_repo2docker_builds_a_conda_environment_from_environment_yml_on_python_311():
    run = repo2docker_dry_run()
    assert "Building conda environment for python=3.11" in run.stderr
    dockerfile = run.stdout
    assert "COPY --chown=0:0 src/environment.yml ${REPO_DIR}/environment.yml" in dockerfile
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"' in dockerfile


def test_repo2docker_runs_postbuild_after_copying_the_repository():
    dockerfile = repo2docker_dry_run().stdout
    copy_repo = dockerfile.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert dockerfile.index("RUN ./postBuild") > copy_repo
    # no requirements.txt, setup.py or Dockerfile is shadowing environment.yml
    assert "requirements.txt" not in dockerfile and "setup.py" not in dockerfile
