"""The container image (deploy/image/), checked without building it.

Building takes minutes and needs podman and the network, so CI reads the Containerfile
instead: the base is a build argument defaulting to the public Debian image, dependencies
are exactly Binder's pip: list installed under constraints.txt, ./postBuild runs after the
repository is copied, the learner is not root, and the build script parses and names no
host of its own (mirror and package index come from the building machine's configuration).
deploy/image/build-and-test.sh is what builds the image and runs lesson 00 in it.
"""

import doctest
import importlib.metadata
import importlib.util
import re
import shlex
import subprocess

import pytest
import yaml
from packaging.specifiers import SpecifierSet

from conftest import ROOT

IMAGE = ROOT / "deploy" / "image"
CONTAINERFILE = IMAGE / "Containerfile"
SCRIPT = IMAGE / "build-and-test.sh"


def instructions(text: str) -> list[tuple[str, str]]:
    """The Containerfile as (INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    steps, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        keyword, _, arguments = (pending + line).strip().partition(" ")
        steps.append((keyword.upper(), " ".join(arguments.split())))
        pending = ""
    return steps


STEPS = instructions(CONTAINERFILE.read_text(encoding="utf-8"))
ARG_DEFAULTS = dict(a.split("=", 1) for k, a in STEPS if k == "ARG" and "=" in a)


def index_of(keyword: str, pattern: str) -> int:
    """Position of the first step with this keyword whose arguments match ``pattern``."""
    found = [i for i, (k, a) in enumerate(STEPS) if k == keyword and re.search(pattern, a)]
    assert found, f"no {keyword} step matching {pattern!r} in {CONTAINERFILE}"
    return found[0]


def load_binder_requirements():
    spec = importlib.util.spec_from_file_location(
        "binder_requirements", IMAGE / "binder_requirements.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_base_is_a_build_argument_defaulting_to_debian_bookworm_slim():
    # the ARG must come before FROM to be usable in it
    assert STEPS[0] == ("ARG", "BASE=debian:bookworm-slim")
    assert STEPS[1] == ("FROM", "${BASE}")
    assert [k for k, _ in STEPS].count("FROM") == 1


def test_python_comes_from_debian_and_is_the_one_the_lessons_are_tested_on():
    install = STEPS[index_of("RUN", r"apt-get install")][1]
    assert {"python3", "python3-venv"} <= set(install.split())
    assert "sys.version_info[:2] == (3, 11)" in install


def test_dependencies_are_binders_pip_list_installed_under_the_lock():
    copy = STEPS[index_of("COPY", r"constraints\.txt")][1]
    assert "environment.yml" in copy and "binder_requirements.py" in copy
    run = STEPS[index_of("RUN", r"pip install")][1]
    assert "binder_requirements.py environment.yml > requirements.txt" in run
    pip = run[run.index("pip install") :].split("&&")[0].split()
    assert pip[pip.index("-c") + 1] == "constraints.txt"
    assert pip[pip.index("-r") + 1] == "requirements.txt"
    # wheels only: no compiler, no build tools fetched
    assert "--only-binary=:all:" in pip
    # the hub's pieces only at a locked version, never by bare name from the index
    assert 'grep -qi "^${name}==" constraints.txt' in run


def test_the_requirements_the_image_installs_are_environment_ymls_pip_list():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    (pip_list,) = [e["pip"] for e in environment["dependencies"] if isinstance(e, dict)]
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    assert load_binder_requirements().pip_section(lines) == pip_list


def test_the_requirements_reader_refuses_a_file_without_a_pip_list():
    with pytest.raises(ValueError, match="make lock"):
        load_binder_requirements().pip_section(["dependencies:", "  - python=3.11"])


def test_the_requirements_reader_examples_run():
    result = doctest.testmod(load_binder_requirements())
    assert result.attempted and not result.failed


def test_postbuild_runs_as_binder_runs_it_after_the_repository_is_copied():
    dependencies = index_of("RUN", r"pip install")
    repository = index_of("COPY", r"^--chown=\S+ \. ")
    post_build = index_of("RUN", r"(^|&& )\./postBuild\b")
    assert dependencies < repository < post_build
    # repo2docker runs postBuild from the folder it copied the repository to
    workdir = [a for k, a in STEPS[:post_build] if k == "WORKDIR"][-1]
    assert STEPS[repository][1].split()[-1].rstrip("/") == workdir == "${REPO_DIR}"


def test_the_repository_is_outside_the_home_folder_a_hub_mounts_over():
    # the editable install postBuild makes must survive a persistent volume on /home/jovyan
    assert not ARG_DEFAULTS["REPO_DIR"].startswith("/home/")
    assert ARG_DEFAULTS["REPO_DIR"].startswith("/")


def resolve(value: str) -> str:
    return re.sub(r"\$\{(\w+)\}", lambda m: ARG_DEFAULTS.get(m.group(1), m.group(0)), value)


def test_the_learner_is_not_root_from_postbuild_on():
    users = [i for i, (k, _) in enumerate(STEPS) if k == "USER"]
    assert users, "no USER: the image would run as root"
    post_build = index_of("RUN", r"\./postBuild\b")
    assert users[0] < post_build
    assert all(resolve(STEPS[i][1]) not in {"root", "0"} for i in users)
    assert resolve(STEPS[users[-1]][1]) == "1000"  # Binder's jovyan
    assert "--uid ${NB_UID}" in STEPS[index_of("RUN", r"useradd")][1]


def test_the_default_command_is_jupyterlab_on_all_interfaces():
    (command,) = [a for k, a in STEPS if k == "CMD"]
    assert command == '["jupyter", "lab", "--ip=0.0.0.0", "--no-browser"]'
    assert ("EXPOSE", "8888") in STEPS


def test_a_working_copy_is_not_baked_into_the_image():
    ignored = (IMAGE / "Containerfile.dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "my_design_review.md"} <= set(ignored)
    assert "--ignorefile deploy/image/Containerfile.dockerignore" in SCRIPT.read_text(
        encoding="utf-8"
    )


def test_the_build_script_parses():
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)
    assert SCRIPT.stat().st_mode & 0o111, "build-and-test.sh is not executable"


def test_no_host_is_written_into_the_image_files():
    # the Debian mirror and the package index come from the building machine's apt and pip
    for path in (CONTAINERFILE, SCRIPT):
        hosts = re.findall(
            r"[a-z]+://([A-Za-z0-9.-]+(?::[0-9]+)?)", path.read_text(encoding="utf-8")
        )
        assert set(hosts) <= {"127.0.0.1:8888"}, f"{path.name} names {hosts}"


def test_the_build_script_builds_with_the_base_it_imported_and_runs_lesson_00_offline():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "debootstrap --variant=minbase bookworm" in text
    assert "apt-get indextargets" in text  # the mirror apt uses
    build = re.search(r'"\$\{PODMAN\[@\]\}" build (.*?)\n\}', text, re.S).group(1)
    words = shlex.split(build.replace("\\\n", " "))
    assert words[words.index("--build-arg") + 1] == "BASE=$BASE_IMAGE"
    assert words[words.index("-f") + 1] == "deploy/image/Containerfile"
    assert "--network none" in text and "lessons/00_start_here.ipynb" in text


def test_the_certificates_pip_trusts_enter_the_build_as_a_secret_not_a_layer():
    # a CA bundle or local index mounted as a volume would leave its mount point in the image
    run = STEPS[index_of("RUN", r"pip install")][1]
    assert run.startswith("--mount=type=secret,id=pip-cert,")
    text = SCRIPT.read_text(encoding="utf-8")
    assert '--secret "id=pip-cert,src=$value"' in text
    assert "--volume" not in text.split("collect_pip_args() {")[1].split("\n}")[0]


# Debian 12's python3 package: upstream 3.11.2 for the release's whole life (only +debNuM fixes).
BOOKWORM_PYTHON = "3.11.2"


def test_every_package_the_image_installs_admits_bookworms_python():
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    refusing, unknown = [], []
    for requirement in load_binder_requirements().pip_section(lines):
        name, _, version = requirement.partition("==")
        metadata = importlib.metadata.metadata(name)  # `make install` installs the same lock
        if metadata["Version"] != version:
            unknown.append(f"{name} {metadata['Version']} is installed, not the locked {version}")
        elif not SpecifierSet(metadata["Requires-Python"] or "").contains(BOOKWORM_PYTHON):
            refusing.append(f"{name}=={version} (Requires-Python {metadata['Requires-Python']})")
    assert not refusing, f"on Python {BOOKWORM_PYTHON}, pip refuses: {refusing}"
    # not a skip: an install that differs from the lock is broken (`make install` installs it)
    assert not unknown, (
        f"the installed versions are not the locked ones (run `make install`): {unknown}"
    )
