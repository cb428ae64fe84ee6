"""Binder's environment.yml and postBuild agree with pyproject.toml, the one list of dependencies."""

import re
import tomllib

from packaging.requirements import Requirement
from packaging.version import Version

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
ENV_TEXT = (ROOT / "environment.yml").read_text(encoding="utf-8")


def conda_pins() -> dict[str, str]:
    """'  - pandas=3.1' lines of environment.yml -> {'pandas': '3.1'}."""
    return dict(re.findall(r"^\s*-\s*([A-Za-z0-9_.-]+)\s*=\s*([0-9.]+)\s*$", ENV_TEXT, re.M))


def test_every_runtime_dependency_is_pinned_for_binder_inside_its_range():
    pins = conda_pins()
    for spec in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(spec)
        assert requirement.name in pins, f"environment.yml lacks {requirement.name}"
        # conda's "3.1" means any 3.1.x: its first release must satisfy pyproject's range
        assert Version(pins[requirement.name] + ".0") in requirement.specifier, (
            f"environment.yml pins {requirement.name}={pins[requirement.name]}, "
            f"outside pyproject's {requirement.specifier}"
        )


def test_binder_gets_no_package_pyproject_does_not_list():
    declared = {Requirement(s).name for s in PYPROJECT["project"]["dependencies"]}
    assert set(conda_pins()) - {"python", "pip"} <= declared


def test_python_is_pinned_to_a_version_pyproject_allows():
    python = conda_pins()["python"]
    assert Version(python) in Requirement(f"x{PYPROJECT['project']['requires-python']}").specifier


def test_postbuild_installs_the_package_without_dependencies():
    postbuild = (ROOT / "postBuild").read_text(encoding="utf-8")
    assert "pip install --no-deps -e ." in postbuild
    assert (ROOT / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"


def test_environment_yml_has_no_local_paths():
    # a local path in pip: breaks repo2docker's layer caching (field notes)
    assert "-e ." not in ENV_TEXT and "file:" not in ENV_TEXT
