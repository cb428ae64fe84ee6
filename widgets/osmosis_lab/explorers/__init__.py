"""One ipywidgets explorer per interactive toy; each shows a chart and its text equivalent.

Explorers are imported from their modules, e.g.
``from osmosis_lab.explorers.testers import TesterExplorer``.
"""

import logging

# When the kernel lets a widget go (a re-run cell, a refreshed view), a view of it still open in
# the browser may write to it once more; the kernel drops that message and the `comm` package
# logs "No such comm: <id>" at WARNING. ipykernel forwards the kernel's stderr into the cell that
# is running, so a learner would see that line in red under an unrelated cell during Run All.
# The message is harmless by design (nothing is lost: the widget is gone), so only errors of that
# logger are shown.
logging.getLogger("Comm").setLevel(logging.ERROR)
