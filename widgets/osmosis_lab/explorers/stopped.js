// The browser side of osmosis_lab.explorers.stopped: the stopped views' style, and one polite
// announcement per page when a kernel restart leaves widget views behind.
//
// Both are installed once per page by the first carrier drawn, and live outside every view
// (the style in <head>, the live region at the end of <body>), so they still work after a
// restart, when no view has a kernel to talk to and no new view is drawn.
const STYLE_ID = "osmosis-stopped-style";
const REGION_ID = "osmosis-stopped-announcement";
// Off screen but in the accessibility tree: the usual "visually hidden" recipe.
const HIDDEN = "position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;"
  + " overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;";

function addStyle(rule) {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement("style");
    style.id = STYLE_ID;
    document.head.append(style);
  }
  if (style.textContent !== rule) style.textContent = rule;
}

// One live region for the page: a restart that stops twenty views is said once, not twenty
// times. It must be on the page before its words change, or a screen reader says nothing.
function addAnnouncer(message) {
  const state = (window.__osmosisStopped ??= { message, region: null });
  state.message = message;
  if (state.region?.isConnected) return;
  const region = document.createElement("div");
  region.id = REGION_ID;
  region.setAttribute("role", "status"); // a polite live region: it waits for a pause
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  region.setAttribute("style", HIDDEN);
  document.body.append(region);
  state.region = region;
  let pending = false;
  // The message while any view on the page is stopped; emptied once none is (Run All drew new
  // ones), so that the next restart is announced again.
  const check = () => {
    pending = false;
    const stopped = document.querySelector(".jupyter-widgets-disconnected") !== null;
    const said = region.textContent !== "";
    if (stopped && !said) region.textContent = state.message;
    else if (!stopped && said) region.textContent = "";
  };
  // ipywidgets adds the class to every view of a model whose kernel restarted: a batch of
  // changes, looked at once when it is over.
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      setTimeout(check, 50);
    }
  }).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["class"],
  });
}

// The outermost stopped view holding `node`, or null (nested views carry the class too).
function stoppedView(node) {
  let view = node instanceof Element ? node.closest(".jupyter-widgets-disconnected") : null;
  while (view?.parentElement?.closest(".jupyter-widgets-disconnected")) {
    view = view.parentElement.closest(".jupyter-widgets-disconnected");
  }
  return view;
}

// Say the message again: a live region speaks a change, so it is emptied first.
function sayAgain() {
  const state = window.__osmosisStopped;
  if (!state?.region) return;
  state.region.textContent = "";
  setTimeout(() => {
    state.region.textContent = state.message;
  }, 100);
}

// A click on a stopped view reaches no control of it (the rule makes them inert), but
// JupyterLab's notebook took it: it selected and focused the cell, in command mode, and the
// letters typed next ran the notebook's shortcuts ("d d" deleted the cell, issue 12). The
// click stops here, before the notebook sees it; the focus goes to the view itself, whose first
// words are the message (inside a cell's output: the narrowed shortcuts of deploy/labconfig do
// not fire there), and the message is said again. Keys pressed there stop here too, but for the
// browser's own (Tab) and those with Ctrl or Cmd (save, copy): Shift+Enter's "run and add a
// cell below" is bound to the whole notebook, not to a focused cell.
function addGuard() {
  if (window.__osmosisStoppedGuard) return;
  window.__osmosisStoppedGuard = true;
  const press = (event) => {
    const view = stoppedView(event.target);
    if (!view) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.type !== "pointerdown") return; // mousedown follows it: one focus, one message
    view.tabIndex = -1; // focusable by a click or a script, not in the Tab order
    view.focus({ preventScroll: true });
    sayAgain();
  };
  const key = (event) => {
    if (!stoppedView(event.target) || event.key === "Tab") return;
    if (event.ctrlKey || event.metaKey) return;
    event.stopPropagation();
  };
  // on window, in the capture phase: before JupyterLab's listeners on the document and notebook
  for (const type of ["pointerdown", "mousedown", "click", "dblclick"]) {
    window.addEventListener(type, press, true);
  }
  window.addEventListener("keydown", key, true);
}

function render({ model }) {
  addStyle(model.get("rule"));
  addAnnouncer(model.get("message"));
  addGuard();
}
export default { render };
