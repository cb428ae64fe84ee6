"""Find plot relations of the spoiler register stated outside a spoiler marker.

Used by the lesson lint (each lesson's Markdown) and by the solutions test (the text each
lesson prints when it runs, explorers included). The register is lessons/spoiler_register.yml.

>>> relation = Relation("demo", "2", ((re.compile(r"\\bLéopold\\b", re.I),), (re.compile(r"\\bLucas\\b", re.I),)))
>>> relation.stated_in("Osmosis names Léopold as Lucas's soulmate.")
True
>>> unmarked("<details><summary>Spoiler (ep. 2): Lucas</summary>Léopold and Lucas</details>")
''
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

REGISTER = Path(__file__).resolve().parents[1] / "lessons" / "spoiler_register.yml"
SPOILER_TAG = "spoiler"
_MARKED_BLOCK = re.compile(
    r"<details>\s*<summary>\s*Spoiler \((?:ep\. \d+|late in the series)\).*?</details>", re.S | re.I
)


@dataclass(frozen=True)
class Relation:
    text: str
    episode: str
    groups: tuple[tuple[re.Pattern, ...], ...]

    def stated_in(self, paragraph: str) -> bool:
        return all(any(p.search(paragraph) for p in group) for group in self.groups)


def _word(entry: str) -> re.Pattern:
    stem = re.escape(entry.rstrip("*"))
    return re.compile(rf"\b{stem}\w*" if entry.endswith("*") else rf"\b{stem}\b", re.I)


def register() -> list[Relation]:
    entries = yaml.safe_load(REGISTER.read_text(encoding="utf-8"))
    return [
        Relation(e["relation"], str(e["episode"]), tuple(tuple(map(_word, g)) for g in e["all_of"]))
        for e in entries
    ]


def unmarked(text: str) -> str:
    """``text`` without its folded "Spoiler (ep. N)" blocks."""
    return _MARKED_BLOCK.sub("", text)


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", unmarked(text)) if p.strip()]


def spoilers_in(text: str, relations: list[Relation]) -> list[tuple[str, str]]:
    """(relation, paragraph) for every registered relation a paragraph of ``text`` states."""
    return [
        (r.text, p.strip()[:160]) for p in paragraphs(text) for r in relations if r.stated_in(p)
    ]


def is_marked(cell) -> bool:
    return SPOILER_TAG in cell.metadata.get("tags", [])


def widget_texts(model_id: str, state: dict, seen: set | None = None) -> list[str]:
    """Every text a widget and its children show (values, descriptions, options), as saved state."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    values = state[model_id].get("state", {})
    texts = [
        values[k] for k in ("value", "description", "placeholder") if isinstance(values.get(k), str)
    ]
    texts += [str(label) for label in values.get("_options_labels", ())]
    for child in values.get("children", ()):
        texts += widget_texts(str(child).removeprefix("IPY_MODEL_"), state, seen)
    return texts


def output_texts(cell, state: dict) -> list[str]:
    """What a learner reads in a code cell's outputs: printed text, HTML, Markdown, widgets."""
    texts = []
    for output in cell.get("outputs", ()):
        texts.append(output.get("text", ""))
        data = output.get("data", {})
        for mime in ("text/plain", "text/html", "text/markdown"):
            if mime in data and "application/vnd.jupyter.widget-view+json" not in data:
                texts.append(str(data[mime]))
        view = data.get("application/vnd.jupyter.widget-view+json")
        if view:
            texts += widget_texts(view["model_id"], state)
    return [t for t in texts if t]
