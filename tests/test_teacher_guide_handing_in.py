"""The guide says exactly what pupils hand in and what the class view reads (a teacher's report).

M. Baptiste followed the guide ("Export my work"), and the class view showed no design choices:
it read them only from the separate review file, which the guide never asked for. The guide's
file names are the code's, and what it says the export holds is what the lesson's export holds.
"""

import re

from conftest import ROOT
from osmosis_lab.explorers.review_writer import REVIEW_STEM as WRITTEN_REVIEW
from osmosis_lab.records.export import EXPORT_STEM as WRITTEN_EXPORT
from osmosis_lab.teacher.class_folder import EXPORT_STEM, REVIEW_STEM

GUIDE = " ".join((ROOT / "lessons" / "teacher_guide.md").read_text(encoding="utf-8").split())


def paragraph(title: str) -> str:
    """The guide's bold-titled paragraph ``**title**`` up to the next bold title."""
    found = re.search(rf"\*\*{re.escape(title)}\*\*(.*?)(?= \*\*[A-Z][^*]*\.\*\* )", GUIDE)
    assert found, f"the guide has no paragraph '**{title}**'"
    return found.group(1)


def test_the_class_view_reads_the_files_the_lessons_write():
    assert (EXPORT_STEM, REVIEW_STEM) == (WRITTEN_EXPORT, WRITTEN_REVIEW)
    reads = paragraph("What the class view reads.")
    assert f"`{REVIEW_STEM}_*.md`" in reads and "every other one as an export" in reads


def test_pupils_hand_in_one_file_that_holds_the_design_review():
    handing_in = paragraph("Handing work in.")
    assert f"`{EXPORT_STEM}_<name>-<code>.md`" in handing_in
    assert "one file each" in handing_in and "design choices" in handing_in
    reads = paragraph("What the class view reads.")
    assert "The choices come from the export" in reads and "counts once" in reads


def test_no_setting_asks_for_the_review_file_as_well_to_see_the_choices():
    """The Binder notes said 'In lesson 05 the saved review must be downloaded too'."""
    assert "the saved review must be downloaded" not in GUIDE
    binder = GUIDE[GUIDE.index("**Binder sessions are temporary.**") :][:900]
    assert "The export holds lesson 05's saved review too" in binder
