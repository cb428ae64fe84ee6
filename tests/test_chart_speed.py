"""Charts skip what altair does on every chart that no lesson needs, and are still altair's charts.

``osmosis_lab.charts.speed`` keeps altair's class table (which ``SchemaBase.from_dict`` rebuilt
for every shorthand string, "people:Q"), keeps the layers of a layered chart without parameters
(altair deep-copied them twice at every ``+``, ``.properties()`` and ``to_dict``), leaves
out altair's check of each part as it is built, and writes a plain table's rows itself
(``tests/test_chart_rows.py``). Each test of what is skipped fails on altair's
own behaviour (``speed.disable()``); the last ones check that what every explorer shows is what
altair builds.
"""

import json

import altair as alt
import pandas as pd
import pytest
from altair.utils import schemapi
from altair.vegalite.v5.schema import core

from osmosis_lab.charts import privacy as privacy_charts
from osmosis_lab.charts import speed
from osmosis_lab.explorers.base import descendants
from sequences import CLASSES

SURVEY = pd.DataFrame(
    {"what": ["raw", "corrected"], "value": [0.4, 0.3], "low": [0.4, 0.2], "high": [0.4, 0.4]}
)
TABLE = pd.DataFrame({"n": [1, 2], "who": ["a", "b"]})


@pytest.fixture
def altairs_own():
    """altair's own behaviour for one test, then the speed-ups again."""
    speed.disable()
    yield
    speed.enable()


def _count_calls(monkeypatch, owner, name) -> list:
    calls = []
    original = getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda *a, **k: calls.append(1) or original(*a, **k))
    return calls


def test_building_charts_builds_the_class_table_at_most_once(monkeypatch):
    built = _count_calls(monkeypatch, schemapi._FromDict, "__init__")
    for _ in range(3):
        privacy_charts.survey_chart(SURVEY).to_dict(validate=False)
    assert len(built) <= 1, f"altair's class table was built {len(built)} times for 3 charts"


def test_a_shorthand_does_not_walk_every_schema_class_again(monkeypatch):
    alt.X.from_dict({"shorthand": "people:Q"}, validate=False)  # the first may walk them
    walked = _count_calls(monkeypatch, core, "_subclasses")  # VegaLiteSchema's walk
    alt.X.from_dict({"shorthand": "people:Q"}, validate=False)
    alt.Y.from_dict({"shorthand": "step:N"}, validate=False)
    assert not walked, f"altair walked its schema classes {len(walked)} times for two shorthands"


def test_after_a_new_schema_class_each_channel_finds_the_one_new_table(monkeypatch):
    """The walk ignores the channel: once a class is defined (by a notebook, or by another test
    file in the same process, as in ci87), X's new table serves Y too."""

    class DefinedBefore(alt.VegaLiteSchema):
        _schema = {"type": "string"}

    walked = _count_calls(monkeypatch, core, "_subclasses")
    alt.X.from_dict({"shorthand": "people:Q"}, validate=False)
    alt.Y.from_dict({"shorthand": "step:N"}, validate=False)
    alt.Tooltip.from_dict({"shorthand": "value:Q"}, validate=False)
    assert len(walked) == 1, f"altair walked its schema classes {len(walked)} times, not once"


def test_a_schema_class_defined_later_is_in_the_table():
    class Later(alt.VegaLiteSchema):
        _schema = {"type": "string"}

    assert Later in speed._classes(
        alt.X._default_wrapper_classes.__func__, alt.X, speed._classes_defined
    )


@pytest.mark.parametrize(
    ("channel", "given"),
    [
        (alt.X, {"shorthand": "people:Q"}),
        (alt.Y, {"shorthand": "step:N"}),
        (alt.Tooltip, {"shorthand": "value:Q"}),
        (alt.Color, {"shorthand": "count(category):N"}),
        (alt.X2, {"shorthand": "high:Q"}),
        (alt.XValue, {"value": 3}),
    ],
)
def test_a_shorthand_gives_the_channel_altair_gives(channel, given):
    ours = channel.from_dict(given, validate=False)
    altairs = speed._altairs_from_dict(channel, given, validate=False)
    assert type(ours) is type(altairs)
    assert ours.to_dict() == altairs.to_dict()


def _layered():
    bars = alt.Chart(TABLE).mark_bar().encode(x="n:Q", y="who:N")
    return (bars + bars.mark_text()).properties(width=200, description="Two bars.")


def test_a_layered_chart_without_parameters_copies_each_layer_at_most_once(monkeypatch):
    copies = []
    copy = schemapi.SchemaBase.copy

    def counted(self, deep=True, ignore=None):
        if deep is True and isinstance(self, alt.Chart):
            copies.append(1)
        return copy(self, deep, ignore)

    monkeypatch.setattr(schemapi.SchemaBase, "copy", counted)
    _layered().to_dict(validate=False)
    # once each, where altair moves their shared data set up to the layered chart
    assert len(copies) <= 2, (
        f"altair copied the two layers {len(copies)} times to build and show them"
    )


def test_layers_with_a_selection_are_combined_as_altair_combines_them(altairs_own):
    def chart():
        pick = alt.selection_point(name="pick", fields=["who"])
        bars = alt.Chart(TABLE, name="bars").mark_bar().encode(x="n:Q", y="who:N").add_params(pick)
        return (bars + bars.mark_text()).properties(width=200)

    altairs = chart().to_dict()
    speed.enable()
    assert chart().to_dict() == altairs


def test_a_wrong_part_is_still_refused_when_the_chart_is_shown():
    with pytest.raises(schemapi.SchemaValidationError):
        axis = alt.Axis(labelAngle="up")  # altair's own behaviour refuses it here
        chart = alt.Chart(TABLE).mark_bar().encode(x=alt.X("n:Q", axis=axis))
        chart.to_dict()  # what altair's renderer does before JupyterLab draws a chart


def test_a_part_is_not_checked_as_it_is_built(monkeypatch):
    checked = _count_calls(monkeypatch, schemapi.SchemaBase, "validate")
    alt.Axis(labelAngle=45)
    assert not checked, "altair checked a part against Vega-Lite's schema as it was built"


def test_a_property_is_not_checked_as_it_is_set(monkeypatch):
    checked = _count_calls(monkeypatch, schemapi, "validate_jsonschema")
    alt.Chart(TABLE).mark_bar().properties(width=300, title="Testers", description="Two bars")
    assert not checked, f"altair checked .properties() {len(checked)} times as they were set"


def test_a_wrong_property_is_still_refused_when_the_chart_is_shown():
    chart = alt.Chart(TABLE).mark_bar().encode(x="n:Q").properties(width="wide")
    with pytest.raises(schemapi.SchemaValidationError):
        chart.to_dict()


def _shown(explorer) -> str:
    outputs = [w.outputs for w in descendants(explorer.view) if hasattr(w, "outputs")]
    return json.dumps(outputs, sort_keys=True, default=str)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_explorer_shows_the_charts_altair_builds(cls, altairs_own, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # lesson 05's writer reads and writes in the working folder
    altairs = _shown(cls.with_lesson_data())
    speed.enable()
    assert _shown(cls.with_lesson_data()) == altairs
