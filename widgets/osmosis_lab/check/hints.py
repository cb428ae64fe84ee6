"""Hints are words: code appears only on a closing line for those who code.

A learner who has never written Python reads every hint in full; a line that starts
with :data:`FOR_CODERS` may add the code, between backticks, and a test runs that code
in the lesson's namespace where the exercise is (``tests/test_hint_code.py``).
"""

import html

#: Code appears in a hint only on a line that starts so: hints are words for everyone, and
#: a line for those who code may add the code, between backticks. A test runs that code in
#: the lesson's namespace where the exercise is (tests/test_hint_code.py).
FOR_CODERS = "For those who code: "


def for_coders(code: str) -> str:
    """A hint's closing line for those who code (append it to the hint's words).

    Examples
    --------
    >>> print("Count the invented testers." + for_coders("len(testers)"))
    Count the invented testers.
    For those who code: `len(testers)`
    """
    return f"\n{FOR_CODERS}`{code}`"


def hint_code(hint: str) -> list[str]:
    """The code on a hint's lines for those who code.

    Examples
    --------
    >>> hint_code("Count them." + for_coders("len(testers)"))
    ['len(testers)']
    """
    return [
        line.removeprefix(FOR_CODERS).strip().strip("`")
        for line in hint.splitlines()
        if line.startswith(FOR_CODERS)
    ]


def hint_words(hint: str) -> str:
    """A hint without its lines for those who code: what must read as plain words."""
    return "\n".join(line for line in hint.splitlines() if not line.startswith(FOR_CODERS))


def message_html(message: str) -> str:
    """A hint as HTML: a line for those who code shows its code as code, every other line text.

    >>> message_html("Count <them>." + for_coders("len(t)"))
    'Count &lt;them&gt;.<br>For those who code: <code>len(t)</code>'
    """
    lines = []
    for line in message.splitlines():
        if line.startswith(FOR_CODERS):
            code = html.escape(line.removeprefix(FOR_CODERS).strip().strip("`"))
            lines.append(f"{html.escape(FOR_CODERS)}<code>{code}</code>")
        else:
            lines.append(html.escape(line))
    return "<br>".join(lines)
