// The browser side of osmosis_lab.explorers.live: one live region per view, drawn once.
//
// A screen reader speaks a live region's changes only if the region was already on the page
// before its words changed; a region that arrives already filled is often not spoken at all.
// ipywidgets' HTML view replaces its whole content, region included, at every change of its
// value; here the region element stays and only what is inside it is replaced.
function render({ model, el }) {
  // ipywidgets' HTML classes: the same look and spacing as the HTML widget it replaces
  el.classList.add("widget-inline-hbox", "widget-html");
  const region = document.createElement("div");
  region.className = "widget-html-content";
  region.setAttribute("role", "status"); // polite: it waits for a pause in what is being read
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true"); // the whole new text, not only the changed part
  region.innerHTML = model.get("value");
  el.append(region);
  model.on("change:value", () => {
    region.innerHTML = model.get("value");
  });
}
export default { render };
