"""``make site``: every lesson run once and saved as static HTML to preview or print offline.

``python -m osmosis_lab.site site`` (what ``make site`` runs) executes each
``lessons/NN_*.ipynb`` in a fresh kernel, then writes ``site/index.html``, one
page per lesson and ``site/teacher_guide.html``. Pages hold no script and load
nothing from another host: charts are inline SVG drawn by vl-convert, and each
explorer appears in its starting state as text (see :mod:`.widgets`).

Modules: :mod:`.execute` runs a lesson, :mod:`.charts` draws Vega-Lite as SVG,
:mod:`.widgets` renders saved widget state, :mod:`.pages` turns a notebook or
Markdown into a page through nbconvert (an ``HTMLExporter``, a ``Preprocessor``
and the template ``templates/osmosis``, which extends ``basic``), :mod:`.layout`
holds the stylesheet and the index, :mod:`.build` puts them together.
"""

__all__ = ["LessonPage", "SiteBuildError", "build_site", "find_lessons"]


def __getattr__(name: str):
    # Loaded on first use, so that `python -m osmosis_lab.site` on an install without the
    # [site] extra reaches __main__, which names the extra instead of printing a traceback.
    if name in __all__:
        from . import build, execute

        return getattr(build if hasattr(build, name) else execute, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
