"""How long a lesson takes a 16-year-old: the reading model behind every stated time.

A lesson's time is not what a fluent adult needs to click through it. The model counts what a
learner does, section by section (a section is a ``## `` heading that states "(N minutes)"):

* reading: the words of its Markdown (``printed_words.WORD``: a number such as "1.90" or a word
  such as "Lucas's" is one word), folded solutions included (a learner reads the solution
  after trying), at ``WORDS_PER_MINUTE``. Carver (1992, "Reading rate: theory, research and
  practical implications", *Journal of Reading* 36(2)) puts reading to learn at about 200 words
  a minute for fluent adult readers and memorising at 138; Brysbaert (2019, *Journal of Memory and
  Language* 109) puts adults' silent reading of non-fiction at 238. A 16-year-old reading new
  ideas, often not in their first language, is taken at 150;
* reading what the explorers print: the words each explorer shows when its cell first runs (the
  sentences under its chart, its tables in words, its cards: ``tests/printed_words.py``), at the
  same speed. What a learner reads as they move a slider or a choice (the sentence that changed)
  is in the explorer's fixed minutes;
* stepping through: an explorer a learner steps through to its end (lesson 01's proposals, lesson
  02's timelines, lesson 04's judge-first: ``step_words.STEPPED``) shows something new at every
  press, not once. Its steps are driven by its own Next and Lock controls in the same fresh process,
  and the words each press newly shows are read at the same speed (``tests/step_words.py``: about
  120 for lesson 01's seven proposals, 520 for Esther's nine moments, 300 for judge-first's ten
  cases and its results). Counting case 1 alone, judge-first was stated at 4 minutes; a teacher
  timed it at 8-10 in class (issue 12);
* each decision a step asks for: ``DECISION_MINUTES``. Judge-first asks two a case: accept or
  reject, with how sure (a slider), locked in; then keep or change the call once the app's verdict
  shows. Ten seconds each is a **stated assumption**, not a measured rate: we found no study that
  times 16-year-olds deciding from a card of figures. It is set against the one classroom
  report, so that report cannot also confirm it: with it, the section models 9.5 minutes, inside the teacher's 8-10 (15 seconds would give
  11, 5 seconds 8). Reading the card and the verdict is counted as words, not in the decision;
* each exercise: ``EXERCISE_MINUTES`` to think, answer and read the verdict. Its answer control's
  own text is not counted as words: before an answer it restates the Markdown's question (which
  is counted) and says "nothing chosen yet" (or typed); its verdict and hint come after an answer, and
  reading them is part of these four minutes;
* each explorer (a code cell that builds one of ``osmosis_lab.explorers``' Explorer classes,
  ``printed_words.explorers_built``): ``EXPLORER_MINUTES``, for what its words do not measure:
  a minute to predict (a guess before moving anything), a minute to try the controls, and half a
  minute to read what each move changes (a sentence or a row, not the whole text again; for a
  step-through, going back and choosing another case or timeline). It was
  3 minutes, the third for reading what the explorer prints; now that its starting text is
  counted (from 25 words for lesson 01's step-through to 608 for lesson 05's design panel, a
  median of 114, about three quarters of a minute), only the reading of the changes stays;
* writing: the words each text box asks a learner to write (a reflection, the design review and
  its reasons), at ``WRITING_WORDS_PER_MINUTE``. The cell that builds the box states them in its
  metadata (``"osmosis": {"writes": N}``, required by tests/test_lesson_lint.py for every call in
  ``WRITING_CALLS``), beside what the prose asks for ("two questions", "100 to 200 words"). Karat,
  Halverson, Horn and Karat (1999, "Patterns of entry and correction in large vocabulary
  continuous speech recognition systems", *Proceedings of CHI '99*, 568-575) measured average
  adult computer users composing at the keyboard at 19 words a minute (copying: 32.5). A
  16-year-old composing an argued answer is taken at 12, the same share of the adult rate as
  reading's 150 of about 238. Writing was not counted until a walkthrough took about 20 minutes
  over lesson 05's review, stated 10;
* each Discuss prompt: ``DISCUSS_MINUTES`` in class (pairs, then a few voices);
* every other code cell: ``CELL_MINUTES`` to run it and look at what it prints.

A section whose heading says ``Extension`` is outside the lesson's core path. The core path must
fit one class period (``PERIOD_MINUTES``, Discuss included); the front matter's "**Time.** About
N minutes" is the core's sum of section minutes, each section's stated minutes agree with the
model, and so does the core's total, within ``CORE_TOLERANCE_MINUTES`` (tests/test_lesson_lint.py). Run ``python tests/reading_model.py`` to print the estimates.

>>> round(section_estimate(words=300, exercises=1, explorers=1, discussions=1, cells=2), 1)
14.0
>>> round(section_estimate(words=0, exercises=0, explorers=0, discussions=0, cells=0, written=30), 1)
2.5
>>> round(section_estimate(words=300, exercises=0, explorers=1, discussions=0, cells=0, decisions=20), 1)
7.8
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

import printed_words

WORDS_PER_MINUTE = 150
WRITING_WORDS_PER_MINUTE = 12
#: calls that give the learner a box to write in: their cells state the words they ask for
WRITING_CALLS = ("my_work.reflection(", "ReviewWriter(", "StakeholderExplorer(")
EXERCISE_MINUTES = 4.0
EXPLORER_MINUTES = 2.5
DECISION_MINUTES = 1 / 6  # ten seconds: see the module docstring
DISCUSS_MINUTES = 5.0
CELL_MINUTES = 0.25
PERIOD_MINUTES = 55
#: how far a section's stated minutes may be from the model: the larger of these two
TOLERANCE_MINUTES, TOLERANCE_SHARE = 3.0, 0.25
#: how far the core's stated total may be from the model's. Each section states whole minutes, so
#: rounding alone moves a total by about 0.3 minute per section at random (under 1 for a lesson's
#: 6-8 sections); sections each within their own slack can still add up to a lesson that says it is
#: 5 minutes shorter than it is, which is what a teacher plans the period by.
CORE_TOLERANCE_MINUTES = 2.0

_ASKED = re.compile(r"[Aa]im for (\d+) to \d+ words")
_TIMED = re.compile(r"^## (?P<title>.*?)\((?P<minutes>\d+) minutes?\)(?P<rest>.*)$", re.M)


def section_estimate(
    *, words, exercises, explorers, discussions, cells, written=0, decisions=0
) -> float:
    return (
        words / WORDS_PER_MINUTE
        + decisions * DECISION_MINUTES
        + written / WRITING_WORDS_PER_MINUTE
        + exercises * EXERCISE_MINUTES
        + explorers * EXPLORER_MINUTES
        + discussions * DISCUSS_MINUTES
        + cells * CELL_MINUTES
    )


@dataclass
class Section:
    title: str
    stated: int
    extension: bool
    words: int = 0
    #: words the section's explorers print at their starting state (``printed_words``)
    printed: int = 0
    #: words its step-throughs newly show as a learner steps them to the end, after their
    #: start, and the decisions their steps ask for (``step_words``)
    stepped: int = 0
    decisions: int = 0
    exercises: int = 0
    explorers: int = 0
    discussions: int = 0
    cells: int = 0
    #: words the section's text boxes ask the learner to write (cells' ``"writes"`` metadata)
    written: int = 0
    #: the fewest words its prose asks for ("Aim for 80 to 150 words"): ``written`` is at least this
    asked: int = 0

    @property
    def estimate(self) -> float:
        return section_estimate(
            words=self.words + self.printed + self.stepped,
            decisions=self.decisions,
            exercises=self.exercises,
            explorers=self.explorers,
            discussions=self.discussions,
            cells=self.cells,
            written=self.written,
        )

    def agrees(self) -> bool:
        slack = max(TOLERANCE_MINUTES, TOLERANCE_SHARE * self.estimate)
        return abs(self.stated - self.estimate) <= slack


def cells_by_section(path: Path):
    """Each cell of a lesson with the timed section it sits in (its ``Section``, still empty), or
    ``None`` for a cell outside every timed section (Setup, Summary, What's next ...)."""
    current: Section | None = None
    for cell in nbformat.read(path, as_version=4).cells:
        heading = _TIMED.search(cell.source)
        if cell.cell_type == "markdown" and heading:
            extension = "extension" in (heading["title"] + heading["rest"]).lower()
            current = Section(heading["title"].strip(" ·"), int(heading["minutes"]), extension)
        elif cell.cell_type == "markdown" and re.search(r"^## ", cell.source, re.M):
            current = None
        yield current, cell


def count(part: Section, cell) -> None:
    """Add what the model counts in ``cell`` to ``part``."""
    source = cell.source
    part.written += cell.metadata.get("osmosis", {}).get("writes", 0)
    # an activity the model cannot see (judging ten cases one by one, say) states its own
    # minutes in the cell's metadata, with the reason beside it
    stated = cell.metadata.get("osmosis", {}).get("minutes")
    if stated is not None:
        part.cells += stated / CELL_MINUTES
    elif cell.cell_type == "markdown":
        part.words += printed_words.count_words(source)
        part.asked += sum(int(low) for low in _ASKED.findall(source))
        part.discussions += source.count("### Discuss") + source.count("**Discuss")
    elif "exercise" in cell.metadata.get("tags", []):
        part.exercises += 1
    elif built := printed_words.explorers_built(source):
        part.explorers += 1
        part.printed += sum(printed_words.words_at_start(name) for name in built)
        for name in built:
            walked = printed_words.walked(name)
            part.stepped += walked["words"]
            part.decisions += walked["decisions"]
    else:
        part.cells += 1


def sections(path: Path) -> list[Section]:
    """The timed sections of a lesson, with what the model counts in each."""
    found: list[Section] = []
    for current, cell in cells_by_section(path):
        if current is None:
            continue
        if not found or found[-1] is not current:
            found.append(current)
        count(current, cell)
    return found


def exercise(path: Path, number: int) -> Section:
    """What the model counts in "### Exercise ``number``", from its heading to its folded solution
    (or the next heading): the minutes a teacher frees by setting it as homework (``estimate``).

    >>> round(exercise(Path(__file__).parents[1] / "lessons" / "03_privacy.ipynb", 5).estimate)
    5
    """
    part: Section | None = None
    for current, cell in cells_by_section(path):
        heading = cell.cell_type == "markdown" and re.search(r"^##+ ", cell.source, re.M)
        if part is not None and heading:
            break
        if heading and re.search(rf"^### Exercise {number}\b", cell.source, re.M):
            part = Section(f"Exercise {number}", 0, current is None or current.extension)
        if part is not None:
            count(part, cell)
            if cell.metadata.get("osmosis", {}).get("cell") == "solution":
                break  # what follows its folded solution is the section's again
    assert part is not None, f"{path.name} has no '### Exercise {number}'"
    return part


def writing_cells_without_words(path: Path) -> list[str]:
    """The cells that give the learner a box to write in (``WRITING_CALLS``) but do not state
    how many words it asks for: the model would count their writing as nothing."""
    return [
        cell.source.strip().splitlines()[0]
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code"
        and any(call in cell.source for call in WRITING_CALLS)
        and not cell.metadata.get("osmosis", {}).get("writes")
    ]


def core_agrees(found: list[Section]) -> bool:
    """Whether the core sections' stated minutes add up to the model's total, within
    ``CORE_TOLERANCE_MINUTES``.

    >>> core_agrees([Section("a", 10, False, cells=44), Section("b", 5, True, cells=80)])
    True
    >>> core_agrees([Section("a", 10, False, cells=52)])
    False
    """
    core = [s for s in found if not s.extension]
    stated = sum(s.stated for s in core)
    return abs(stated - sum(s.estimate for s in core)) <= CORE_TOLERANCE_MINUTES


def stated_time(path: Path) -> int:
    front = nbformat.read(path, as_version=4).cells[0].source
    return int(re.search(r"\*\*Time\.?\*\*\.? About (\d+) minutes", front).group(1))


def main(paths: list[Path]) -> None:
    for path in paths:
        print(f"{path.name}: front matter says {stated_time(path)} min")
        core = [s for s in sections(path) if not s.extension]
        for s in sections(path):
            tag = " (extension)" if s.extension else ""
            flag = "" if s.agrees() else "   <- disagrees"
            printed = f", {s.printed} printed" if s.printed else ""
            printed += f", {s.stepped} stepped" if s.stepped else ""
            printed += f", {s.decisions} decisions" if s.decisions else ""
            written = f", {s.written} to write" if s.written else ""
            print(
                f"  {s.stated:3d} stated, {s.estimate:5.1f} modelled  {s.title}{tag}"
                f"  ({s.words} words{printed}{written}){flag}"
            )
        flag = "" if core_agrees(sections(path)) else "   <- disagrees"
        print(
            f"  core: {sum(s.stated for s in core)} stated, "
            f"{sum(s.estimate for s in core):.1f} modelled{flag}"
        )


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    main([Path(p) for p in sys.argv[1:]] or sorted((root / "lessons").glob("[0-9][0-9]_*.ipynb")))
