"""pytest's settings for the package's doctests (beside the package, not in it).

The docstrings' runnable examples make folders with ``tempfile.mkdtemp()`` so that they read like
what a reader would type; here every such folder lands in the test's own temporary folder, which
pytest removes, so running the doctests leaves nothing behind in the machine's /tmp.
"""

import tempfile

import pytest


@pytest.fixture(autouse=True)
def _doctest_temporary_folders(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
