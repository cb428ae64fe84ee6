"""Charts build altair's class table once, and shorthand strings still give altair's channels.

``osmosis_lab.charts.shorthand`` keeps the table ``SchemaBase.from_dict`` rebuilt for every
shorthand string ("people:Q"): about a sixth of a privacy explorer's refresh.
"""

import altair as alt
import pandas as pd
import pytest
from altair.utils import schemapi

from osmosis_lab.charts import privacy as privacy_charts
from osmosis_lab.charts import shorthand

SURVEY = pd.DataFrame(
    {"what": ["raw", "corrected"], "value": [0.4, 0.3], "low": [0.4, 0.2], "high": [0.4, 0.4]}
)


def test_building_charts_builds_the_class_table_at_most_once(monkeypatch):
    built = []
    init = schemapi._FromDict.__init__
    monkeypatch.setattr(
        schemapi._FromDict, "__init__", lambda self, classes: built.append(1) or init(self, classes)
    )
    for _ in range(3):
        privacy_charts.survey_chart(SURVEY).to_dict(validate=False)
    assert len(built) <= 1, f"altair's class table was built {len(built)} times for 3 charts"


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
    altairs = shorthand._altairs_from_dict(channel, given, validate=False)
    assert type(ours) is type(altairs)
    assert ours.to_dict() == altairs.to_dict()


def test_a_chart_from_shorthands_is_the_chart_altair_builds(monkeypatch):
    ours = privacy_charts.survey_chart(SURVEY).to_dict()
    monkeypatch.setattr(schemapi.SchemaBase, "from_dict", classmethod(shorthand._altairs_from_dict))
    assert ours == privacy_charts.survey_chart(SURVEY).to_dict()
