"""One ipywidgets explorer per interactive toy; each shows a chart and its text equivalent.

Explorers are imported from their modules, e.g.
``from osmosis_lab.explorers.testers import TesterExplorer``.
"""
