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

import sys

# A faster setup cell. jsonschema, which altair imports, compiles the grammar of the optional
# package rfc3987_syntax when it is installed (jupyter_server's dependencies install it): about
# 1 s of CPU in every lesson's first cell, spent on the "iri" string formats, which neither the
# Vega-Lite schema altair validates against nor this package uses ("uri" is checked by
# rfc3986_validator, untouched). Marking it absent in this process skips that work; altair's
# validation stays on. Only done before jsonschema is loaded, so it never changes a validator
# that already exists.
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)
