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
"""

import ipywidgets as widgets

from ..review import ITEM_TITLES
from . import text_boxes


class ChecklistReasons:
    """One text box per checklist item, in checklist order (``boxes[key]``)."""

    def __init__(self) -> None:
        self.boxes = {
            key: text_boxes.Text(
                description=f"Why: {title}",
                placeholder="why your design meets this, or why not (one line)",
                style={"description_width": "17em"},
                layout=widgets.Layout(width="46em"),
            )
            for key, title in ITEM_TITLES.items()
        }
        intro = widgets.HTML(
            "<p>The checklist ticks itself from your design. A tick is not a reason: say, "
            "for each item, why your design meets it or why you accept that it does not.</p>"
        )
        self.view = widgets.VBox([intro, *self.boxes.values()])

    def values(self) -> dict[str, str]:
        """The reasons as plain data, one per item key."""
        return {key: box.value for key, box in self.boxes.items()}

    def set_values(self, saved: dict) -> None:
        """Refill the boxes from saved reasons; an item missing from ``saved`` is emptied."""
        for key, box in self.boxes.items():
            value = saved.get(key, "")
            box.value = value if isinstance(value, str) else ""
