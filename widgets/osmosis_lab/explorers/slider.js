// The browser side of osmosis_lab.explorers.controls: a labelled native range input over
// positions 0..n-1 (the model's `index`), its readout taken from the model's `labels`.
function render({ model, el }) {
  const id = `osmosis-slider-${Math.random().toString(36).slice(2)}`;
  el.classList.add("osmosis-slider");
  el.style.display = "flex";
  el.style.alignItems = "center";
  el.style.gap = "0.6em";
  el.style.margin = "2px 0";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.style.display = "inline-block";
  label.style.minWidth = "10em";
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.min = "0";
  input.step = "1";
  input.style.width = "18em";
  const readout = document.createElement("output");
  readout.htmlFor = id;
  readout.setAttribute("aria-hidden", "true");  // the input's aria-valuetext already says it
  function update() {
    const labels = model.get("labels");
    const index = model.get("index");
    label.textContent = model.get("description");
    input.max = String(Math.max(labels.length - 1, 0));
    input.value = String(index);
    input.setAttribute("aria-valuetext", labels[index] ?? "");
    input.disabled = model.get("disabled");
    // the tooltip on the input itself: its title is what a screen reader gives as its description
    if (model.get("tooltip")) input.title = model.get("tooltip");
    else input.removeAttribute("title");
    readout.textContent = labels[index] ?? "";
  }
  function commit(index) {
    const last = model.get("labels").length - 1;
    const clamped = Math.min(Math.max(index, 0), last);
    input.value = String(clamped);
    model.set("index", clamped);
    // a message of its own, sent at once (sent_at_once.py): a state update waits while the last
    // is handled (ipywidgets' throttle), and a button pressed after the keys would overtake it
    model.send({ event: "change", state: { index: clamped } });
  }
  input.addEventListener("change", () => commit(Number(input.value)));
  // JupyterLab's notebook shortcuts cancel the browser's own arrow-key handling on
  // a range input, so the slider moves itself and keeps the keys from the notebook.
  input.addEventListener("keydown", (event) => {
    const last = model.get("labels").length - 1;
    const page = Math.max(1, Math.round(last / 10));
    const moves = {
      ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: page, PageDown: -page,
    };
    const index = model.get("index");
    let target = null;
    if (event.key in moves) target = index + moves[event.key];
    if (event.key === "Home") target = 0;
    if (event.key === "End") target = last;
    if (target === null) return;
    event.preventDefault();
    event.stopPropagation();
    commit(target);
  });
  input.addEventListener("input", () => {
    const labels = model.get("labels");
    readout.textContent = labels[Number(input.value)] ?? "";
  });
  model.on("change:index", update);
  model.on("change:labels", update);
  model.on("change:description", update);
  model.on("change:disabled", update);
  model.on("change:tooltip", update);
  update();
  el.append(label, input, readout);
}
export default { render };
