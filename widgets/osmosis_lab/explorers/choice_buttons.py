"""Choice buttons a screen reader can read and the keyboard can operate: WAI-ARIA groups.

ipywidgets 8.1's ``ToggleButtons`` shows which option is chosen only by colour (the class
``mod-active``): no ``aria-checked``, no group role or group name, and every button is its
own Tab stop, so a screen-reader user cannot tell what is selected (issue 12's browser walk).
:class:`ToggleButtons` keeps ipywidgets' Python interface as the lessons use it and draws the
radio group pattern of the WAI-ARIA Authoring Practices (``choice_buttons.js``, shipped inside
the package, so it works with no network):

- a ``role="radiogroup"`` named by the visible description (``aria-labelledby``);
- each option a ``role="radio"`` button with ``aria-checked`` and its tooltip as ``title``;
- one Tab stop per group (the chosen option, or the first when none is), and ← → ↑ ↓ Home
  End move *and* choose, as native radio buttons do; Space and Enter choose the focused one.
  Those keys stay with the group, so JupyterLab's notebook shortcuts never see them;
- the chosen option is highlighted and carries a check mark and a bold border, not only a
  colour (WCAG 1.4.1); a disabled group greys out and takes no key or click.

:class:`PickButtons` is the same row for "pick all that apply" (an answer of kind ``picks``),
where plain ``ToggleButton`` widgets said "picked" only by a "✓" in their name (w48). Several
options may be on at once, which a radio group cannot say, and each is on or off for itself:
that is the checkbox pattern, so the row is a ``role="group"`` named by its description and
each option a ``role="checkbox"`` button with ``aria-checked`` (a screen reader says "Niels,
checkbox, checked"; ``aria-pressed`` would say "toggle button, pressed", the words of a
tool's on/off switch, not of an answer's options). As native checkboxes, each option is its
own Tab stop and Space (or Enter, a button's own key) turns it on or off; arrows do nothing.

The browser talks in positions (``index``; ``indexes`` for picks), as it does for the sliders
of :mod:`.controls`; ``value`` and ``label`` follow on the Python side. A change made in
Python redraws the group.

Examples
--------
>>> picker = ToggleButtons(options=[("First side proposes", "first"), ("Other side", "second")],
...                        description="Who proposes?", tooltips=["The first side asks", "…"])
>>> picker.value, picker.label, picker.index, picker._options_labels
('first', 'First side proposes', 0, ('First side proposes', 'Other side'))
>>> picker.index = 1  # what the browser sends when a learner presses →
>>> picker.value, picker.label
('second', 'Other side')
>>> unanswered = ToggleButtons(options=["Yes", "No"], value=None, description="Your call")
>>> unanswered.index is None, unanswered.label is None
(True, True)
>>> unanswered.value = "No"
>>> unanswered.index
1
>>> unanswered.options = ["A", "B", "C"]  # new options: the first is chosen, as in ipywidgets
>>> unanswered.value, unanswered.index
('A', 0)
>>> sized = ToggleButtons(options=["a"], style={"description_width": "initial", "button_width": "9em"})
>>> sized.description_width, sized.button_width
('initial', '9em')
>>> picks = PickButtons(options=[("Niels", "n"), ("His mother", "m"), ("Billie", "b")])
>>> picks.indexes, picks.value  # nothing picked yet
((), ())
>>> picks.indexes = [2, 0]  # what the browser sends: Space on Billie, then on Niels
>>> picks.indexes, picks.value  # in the options' order, whatever the order of the clicks
((0, 2), ('n', 'b'))
>>> picks.value = ("m",)
>>> picks.indexes
(1,)
"""

from pathlib import Path

import anywidget
import traitlets

from .sent_at_once import SentAtOnce

#: The browser side, shipped inside the package (no network): the radio group and its style.
_ESM = (Path(__file__).parent / "choice_buttons.js").read_text(encoding="utf-8")
#: ipywidgets' button styles (each a ``mod-<style>`` class in its CSS).
BUTTON_STYLES = ("primary", "success", "info", "warning", "danger", "")


def _pairs(options) -> tuple[tuple[str, object], ...]:
    """(label, value) for each option: a pair as given, anything else labelled by ``str``.

    >>> _pairs(["a", ("B", 2), 3])
    (('a', 'a'), ('B', 2), ('3', 3))
    """
    return tuple(
        (str(o[0]), o[1]) if isinstance(o, tuple) and len(o) == 2 else (str(o), o) for o in options
    )


