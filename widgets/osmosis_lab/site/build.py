"""Build the whole static site: run each lesson, write its page, the guide and the index."""

from dataclasses import dataclass
from pathlib import Path

import nbformat

from .execute import SiteBuildError, execute_lesson
from .layout import STYLESHEET, index_markdown, stylesheet
from .pages import lesson_page, lesson_summary, markdown_page

GUIDE = "teacher_guide.md"


@dataclass(frozen=True)
class LessonPage:
    """One lesson's page: where it was written, its title, and the executed notebook behind it."""

    source: Path
    page: Path
    title: str
    executed: nbformat.NotebookNode


def find_lessons(lessons_dir: Path) -> list[Path]:
    """The lessons ``NN_name.ipynb`` in ``lessons_dir``, in order (not ``_template.ipynb``)."""
    found = sorted(lessons_dir.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise SiteBuildError(
            f"no lessons (NN_name.ipynb) in {lessons_dir}; run `make site` from the repository root"
        )
    return found


def build_site(
    dest: Path, lessons_dir: Path, *, only: list[Path] | None = None
) -> list[LessonPage]:
    """Write ``index.html``, a page per lesson, ``teacher_guide.html`` and ``site.css`` to ``dest``.

    ``only`` limits the run to some lessons (a quick preview); the index still
    lists just the lessons built. Returns the pages, with their executed notebooks.
    """
    dest.mkdir(parents=True, exist_ok=True)
    (dest / STYLESHEET).write_text(stylesheet(), encoding="utf-8")
    pages = []
    for source in only or find_lessons(lessons_dir):
        print(f"running {source.name} ...", flush=True)
        executed = execute_lesson(source)
        title, _time = lesson_summary(executed)
        page = dest / f"{source.stem}.html"
        page.write_text(lesson_page(executed), encoding="utf-8")
        pages.append(LessonPage(source, page, title, executed))
    guide = lessons_dir / GUIDE
    if guide.exists():
        page = markdown_page("Teacher's guide", guide.read_text(encoding="utf-8"))
        (dest / "teacher_guide.html").write_text(page, encoding="utf-8")
    rows = [(p.page.name, p.title, lesson_summary(p.executed)[1]) for p in pages]
    index = index_markdown(rows, has_guide=guide.exists())
    (dest / "index.html").write_text(markdown_page("Lessons", index), encoding="utf-8")
    return pages
