"""Explorers left on screen by a kernel that restarted or died look and behave stopped.

After Kernel > Restart, or a kernel that died and was restarted by the server, JupyterLab 4.6
keeps every widget view drawn in the outputs, exactly as alive as before; but nothing the
learner drags or presses reaches the new kernel, and nothing said why (issue 12's browser
walk). ipywidgets 8.1.9's widget manager does mark them: on the kernel's ``restarting``
status it sets ``comm_live = false`` on every model, and every view of it gets the class
``jupyter-widgets-disconnected`` (a new view of a live model never has it). Its own style for
that class only draws a broken-link icon before each view, a dozen of them per explorer, with
no words.

:data:`RULE` is this module's one rule for those views, shipped with the package (so it works
wherever the lessons run: ``make lab``, Binder, the school hub, a plain ``pip`` install, with
no lab setting): the outermost stopped view of an output says :data:`MESSAGE` in place of the
icons (CSS generated text, which screen readers read as the view's first text), and everything
inside it is greyed, cannot be clicked, and is inert where the browser supports CSS
``interactivity`` (Chromium 135+: out of the Tab order and of the accessibility tree); where it
does not, its controls are hidden instead, so no browser leaves a dead control operable.

A page needs the rule once: every explorer (:class:`.base.Explorer`), answer control and
sign-in box carries it in a hidden :func:`carrier`, so any lesson has it from its sign-in cell
on. The carrier's browser side (``stopped.js``) puts the rule in the page's ``<head>`` and adds
one polite live region to the page, which says :data:`MESSAGE` when views become stopped: the
generated text is read only when a screen reader reaches a view, and nothing announced the
restart itself (w48). Once per page, not once per explorer: a restart stops every view at once,
and twenty announcements would bury the message. Both live outside every view, so they work
after the restart, when the kernel side is gone.

A click on a stopped view reached no control, but JupyterLab's notebook took it: it selected and
focused the cell in command mode, and the letters typed next ran its shortcuts ("d d" deleted the
cell, issue 12). ``stopped.js`` stops clicks and keys on a stopped view before JupyterLab sees
them, moves the focus to the view (its first words are :data:`MESSAGE`) and says it again.

Not covered: after Kernel > Shut Down the widget manager marks nothing (no ``restarting``
status), and after a page reload the old outputs are ipywidgets' own "Error displaying
widget: model not found" (no view to mark, and no live view to carry this rule).

Examples
--------
>>> "This explorer stopped with the kernel." in RULE
True
>>> box = carrier()
>>> box.layout.display, box.rule == RULE, box.message == MESSAGE
('none', True, True)
"""

from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets

#: What a stopped explorer says, in the words of JupyterLab's menus. Not "run its cell again": after a
#: restart the lesson's setup cell has not run, and that cell alone fails with a NameError (w45).
#: It names what comes back: a learner who had set lesson 05's design panel and never saved the
#: review read "what you saved comes back" as her choices, and found them back at the plan (w50).
MESSAGE = (
    "This explorer stopped with the kernel. Run > Run All Cells starts the lesson again; sign in, "
    "and the answers you checked and the work you saved come back. Explorers start afresh."
)
#: The class ipywidgets 8 puts on every view whose model lost its kernel (``comm_live`` false).
DISCONNECTED = "jupyter-widgets-disconnected"
#: The outermost stopped view: nested views carry the class too, and the message is said once.
_OUTER = f".jupyter-widgets-disconnected:not(.{DISCONNECTED} *)"
_CONTROLS = "button, input, select, textarea, [tabindex], .noUi-handle"

RULE = (
    # ipywidgets' broken-link icon on every nested view: replaced by the one message below
    f".{DISCONNECTED} .{DISCONNECTED}::before {{ content: none; }}"
    f' {_OUTER}::before {{ content: "{MESSAGE}"; display: block; margin: 0 0 6px;'
    " padding: 6px 10px; font: inherit; font-weight: bold; white-space: normal;"
    " color: var(--jp-ui-font-color0, #000); background: var(--jp-warn-color3, #fff3cd);"
    " border-left: 4px solid var(--jp-warn-color0, #b35900); }"
    # the message stays readable; what is under it is visibly and really stopped
    f" {_OUTER} > * {{ opacity: 0.45; filter: grayscale(1); pointer-events: none;"
    " user-select: none; interactivity: inert; }"
    f" @supports not (interactivity: inert) {{ {_OUTER} :is({_CONTROLS})"
    " { visibility: hidden; } }"
)


class Carrier(anywidget.AnyWidget):
    """Brings :data:`RULE` and the announcement of :data:`MESSAGE` to the page (``stopped.js``)."""

    _esm = (Path(__file__).parent / "stopped.js").read_text(encoding="utf-8")
    rule = traitlets.Unicode(RULE).tag(sync=True)
    message = traitlets.Unicode(MESSAGE).tag(sync=True)  # the one wording, also in RULE


def carrier() -> Carrier:
    """A hidden :class:`Carrier`: what it brings applies to the whole page, not to its view."""
    return Carrier(layout=widgets.Layout(display="none"))
