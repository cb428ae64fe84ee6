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

function render({ model }) {
  addStyle(model.get("rule"));
  addAnnouncer(model.get("message"));
}
export default { render };
