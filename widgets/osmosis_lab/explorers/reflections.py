"""A kept reflection: the prompt, the learner's text, a "may be shown" choice, Save.

The text is kept in the signed-in learner's record (section ``"reflections"``,
keyed by the prompt's id), so it comes back after a restart and sign-in, and
leaves the machine only in an export the learner makes. "May be shown to the
class without my name" is unticked until the learner ticks it: the teacher's
view shows a reflection to the class only then. An empty box is never saved (it
says there is nothing to save yet, or that the saved reflection is unchanged), and
nothing is saved before a sign-in (the text stays on screen and the status says
what to do).

Examples
--------
>>> import shutil, tempfile
>>> from osmosis_lab.explorers import my_work
>>> folder = tempfile.mkdtemp()
>>> door = my_work.sign_in("00_start_here", folder=folder)
>>> door.name.value = "Zoé"
>>> door.open.click()
>>> box = my_work.reflection("00_refuse_first", "Which category would you refuse first?")
>>> box.text.value = "Subconscious signals: I cannot even know what they show."
>>> box.save.click()
>>> my_work.current_store().load("zoé")["reflections"]["00_refuse_first"]["may_show"]
False
>>> my_work.sign_out()
>>> shutil.rmtree(folder)
"""

import html

import ipywidgets as widgets

from ..errors import RecordError
from ..records import repair_surrogates
from . import my_work, text_boxes
from .late_keystrokes import Press
from .live import LiveText
from .my_work import REFLECTIONS


def saved_words(may_show: bool) -> str:
    """Who may see a saved reflection, in words that cannot be read the other way.

    >>> print(saved_words(False))
    Your teacher may read it but will not show it to the class.
    >>> print(saved_words(True))
    Your teacher may show it to the class, without your name.
    """
    if may_show:
        return "Your teacher may show it to the class, without your name."
    return "Your teacher may read it but will not show it to the class."


class Reflection:
    """One reflection prompt. Public children: ``text``, ``may_show``, ``save``, ``status``."""

    def __init__(self, prompt_id: str, prompt_text: str) -> None:
        self.prompt_id, self.prompt_text = prompt_id, prompt_text
        self._last_save: Press | None = None  # what the last Save kept (see .late_keystrokes)
        prompt = widgets.HTML(f"<p><strong>{html.escape(prompt_text)}</strong></p>")
        self.text = text_boxes.Textarea(
            description="My reflection",
            placeholder="About a character or hypothetically: no real personal details needed.",
            layout=widgets.Layout(width="46em", height="7em"),
            style={"description_width": "8em"},
        )
        self.may_show = widgets.Checkbox(
            value=False,
            description="May be shown to the class without my name",
            indent=False,
            layout=widgets.Layout(width="auto"),  # the whole sentence: never cut off
        )
        self.save = widgets.Button(
            description="Save my reflection",
            button_style="primary",
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        self.status = LiveText()
        self.view = widgets.VBox([prompt, self.text, self.may_show, self.save, self.status])
        self.save.on_click(lambda _button: self.keep())
        # every change is answered, for screen readers: nothing is kept until Save
        self.text.observe(lambda _change: self._typed(), names="value")
        self.may_show.observe(lambda _change: self._unsaved(self._showing()), names="value")
        my_work.follow(self)
        self.on_sign_in()

    def _on_screen(self) -> dict:
        return {"text": self.text.value, "may_show": self.may_show.value}

    def _typed(self) -> None:
        # the last letters typed before Save, arriving after it: they belong to that Save
        if self._last_save is not None and self._last_save.completed_by(self._on_screen()):
            self.keep(same_press=True)
        else:
            self._unsaved("Not saved yet")

    def _showing(self) -> str:
        return saved_words(self.may_show.value).removesuffix(".")

    def _unsaved(self, what: str) -> None:
        self.status.value = f"{what}: press <em>Save my reflection</em> to keep it."

    def _kept(self) -> dict:
        store, learner = my_work.current_store(), my_work.current_learner()
        return store.load(learner).get(REFLECTIONS, {}) if learner else {}

    def on_sign_in(self) -> None:
        """Bring the kept reflection back (never over text typed on screen)."""
        if my_work.current_learner() is None:
            self.status.value = (
                f"Not kept yet: sign in above, then press Save. {my_work.AFTER_RESTART}"
            )
            return
        try:
            kept = self._kept().get(self.prompt_id)
        except RecordError as error:
            self.status.value = f"<strong>Not opened:</strong> {html.escape(str(error))}"
            return
        if kept and not self.text.value.strip():
            self.text.value, self.may_show.value = kept.get("text", ""), kept.get("may_show", False)
            self.status.value = "Your saved reflection is back."
        elif kept and kept.get("text") != self.text.value:
            self.status.value = (
                "You have a saved reflection, different from the text on screen: Save replaces it."
            )
        else:
            self.status.value = "Type your reflection, then press Save."

    def _nothing_to_save(self, kept: dict) -> None:
        """An empty box is never saved: it would say "Saved" and keep nothing worth keeping
        (w43), or replace a saved reflection with nothing."""
        # letters typed before this press that reach the kernel after it belong to it (see
        # .late_keystrokes): more spaces answer the same, letters save (w47 saw a late space turn
        # this answer into "Not saved yet: press Save" just after the press)
        self._last_save = Press(self._on_screen())
        if str(kept.get(self.prompt_id, {}).get("text", "")).strip():
            self.status.value = (
                "<strong>Not saved:</strong> the box is empty and your saved reflection is "
                "not. It is unchanged."
            )
            return
        self.status.value = (
            "<strong>Nothing to save yet:</strong> type your reflection in the box first, "
            "then press <em>Save my reflection</em>."
        )

    def keep(self, *, same_press: bool = False) -> None:
        """Save the text and the choice in the learner's record; say what happened.

        ``same_press``: the save completes the last Save with letters typed before it.
        """
        if my_work.current_learner() is None:
            still = " Your text is still here." if self.text.value.strip() else ""
            self.status.value = (
                "<strong>Not saved:</strong> sign in above first (<em>Your name or pseudonym</em>, "
                f"then <em>Open my work</em>).{still}"
            )
            return
        text = repair_surrogates(self.text.value)
        try:
            kept = self._kept()
            if not text.strip():
                return self._nothing_to_save(kept)
            entry = {"prompt": self.prompt_text, "text": text, "may_show": self.may_show.value}
            my_work.current_store().save(
                my_work.current_learner(), REFLECTIONS, {**kept, self.prompt_id: entry}
            )
        except RecordError as error:
            self.status.value = (
                f"<strong>Not saved:</strong> {html.escape(str(error))} Your text is still here."
            )
            return
        self._last_save = (
            self._last_save.completed(self._on_screen()) if same_press else Press(self._on_screen())
        )
        my_work.changed()
        self.status.value = (
            "<strong>Saved</strong> on this machine. It leaves it only if you export it. "
            + saved_words(self.may_show.value)
        )

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)
