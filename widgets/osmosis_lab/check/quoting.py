"""How a reply quotes what a learner typed or picked: between typographic quotes “…”, the
quotes the module's replies use everywhere (never Python's ``repr``, which quoted a pick
with an apostrophe as "Léopold's" and every other one as 'a few').

The text goes between the quotes as it is: a quote inside it is not escaped, since a
reader reads the words, not code.

Examples
--------
>>> print(quoted("a few"), quoted("Léopold's"), quoted('say "no"'))
“a few” “Léopold's” “say "no"”
>>> print(quoted("x" * 300, short=5))
“xxxxx…”
"""


def quoted(text: str, *, short: int | None = None) -> str:
    """``text`` between “ and ”; longer than ``short`` characters, its start only, then "…"
    (the whole text is in the box already)."""
    if short is not None and len(text) > short:
        text = text[:short] + "…"
    return f"“{text}”"
