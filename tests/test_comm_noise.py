"""A browser view writing to a widget the kernel has let go prints nothing into a learner's cell."""

import io
import logging

import ipywidgets as widgets
from comm.base_comm import CommManager

import osmosis_lab.explorers  # noqa: F401 - importing the explorers sets the logger's level


def test_a_message_to_a_widget_the_kernel_let_go_is_dropped_silently():
    """The browser sends an update to a closed widget, as a view left open after a re-run does."""
    slider = widgets.IntSlider()
    comm_id = slider.comm.comm_id
    slider.close()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # what ipykernel forwards into the running cell
    logging.getLogger().addHandler(handler)
    try:
        manager = CommManager()
        message = {"content": {"comm_id": comm_id, "data": {"method": "update", "state": {}}}}
        manager.comm_msg(None, None, message)
    finally:
        logging.getLogger().removeHandler(handler)
    assert stream.getvalue() == ""


def test_errors_of_the_comm_layer_still_show():
    assert logging.getLogger("Comm").isEnabledFor(logging.ERROR)
