"""Which design panel and matrix lesson 05's review writer reads, and saved work put back into them.

The writer saves what the learner sees, so it must read the panel and the matrix
that are on screen: when a learner re-runs one of their cells, the new one
replaces the old (:mod:`.newest` decides which reader adopts it) and, once it has
drawn itself, is refilled from the learner's saved work, so a re-run cell never
makes Save overwrite what was saved. This module is that following and the
translation between the two explorers and the saved fields; the writer's name
box, text and files are :mod:`.review_writer`'s.

Examples
--------
>>> matrix = StakeholderExplorer()
>>> restore_into(matrix, {"matrix": {"found": ["consent", "never asked"]}})
''
>>> matrix.values["found"].value, matrix.notes["found"].value
('consent', 'never asked')
>>> restore_into(DesignPanel.with_lesson_data(), {"design": {"no such choice": 1}})
' Your saved design choices could not be restored; choose them again.'
"""

import weakref
from collections.abc import Callable
from dataclasses import asdict

import ipywidgets as widgets

from ..errors import OsmosisLabError
from ..review import AS_PLANNED, ROLES, LaunchDesign
from . import newest
from .base import Explorer
from .review_design import DesignPanel
from .review_matrix import StakeholderExplorer

#: What a learner who saved nothing sees after another learner used the same screen.
BLANK = {
    "design": asdict(AS_PLANNED),
    "matrix": {role: [None, ""] for role in ROLES},
    "reasons": {},
}


def restore_into(explorer: Explorer, saved: dict) -> str:
    """Put the saved matrix or design back into ``explorer``; say if it could not be."""
    if isinstance(explorer, StakeholderExplorer) and "matrix" in saved:
        for role, (value, note) in saved["matrix"].items():
            if role in explorer.values:
                explorer.values[role].value = value
                explorer.notes[role].value = note
    if isinstance(explorer, DesignPanel) and "design" in saved:
        try:
            explorer.set_design(LaunchDesign(**saved["design"]))
        except (TypeError, OsmosisLabError):
            return " Your saved design choices could not be restored; choose them again."
    return ""


class OnScreen:
    """The design panel and matrix ``reader`` reads: always the newest on screen that it may adopt.

    ``saved()`` is the reader's saved fields (empty before a learner opened any);
    ``changed()`` is called after the panel or matrix it reads changed.
    """

    def __init__(
        self,
        reader: object,
        panel: DesignPanel,
        matrix: StakeholderExplorer,
        *,
        saved: Callable[[], dict],
        changed: Callable[[], None],
    ) -> None:
        self.panel, self.matrix = panel, matrix
        self._reader, self._saved, self._on_change = reader, saved, changed
        self._to_refill: weakref.WeakSet = weakref.WeakSet()
        for explorer in (panel, matrix):
            newest.claim(explorer, reader)
            self._watch(explorer)
            newest.follow(type(explorer), self._watch)

    def fields(self) -> dict:
        """The design choices and the matrix entries, as the record saves them."""
        design = asdict(self.panel.design)
        design["categories"] = list(design["categories"])
        entries = {role: list(entry) for role, entry in self.matrix.entries().items()}
        return {"design": design, "matrix": entries}

    def restore(self, saved: dict) -> str:
        """Put ``saved`` into the matrix and the panel; say if the design could not be."""
        restore_into(self.matrix, saved)
        return restore_into(self.panel, saved)

    def _watch(self, explorer: Explorer) -> None:
        """Refresh when ``explorer`` changes; a newer panel or matrix replaces the old one."""
        if isinstance(explorer, DesignPanel):
            # told once per refresh, after it: watching its controls and its summary told the
            # reader twice per click, the first time (for a re-run panel) before its figures
            explorer.on_refresh(lambda e=explorer: self._changed(e))
        else:
            for control in [*explorer.controls(), explorer.summary]:
                if hasattr(control, "value") and not isinstance(control, widgets.Button):
                    control.observe(lambda _change, e=explorer: self._changed(e), names="value")
        # A re-run panel or matrix cell starts blank: once it has drawn itself, refill it from
        # the learner's saved work, so re-running a cell never makes Save overwrite what was saved.
        if self._saved() and newest.may_adopt(self._reader, explorer):
            self._to_refill.add(explorer)

    def _changed(self, explorer: Explorer) -> None:
        # called last in an explorer's refresh (its summary), so a new one is complete here
        if explorer in self._to_refill:
            self._to_refill.discard(explorer)
            restore_into(explorer, self._saved())  # its changes come back through here
        if explorer not in (self.panel, self.matrix) and newest.may_adopt(self._reader, explorer):
            newest.claim(explorer, self._reader)
            if isinstance(explorer, DesignPanel):
                self.panel = explorer
            elif isinstance(explorer, StakeholderExplorer):
                self.matrix = explorer
        if explorer in (self.panel, self.matrix):
            self._on_change()
