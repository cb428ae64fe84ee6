"""The class poll, the learner's side: answer privately, flip a coin once, send only the result.

The coin comes from the operating system's randomness (:mod:`secrets`), never
from the lesson's seeded ``rng``: a seeded coin would land the same way for all
30 learners, and anyone who knew the seed could undo every answer. It is
flipped once per question: what is kept is the *answer to send* (a token such
as ``Q1-YES``), never the true answer and never the coin, so the saved file
tells nobody more than the token itself. Re-running the cell or restarting the
kernel shows the same token and never draws again.

Kept where: in the learner's record (:class:`~osmosis_lab.records.RecordStore`,
section ``class_poll``, ``{"Q1": {"send": "Q1-YES"}}``) if they gave a name, else in a small file next to the
notebook named after the question (``osmosis_poll_q1.txt``).

Examples
--------
>>> import shutil, tempfile
>>> folder = tempfile.mkdtemp()
>>> poll = ClassPoll(folder=folder)
>>> poll.answer.value = "No"
>>> poll.flip.click()
>>> poll.to_send.value.count("Q1-")
1
>>> shutil.rmtree(folder)
"""

from __future__ import annotations

import html
import re
import secrets
import tempfile
from fractions import Fraction
from pathlib import Path

import ipywidgets as widgets

from ..errors import RecordError
from ..privacy.chances import epsilon_words
from ..privacy.poll import (
    DEFAULT_TRUTH_PROBABILITY,
    OFFERED_TRUTH_PROBABILITIES,
    answer_to_send,
    epsilon_of,
    token_for,
)
from ..records import RecordStore, read_text_if_present, write_text_atomically
from ..teacher.questions import NEVER_ASK, load_poll_questions
from . import controls, text_boxes
from .base import Explorer

SECTION = "class_poll"
#: Why Flip my coin is disabled once the coin is flipped (its tooltip, and said under it).
FLIPPED_ONCE = (
    "Your coin is flipped once per question: a second flip would let someone compare your answers."
)
FLIP_TOOLTIP = "Flip my coin once for this question; only the answer to send is kept."
ANSWERS = ("Yes", "No", "I'd rather not take part")
_TOKEN = re.compile(r"^Q\d+-(YES|NO|PASS)$")


def os_coin(truth_probability: Fraction) -> bool:
    """True ("send the truth") with chance exactly ``truth_probability``, from the OS's randomness.

    :func:`secrets.randbelow` reads the operating system's generator (``os.urandom``);
    no seed, no numpy, no state a lesson could reset.
    """
    return secrets.randbelow(truth_probability.denominator) < truth_probability.numerator


class PollKeeper:
    """Where one learner's tokens are kept: their record if named, else a file per question."""

    def __init__(self, folder: str | Path, name: str = "") -> None:
        self.folder = Path(folder)
        self.name = " ".join(name.split())

    def _file(self, question: int) -> Path:
        return self.folder / f"osmosis_poll_q{int(question)}.txt"

    def get(self, question: int) -> str | None:
        """The token already chosen for ``question``, or None.

        Raises
        ------
        RecordError
            What is saved is not a token: it is left as it is, and no new coin is flipped.
        """
        if self.name:
            kept = RecordStore(self.folder).load(self.name).get(SECTION, {}).get(f"Q{question}")
            token = kept.get("send") if isinstance(kept, dict) else kept
        else:
            text = read_text_if_present(self._file(question))
            token = None if text is None else text.strip()
        if token is not None and not (isinstance(token, str) and _TOKEN.match(token)):
            raise RecordError(
                f"Your saved answer for question {question} is damaged, so no new coin is "
                "flipped (two flips would undo your protection). Ask your teacher."
            )
        return token

    def put(self, question: int, token: str) -> Path:
        """Keep ``token`` for ``question`` (atomically; other questions are untouched)."""
        if self.name:
            store = RecordStore(self.folder)
            fields = dict(store.load(self.name).get(SECTION, {}))
            fields[f"Q{question}"] = {"send": token}  # shaped like an answer, for the export
            return store.save(self.name, SECTION, fields)
        return write_text_atomically(self._file(question), token + "\n")


def _coin_label(p: Fraction) -> str:
    return f"truth {p.numerator} in {p.denominator} (ε = {epsilon_words(epsilon_of(p))})"


