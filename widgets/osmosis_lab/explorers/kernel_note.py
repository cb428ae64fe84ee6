"""A cell run before its lesson's setup says what to do, in words, above Python's error.

After Kernel > Restart (or on opening a lesson and running a cell halfway down), every name the
lesson's cells made is gone: the next cell a learner runs stops with ``NameError: name 'replay'
is not defined`` and nothing else (w54). IPython loads this module as an extension in every
kernel of the lessons' environment (``deploy/ipython_kernel_config.py``, copied into
``<prefix>/etc/ipython/`` by ``make install`` and by ``postBuild``); then a ``NameError`` in a
kernel where **no lesson's setup has run** is preceded by :data:`NOTE`. Once a setup cell has
run, a ``NameError`` is the learner's own (``answer = Claire``, no quotes) and is left as
Python gives it: the note would be wrong there.

"No setup has run" is read from what the kernel imported: every lesson's first code cell
imports the package's lesson modules, and this extension imports nothing of them.

Examples
--------
>>> _setup_has_run(["osmosis_lab", "osmosis_lab.explorers", "osmosis_lab.explorers.kernel_note"])
False
>>> _setup_has_run(["osmosis_lab.explorers.answers"])
True
"""

from __future__ import annotations

import html
import sys

from IPython.display import display

NOTE = (
    "This cell needs the cells above it, and none of this notebook's cells has run since the "
    "kernel started or restarted. Run it from the top: Run > Run All Cells. Then, if the "
    "notebook has a sign-in, sign in again with the same name: the answers you kept come back."
)

#: What importing this extension itself loads: the package and this module.
_OWN = frozenset({"osmosis_lab", "osmosis_lab.explorers", __name__})


def _setup_has_run(modules) -> bool:
    """Whether any module of the package beyond this extension has been imported."""
    return any(m.startswith("osmosis_lab") and m not in _OWN for m in modules)


def _name_error(shell, etype, value, tb, tb_offset=None) -> None:
    """IPython's custom-exception handler: the note, then the usual traceback (IPython
    discards what a handler returns; the handler shows the error itself)."""
    if not _setup_has_run(list(sys.modules)):
        # as a paragraph, not printed text: a stream output wraps mid-word in JupyterLab (w55)
        display(
            {"text/plain": NOTE, "text/html": f"<p><strong>{html.escape(NOTE)}</strong></p>"},
            raw=True,
        )
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def load_ipython_extension(shell) -> None:
    """Called by IPython (``c.InteractiveShellApp.extensions``)."""
    shell.set_custom_exc((NameError,), _name_error)