class _ChoiceRow(SentAtOnce, anywidget.AnyWidget):
    """What a radio group and a row of picks share: their options, words, look and browser side.

    A choice is sent at once (:mod:`.sent_at_once`): a Check pressed right after it judges it.

    >>> row = ToggleButtons(options=["a", "b", "c"])
    >>> row._handle_custom_msg({"event": "change", "state": {"index": 2}}, [])
    >>> row.index, row.value
    (2, 'c')
    >>> picks = PickButtons(options=["a", "b", "c"])
    >>> picks._handle_custom_msg({"event": "change", "state": {"indexes": [2, 0]}}, [])
    >>> picks.value
    ('a', 'c')
    """

    SENT_AT_ONCE = ("index", "indexes")

    _esm = _ESM
    _multiple = traitlets.Bool(False).tag(sync=True)  # the browser draws checkboxes, not radios
    _options_labels = traitlets.Tuple().tag(sync=True)  # the name ipywidgets syncs them under
    description = traitlets.Unicode("").tag(sync=True)
    tooltips = traitlets.List(traitlets.Unicode()).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    button_style = traitlets.CaselessStrEnum(BUTTON_STYLES, default_value="").tag(sync=True)
    description_width = traitlets.Unicode("").tag(sync=True)
    button_width = traitlets.Unicode("").tag(sync=True)
    options = traitlets.Any(())  # Python side only, like value and label
    _values: tuple = ()

    def __init__(self, options=(), *, style=None, **kwargs):
        for name in ("description_width", "button_width"):  # a dict, or ipywidgets' style object
            found = style.get(name) if isinstance(style, dict) else getattr(style, name, None)
            if found is not None:
                kwargs.setdefault(name, str(found))
        super().__init__(options=options, **kwargs)

    @traitlets.validate("options")
    def _as_tuple(self, proposal):
        return tuple(proposal["value"])

    @traitlets.observe("options")
    def _options_changed(self, change):
        pairs = _pairs(change["new"])
        self._values = tuple(v for _, v in pairs)
        with self.hold_sync():  # labels and chosen positions reach the browser in one message
            self._options_labels = tuple(label for label, _ in pairs)
            self._options_reset()

    def _options_reset(self) -> None:
        raise NotImplementedError

    def _name(self) -> str:
        return f"choice {self.description!r}" if self.description else "a choice"


class ToggleButtons(_ChoiceRow):
    """ipywidgets' ``ToggleButtons`` as a labelled radio group (see the module's docstring).

    ``value=None`` means nothing is chosen yet (``index`` and ``label`` are None too). Without
    ``value``, ``index`` or ``label``, the first option is chosen, as in ipywidgets.
    ``style`` takes ipywidgets' ``description_width`` and ``button_width``.
    """

    # not echoed: the browser sends a choice at once and shows it already (.sent_at_once)
    index = traitlets.Int(None, allow_none=True).tag(sync=True, echo_update=False)
    value = traitlets.Any(None, allow_none=True)
    label = traitlets.Unicode(None, allow_none=True)

    def __init__(self, options=(), *, style=None, **kwargs):
        chosen = {name: kwargs.pop(name) for name in ("value", "label", "index") if name in kwargs}
        super().__init__(options=options, style=style, **kwargs)
        if not chosen:  # nothing said: the first option, as ipywidgets does
            chosen = {"index": 0 if self._values else None}
        for name, given in chosen.items():
            setattr(self, name, given)

    def _options_reset(self) -> None:
        self.index = 0 if self._values else None
        self._follow_index(self.index)  # even when the index stays 0, the value moved

    @traitlets.validate("index")
    def _index_in_range(self, proposal):
        index = proposal["value"]
        if index is not None and not 0 <= index < len(self._values):
            raise traitlets.TraitError(
                f"{self._name()} has {len(self._values)} options: no option at index {index}"
            )
        return index

    @traitlets.validate("value")
    def _value_is_an_option(self, proposal):
        if proposal["value"] is not None and proposal["value"] not in self._values:
            raise traitlets.TraitError(
                f"{proposal['value']!r} is not one of the options of {self._name()}"
            )
        return proposal["value"]

    @traitlets.validate("label")
    def _label_is_an_option(self, proposal):
        if proposal["value"] is not None and proposal["value"] not in self._options_labels:
            raise traitlets.TraitError(
                f"{proposal['value']!r} is not a label of {self._name()}: {self._options_labels}"
            )
        return proposal["value"]

    # (not named _index_changed / _value_changed: traitlets treats those names as magic)
    @traitlets.observe("index")
    def _index_moved(self, change):
        self._follow_index(change["new"])

    @traitlets.observe("value")
    def _value_moved(self, change):
        value, index = change["new"], self.index
        if value is None or index is None or self._values[index] != value:  # keeps a repeat
            self.index = None if value is None else self._values.index(value)

    @traitlets.observe("label")
    def _label_moved(self, change):
        label, index = change["new"], self.index
        if label is None or index is None or self._options_labels[index] != label:
            self.index = None if label is None else self._options_labels.index(label)

    def _follow_index(self, index) -> None:
        # the label first, as ipywidgets does: an observer of value reads the new label
        self.label = None if index is None else self._options_labels[index]
        self.value = None if index is None else self._values[index]


class PickButtons(_ChoiceRow):
    """A row of options to pick all that apply, as a group of checkboxes (see the module's
    docstring). ``indexes`` are the picked positions and ``value`` their options, both in the
    options' order; nothing is picked at first, nor after new options.
    """

    _multiple = traitlets.Bool(True).tag(sync=True)
    indexes = traitlets.Tuple().tag(sync=True, echo_update=False)
    value = traitlets.Tuple()

    @traitlets.validate("indexes")
    def _indexes_in_range(self, proposal):
        indexes = tuple(sorted(set(proposal["value"])))
        wrong = [i for i in indexes if not isinstance(i, int) or not 0 <= i < len(self._values)]
        if wrong:
            raise traitlets.TraitError(
                f"{self._name()} has {len(self._values)} options: no option at {wrong}"
            )
        return indexes

    @traitlets.validate("value")
    def _values_are_options(self, proposal):
        wrong = [v for v in proposal["value"] if v not in self._values]
        if wrong:
            raise traitlets.TraitError(f"{wrong!r} are not options of {self._name()}")
        return tuple(v for v in self._values if v in proposal["value"])  # the options' order

    @traitlets.observe("indexes")
    def _indexes_moved(self, change):
        self.value = tuple(self._values[i] for i in change["new"])

    @traitlets.observe("value")
    def _picks_moved(self, change):
        self.indexes = tuple(i for i, v in enumerate(self._values) if v in change["new"])

    def _options_reset(self) -> None:
        self.indexes = ()
        self.value = ()