class ClassPoll(Explorer):
    """Pick the teacher's question, answer privately, flip once, read the answer to send."""

    def __init__(self, *, folder: str | Path, questions_file: str | Path | None = None) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.questions = {q.number: q for q in load_poll_questions(questions_file)}
        self.name = text_boxes.Text(
            description="Name (optional)", placeholder="keeps your coin in your record",
            style={"description_width": "initial"},
        )  # fmt: skip
        self.question = controls.ToggleButtons(
            options=[(str(n), n) for n in self.questions], description="Question",
            tooltips=[q.text for q in self.questions.values()],
            style={"description_width": "initial", "button_width": "3em"},
        )  # fmt: skip
        self.coin = controls.ToggleButtons(
            options=[(_coin_label(p), p) for p in OFFERED_TRUTH_PROBABILITIES],
            value=DEFAULT_TRUTH_PROBABILITY, description="Coin (your teacher says)",
            style={"description_width": "initial", "button_width": "14em"},
        )  # fmt: skip
        self.answer = controls.ToggleButtons(
            options=ANSWERS, value=None, description="Your true answer (private)",
            style={"description_width": "initial", "button_width": "14em"},
        )  # fmt: skip
        self.flip = widgets.Button(
            description="Flip my coin", button_style="primary", tooltip=FLIP_TOOLTIP
        )
        self.question_text = widgets.HTML()
        self.to_send = widgets.HTML()
        self.status = widgets.HTML()
        self._assemble(
            [self.name, self.question, self.coin],
            extra=[self.question_text, self.answer, self.flip, self.to_send, self.status],
        )
        self.flip.on_click(lambda _button: self.send())
        # no chart here: its empty area left a blank gap under the answer to send, like one not drawn
        self.chart.layout.display = "none"
        self.refresh()

    @classmethod
    def with_lesson_data(cls, *, folder: str | Path | None = None) -> ClassPoll:
        """As the lesson builds it; without ``folder``, a fresh folder (tests never touch a real coin)."""
        return cls(folder=folder if folder is not None else tempfile.mkdtemp(prefix="poll-"))

    def keeper(self) -> PollKeeper:
        """Where this learner's answers to send are kept."""
        return PollKeeper(self.folder, self.name.value)

    def send(self) -> None:
        """Flip the coin for the chosen question (once ever) and show the answer to send."""
        q = self.question.value
        try:
            if self.keeper().get(q) is None:
                if self.answer.value is None:
                    self.status.value = "<p>Choose your true answer first; nobody sees it.</p>"
                    return
                if self.answer.value == ANSWERS[2]:
                    sent = None  # no coin: nothing to protect, and "pass" is counted apart
                else:
                    truth = self.answer.value == "Yes"
                    sent = answer_to_send(truth, coin_says_truth=os_coin(self.coin.value))
                self.keeper().put(q, token_for(q, sent))
                self.answer.value = None  # the screen no longer shows the true answer
        except RecordError as error:
            self.status.value = f"<p><strong>Not flipped.</strong> {html.escape(str(error))}</p>"
            return
        self.refresh()
        if self.flip.disabled:
            # a disabled button drops the keyboard focus to the top of the page; the name box
            # (the poll's first control: Tab goes on to the next question) keeps it in the poll
            self.name.focus()

    def refresh(self) -> None:
        """Show the question and, once flipped, only the answer to send."""
        q = self.questions[self.question.value]
        warning = "" if q.vetted else f"<p><em>Not from the vetted list. {NEVER_ASK}</em></p>"
        self.question_text.value = f"<p><strong>{html.escape(q.text)}</strong></p>{warning}"
        try:
            token = self.keeper().get(q.number)
        except RecordError as error:
            self.to_send.value, token = "", None
            self.status.value = f"<p>{html.escape(str(error))}</p>"
        else:
            self.status.value = ""
        # a flipped question's button is disabled, and says why: pressing it again did
        # nothing, silently, which reads as broken
        self.flip.disabled = token is not None
        self.flip.tooltip = FLIPPED_ONCE if token is not None else FLIP_TOOLTIP
        if token is None:
            self.to_send.value = ""
            line = "Not flipped yet: choose your answer, then press Flip my coin (once)."
        else:
            word = {"YES": "Yes", "NO": "No", "PASS": "Pass"}[token.split("-")[1]]
            self.to_send.value = (
                f'<p style="font-size:3em;font-weight:bold;margin:0.2em 0">{word}</p>'
                f"<p>Send <code>{token}</code>. It is fixed: running this again shows the same. "
                f"{html.escape(FLIPPED_ONCE)}</p>"
            )
            line = f"Answer to send for question {q.number}: {word} ({token})."
        self.summary.value = f'<p class="osmosis-text-equivalent">{html.escape(line)}</p>'
