"""One lock, every install: constraints.txt, `make install`, .ci/run, Binder and the Pythons.

constraints.txt is written by `make lock` from the environment the tests ran in. These tests
check that every way in installs under it and that only the Pythons CI runs are admitted.
"""

import re
import subprocess
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENVIRONMENT = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def locked() -> dict[str, str]:
    """constraints.txt as {normalised name: version}."""
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", text, re.M))
    return {Requirement(name).name.lower().replace("_", "-"): v for name, v in pins.items()}


def binder_pip() -> dict[str, str]:
    """environment.yml's pip: section as {normalised name: version}; every entry must be ==."""
    (section,) = [entry["pip"] for entry in ENVIRONMENT["dependencies"] if isinstance(entry, dict)]
    pins = {}
    for line in section:
        requirement = Requirement(line)
        (spec,) = requirement.specifier
        assert spec.operator == "==", f"environment.yml: {line!r} is not an exact pin"
        pins[requirement.name.lower().replace("_", "-")] = spec.version
    return pins


def supported_pythons() -> list[str]:
    return re.search(r"^SUPPORTED_PYTHONS := (.+)$", MAKEFILE, re.M).group(1).split()


def test_the_lock_satisfies_every_range_in_pyproject():
    pins = locked()
    declared = PYPROJECT["project"]["dependencies"] + [
        spec for specs in PYPROJECT["project"]["optional-dependencies"].values() for spec in specs
    ]
    for spec in declared:
        requirement = Requirement(spec)
        if requirement.name == "osmosis-lab":
            continue
        name = requirement.name.lower()
        assert name in pins, f"constraints.txt lacks {name}: run `make lock`"
        assert Version(pins[name]) in requirement.specifier, (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject's {requirement.specifier}: run `make lock`"
        )


def test_binder_installs_the_locked_versions_and_only_python_and_pip_from_conda():
    conda = [entry for entry in ENVIRONMENT["dependencies"] if isinstance(entry, str)]
    assert conda == ["python=3.11", "pip"], "conda-forge gives only Python and pip"
    pins, lock = binder_pip(), locked()
    for name in (Requirement(s).name.lower() for s in PYPROJECT["project"]["dependencies"]):
        assert name in pins, f"environment.yml's pip: lacks the runtime dependency {name}"
    differing = {name: (v, lock.get(name)) for name, v in pins.items() if lock.get(name) != v}
    assert not differing, (
        f"environment.yml disagrees with constraints.txt (name: (yml, lock)): {differing}"
    )
    assert "setuptools" in pins, "postBuild builds without isolation: setuptools must be pinned"


def test_make_install_and_ci_install_under_the_lock():
    installs = re.findall(r"pip install [^\n]*", MAKEFILE)
    assert installs and all("-c constraints.txt" in line for line in installs), installs
    assert "make install" in CI_RUN and "make test" in CI_RUN


def test_requires_python_admits_exactly_the_pythons_ci_runs():
    specifier = SpecifierSet(PYPROJECT["project"]["requires-python"])
    supported = supported_pythons()
    assert ENVIRONMENT["dependencies"][0] == f"python={supported[0]}"
    for minor in range(8, 20):
        version = f"3.{minor}"
        assert (Version(f"{version}.0") in specifier) == (version in supported), version


@pytest.mark.parametrize("target", ["install", "test", "lab"])
def test_make_refuses_an_unsupported_python_and_names_one_to_install(tmp_path, target):
    # a stand-in interpreter that reports 3.14, as `python3` does on a newer machine
    stub = tmp_path / "python3.14"
    stub.write_text("#!/bin/sh\necho 3.14\n", encoding="utf-8")
    stub.chmod(0o755)
    venv = tmp_path / "venv"
    if target != "install":  # a virtualenv that Python built earlier, already installed
        (venv / "bin").mkdir(parents=True)
        (venv / "bin" / "python").symlink_to(stub)
        (venv / ".installed-test").touch()  # newer than every prerequisite
    result = subprocess.run(
        ["make", "--no-print-directory", target, f"PYTHON={stub}", f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Python 3.14" in result.stdout and "is not supported" in result.stdout
    assert "Install Python 3.11" in result.stdout
    assert not (venv / "lib").exists(), "nothing was installed"


def test_make_accepts_the_python_ci_runs():
    result = subprocess.run(
        ["make", "--no-print-directory", "check-python", "PYTHON=python3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
