"""No module of the package is longer than the house allows (house-style.md: "Modules stay
readable: roughly under 300 lines").

"Roughly" is a line count with a margin, so a docstring example or a comment that says why is
never cut to fit: a module over :data:`LIMIT` lines is split along its seams (a module of
sentences beside the one that computes, say), keeping the names lessons import.
"""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "widgets" / "osmosis_lab"
#: The house's ~300 lines, with a margin for what is better kept whole.
LIMIT = 320


def too_long(limit: int = LIMIT) -> list[str]:
    """Each module over ``limit`` lines, as "path (N lines)", longest first."""
    counts = {
        path.relative_to(PACKAGE.parent).as_posix(): len(path.read_text("utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    return [f"{path} ({n} lines)" for path, n in sorted(counts.items(), key=lambda kv: -kv[1])
            if n > limit]  # fmt: skip


def test_no_module_of_the_package_is_longer_than_the_limit():
    assert too_long() == [], f"split these along their seams (over {LIMIT} lines)"


def test_the_count_sees_every_module():
    """A limit that cannot be passed would list every module; one never read lists none."""
    assert len(too_long(limit=0)) == len(list(PACKAGE.rglob("*.py"))) > 100
