"""Osmosis Ethics Lab: the engines, data, charts, checks and explorers behind the lessons.

The package is layered; each layer imports only the layers above it:

engines (``matching``, ``consent``, ``privacy``, ``trust``)
    plain functions over plain data; numpy and pandas only.
data (``data``)
    the synthetic "Osmosis beta" data set: seeded generator, schemas, loaders.
charts (``charts``)
    altair chart builders with accessible descriptions.
checks (``check``)
    self-checks for lesson exercises.
explorers (``explorers``)
    one ipywidgets view per interactive toy.

Nothing is imported eagerly here, so ``import osmosis_lab.matching`` stays light.
"""

__version__ = "0.1.0"
