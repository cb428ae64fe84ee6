"""What lesson 05's review writer says: every status line and the summary, in one place.

The writer (:mod:`.review_writer`) decides *when* to say something; this module decides
*what* is said, so each sentence a learner reads can be read, and checked, beside the
others. Names and paths come in as plain text and are escaped here, once.

>>> print(not_saved_empty(words=12))
<p><strong>Not saved:</strong> the text box is empty, and your saved review has 12 words. It is unchanged. To empty it on purpose, press <em>Clear my review</em>.</p>
>>> print(summary(words=1, state="saved", reasons_given=0, reasons=4))
<p class="osmosis-text-equivalent">Your review has 1 word, saved. 0 of 4 checklist reasons given.</p>
"""

import html
from pathlib import Path

from ..check.quoting import quoted


def status(message: str) -> str:
    """A status line (shown in a LiveText, which reads it out when it changes)."""
    return f"<p>{message}</p>"


def _name(name: str) -> str:
    return html.escape(name)


def _file(path: Path | None) -> str:
    return f"<code>{html.escape(str(path))}</code>"


# -- opening -------------------------------------------------------------------------------------


def not_opened_signed_in(signed_in: str) -> str:
    return status(
        f"<strong>Not opened:</strong> {_name(signed_in)} is signed in in this notebook, so "
        "this is their review. To write as someone else, choose <em>Kernel → Restart Kernel "
        "and Run All Cells</em>, then sign in at the top."
    )


def not_switched() -> str:
    return status(
        "<strong>Not switched:</strong> the review on screen has changes that are not saved. "
        "Save them (or Clear) first, then open another name."
    )


def not_opened(error: Exception) -> str:
    return status(f"<strong>Not opened:</strong> {html.escape(str(error))}")


#: Opened here with nobody signed in at the top: the rest of the lesson does not know the name
#: (after a restart, a learner who went straight to this box found the panel hidden again behind
#: the prediction they had answered, and the reflection "not kept": w45).
ALSO_SIGN_IN = (
    " Sign in at the top of the lesson with the same name too: your prediction, answers and "
    "reflections come back there."
)


def opened(*, found: bool, path: Path | None, notes: str, signed_in: bool = True) -> str:
    """After opening: whether a saved review came back, and where the file is.

    >>> "Sign in at the top" in opened(found=True, path=None, notes="", signed_in=False)
    True
    """
    said = "Your saved review is back" if found else "Nothing saved under this name yet"
    also = "" if signed_in else ALSO_SIGN_IN
    return status(f"<strong>{said}</strong> (file {_file(path)}).{notes}{also}")


# -- saving and clearing -------------------------------------------------------------------------


def not_saved_no_name() -> str:
    return status(
        "<strong>Not saved:</strong> type your name or pseudonym above and press <em>Open my "
        "review</em> first, so your review is kept as yours."
    )


def not_saved_other_name(learner: str) -> str:
    return status(
        f"<strong>Not saved:</strong> the open review is {_name(learner)}'s, but the name box "
        f"says another name. Press <em>Open my review</em> to switch, or type {_name(learner)} "
        "back to save it."
    )


def not_saved_empty(*, words: int) -> str:
    return status(
        "<strong>Not saved:</strong> the text box is empty, and your saved review has "
        f"{words} words. It is unchanged. To empty it on purpose, press <em>Clear my "
        "review</em>."
    )


def not_saved_error(error: Exception) -> str:
    return status(
        f"<strong>Not saved:</strong> {html.escape(str(error))} Copy the preview below into a "
        "file meanwhile."
    )


def saved(path: Path | None, *, repaired: bool) -> str:
    note = " A broken character (half an emoji) was replaced by �." if repaired else ""
    return status(
        f"<strong>Saved</strong> to {_file(path)} on the machine that runs this notebook; "
        "nothing was sent anywhere. On Binder or a JupyterHub, download it from the file "
        f"browser to keep it.{note}"
    )


def ask_to_clear(*, opened: bool) -> str:
    if not opened:
        return status("Nothing to clear: open your review first.")
    return status(
        "Press <em>Yes, clear it</em> to empty your saved review text, or <em>No, keep it</em>."
    )


def kept() -> str:
    return status("Kept: nothing was cleared.")


def cleared_nothing_saved() -> str:
    return status(
        "<strong>Cleared:</strong> the text box is empty. Nothing was saved, so no file changed."
    )


def not_cleared() -> str:
    return status(
        "<strong>Not cleared:</strong> your saved review could not be read back, so nothing was "
        "changed. Press <em>Save my review</em> to save what is on screen instead."
    )


# -- after "Delete my saved work" signed the learner out -------------------------------------------

#: Why nothing is kept after a sign-out: the words of :func:`signed_out`, :func:`not_saved_signed_out`.
_SIGN_IN_AGAIN = (
    "Nothing on screen here is saved any more, and Save writes nothing: to keep this review "
    "again, sign in at the top of the lesson (<em>Open my work</em>), then press "
    "<em>Save my review</em>."
)


def signed_out(learner: str) -> str:
    """The writer's status once the learner whose review was open is signed out (by Delete)."""
    return status(
        f"<strong>Signed out:</strong> {_name(learner)} is no longer signed in (after "
        f"<em>Delete my saved work</em>). {_SIGN_IN_AGAIN}"
    )


def not_saved_signed_out(learner: str) -> str:
    return status(f"<strong>Not saved:</strong> {_name(learner)} is signed out. {_SIGN_IN_AGAIN}")


def not_opened_signed_out(learner: str) -> str:
    return status(
        f"<strong>Not opened:</strong> {_name(learner)} was signed out here (after "
        "<em>Delete my saved work</em>). Sign in at the top of the lesson again first."
    )


#: The summary's state after a sign-out.
SIGNED_OUT_STATE = "not saved: you are signed out"


def cleared(path: Path | None) -> str:
    return status(f"<strong>Cleared:</strong> your saved review text is empty now ({_file(path)}).")


# -- the summary under the box -------------------------------------------------------------------


def summary(
    *,
    words: int,
    state: str,
    reasons_given: int,
    reasons: int,
    switch_to: str = "",
    path: Path | None = None,
) -> str:
    """The text equivalent under the box: words, saved or not, reasons given, where the file is."""
    more = f" {reasons_given} of {reasons} checklist reasons given."
    if switch_to:
        more += f" Press Open my review to switch to {quoted(_name(switch_to))}."
    where = f" The file is {_file(path)}, on the machine that runs this notebook." if path else ""
    return (
        f'<p class="osmosis-text-equivalent">Your review has {words} '
        f"word{'' if words == 1 else 's'}, {state}.{more}{where}</p>"
    )


def not_opened_state(typed: str) -> str:
    """The summary's state before a review is opened."""
    then = f", then press Open my review to open {quoted(_name(typed))}" if typed else ""
    return f"not opened yet: give your name or pseudonym first{then}"


def preview(markdown: str) -> str:
    """The folded preview of the file Save writes."""
    return (
        "<details><summary>Preview of the file (your choices, the figures, the matrix, "
        "the checklist and your text)</summary><pre style='white-space:pre-wrap'>"
        f"{html.escape(markdown)}</pre></details>"
    )
