"""A slider's readout says what its number counts, in words ("30 %", "10 people").

The readout is also what a screen reader announces (``aria-valuetext``): lesson 02's reading
rate said "30" under "People who read the form (%)" and lesson 03's class size said "10".
Each label is checked against the value at its position, moved by index as the browser does.
"""

import pytest

from osmosis_lab.explorers.consent_forms import FormExplorer
from osmosis_lab.explorers.privacy_survey import SurveyExplorer

CASES = [
    (FormExplorer.with_lesson_data, "reads", "{} %"),
    (SurveyExplorer.with_lesson_data, "class_size", "{} people"),
]


@pytest.mark.parametrize(("build", "name", "said"), CASES, ids=[c[1] for c in CASES])
def test_every_position_reads_its_number_with_its_unit(build, name, said):
    slider = getattr(build(), name)
    for index, label in enumerate(slider.labels):
        slider.index = index
        assert label == said.format(slider.value), (index, label)
        assert slider.readout == label
