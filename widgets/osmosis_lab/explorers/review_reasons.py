"""The learner's reason for each checklist item: one short text box per item.

The checklist ticks itself from the design; a tick is not a judgement. So
the review writer asks, beside each item, *why* the learner's design does or
does not meet it, and saves the reasons with the review. A view only: the
items and their titles come from :data:`osmosis_lab.review.ITEM_TITLES`.

Examples
--------
>>> reasons = ChecklistReasons()
>>> reasons.boxes["privacy"].value = "epsilon 0.2 per count: one answer stays deniable"
>>> reasons.values()["privacy"]
'epsilon 0.2 per count: one answer stays deniable'
>>> reasons.set_values({"minors": "Niels must agree too"}); reasons.values()["privacy"]
''
>>> from osmosis_lab.review import CAUTIOUS, checklist
>>> reasons.show_met(checklist(CAUTIOUS))
>>> reasons.met_words()["fallback"], reasons.met_words()["privacy"]
('[x] met by your design', '[ ] not met by your design')

Beside each box, the item as the review file marks it for the design on screen
(``[x]`` met, ``[ ]`` not met, in words too), so a learner writes the reason
for what the file says, and sees it change as the design changes.
"""

import html

import ipywidgets as widgets

from ..review import ITEM_TITLES, ChecklistItem
from . import text_boxes

#: What the file's tick means, beside each reason box.
MET, NOT_MET = "[x] met by your design", "[ ] not met by your design"


class ChecklistReasons:
    """One text box per checklist item, in checklist order (``boxes[key]``)."""

    def __init__(self) -> None:
        self.boxes = {
            key: text_boxes.Text(
                description=f"Why: {title}",
                placeholder="why your design meets this, or why not (one line)",
                # wide enough for the longest title whole ("Why: People who never signed up")
                style={"description_width": "19em"},
                layout=widgets.Layout(width="46em"),
            )
            for key, title in ITEM_TITLES.items()
        }
        # the mark and the file's own line under each box: why an item is not met is read, not
        # hidden in a tooltip (w40 saw "[ ] not met" beside a safeguard she had chosen)
        self.met = {key: widgets.HTML(layout=widgets.Layout(width="46em")) for key in ITEM_TITLES}
        self._marks = dict.fromkeys(ITEM_TITLES, "")
        intro = widgets.HTML(
            "<p>The checklist ticks itself from your design. A tick is not a reason: say, "
            "for each item, why your design meets it or why you accept that it does not.</p>"
        )
        wrap = widgets.Layout(flex_flow="row wrap")  # the line goes under its box
        rows = [widgets.HBox([self.boxes[key], self.met[key]], layout=wrap) for key in ITEM_TITLES]
        self.view = widgets.VBox([intro, *rows])

    def values(self) -> dict[str, str]:
        """The reasons as plain data, one per item key."""
        return {key: box.value for key, box in self.boxes.items()}

    def set_values(self, saved: dict) -> None:
        """Refill the boxes from saved reasons; an item missing from ``saved`` is emptied."""
        for key, box in self.boxes.items():
            value = saved.get(key, "")
            box.value = value if isinstance(value, str) else ""

    def show_met(self, items: list[ChecklistItem]) -> None:
        """Show beside each box whether its item is met (``items``: :func:`~osmosis_lab.review.
        checklist` of the design on screen, in :data:`ITEM_TITLES` order)."""
        for key, item in zip(ITEM_TITLES, items, strict=True):
            self._marks[key] = words = MET if item.done else NOT_MET
            self.met[
                key
            ].value = f"<small><strong>{words}</strong>: {html.escape(item.text)}</small>"

    def met_words(self) -> dict[str, str]:
        """What each item's mark says, as plain text (empty before :meth:`show_met`)."""
        return dict(self._marks)
