"""The teacher's guide tells Binder learners to download what the export panel tells them to.

The panel says where the file went and, on Binder, how to download it ("right-click it in the
file browser, then Download"). *File → Download* downloads the notebook, which holds neither the
learner's reflections nor their kept answers: a guide saying that loses a class's work.
"""

import re

from conftest import ROOT
from osmosis_lab.explorers.work_export import ExportPanel

DOCS = [ROOT / "lessons" / "teacher_guide.md", ROOT / "README.md", ROOT / "deploy" / "README.md"]


def words(text: str) -> str:
    return " ".join(text.split())


def panel_download_step(monkeypatch) -> str:
    """The panel's own instruction, as a learner on Binder reads it."""
    monkeypatch.setenv("BINDER_SERVICE_HOST", "10.0.0.1")
    monkeypatch.delenv("OSMOSIS_DROP_DIR", raising=False)
    where = ExportPanel._where(None)  # uses no state: what the panel says before and after
    (step,) = re.findall(r"\(([^()]*right-click[^()]*)\)", where)
    return step


def bullets(path) -> list[str]:
    """Each list item or paragraph of a Markdown file, its lines joined."""
    return [words(b) for b in re.split(r"\n(?=\s*[-*] )|\n\s*\n", path.read_text(encoding="utf-8"))]


def test_every_binder_download_instruction_is_the_panels(monkeypatch):
    step = panel_download_step(monkeypatch)
    assert step == "right-click it in the file browser, then Download", step
    told = [b for b in bullets(DOCS[0]) if "Binder" in b and re.search(r"\bdownload", b)]
    assert len(told) >= 3, told  # the Binder notes, "what if it drops", handing work in
    for bullet in told:
        assert step in bullet, bullet


def test_no_document_sends_learners_to_file_download_alone(monkeypatch):
    step = panel_download_step(monkeypatch)
    for path in DOCS:
        for bullet in bullets(path):
            if "File → Download" in bullet or "download their notebook" in bullet:
                assert step in bullet and "notebook" in bullet, f"{path.name}: {bullet}"
