// The browser side of osmosis_lab.explorers.text_boxes.Text: a labelled one-line text box
// drawn with ipywidgets' own classes (the same look as its Text box), whose Enter carries the
// text the learner sees.
//
// ipywidgets' box sends Enter's "submit" at once but holds back its value updates while an
// earlier one is on its way, so a busy kernel heard "1e", Enter, "1e9" and judged "1e" (issue
// 12). Here the submit message holds the box's text: the kernel sets the value from it first.
function render({ model, el }) {
  const id = `osmosis-text-${Math.random().toString(36).slice(2)}`;
  el.classList.add("jupyter-widgets", "widget-inline-hbox", "widget-text");
  const label = document.createElement("label");
  label.className = "widget-label";
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.className = "widget-input";
  el.append(label, input);

  function update() {
    const description = model.get("description");
    label.textContent = description;
    label.title = description; // a label cut with "…" shows whole on hover, as ipywidgets does
    label.style.display = description ? "" : "none";
    label.style.width = model.get("description_width");
    input.placeholder = model.get("placeholder");
    input.disabled = model.get("disabled");
    // only a different text is written: the caret, the selection and undo stay as they are
    if (input.value !== model.get("value")) input.value = model.get("value");
  }
  function send() {
    model.set("value", input.value);
    model.save_changes();
  }
  input.addEventListener("input", () => {
    if (model.get("continuous_update")) send();
  });
  input.addEventListener("change", send);
  // JupyterLab's notebook shortcuts must not hear the letters typed here (ipywidgets' text
  // views stop them the same way)
  input.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter" && !event.isComposing) {
      model.send({ event: "submit", value: input.value });
    }
  });
  input.addEventListener("keypress", (event) => event.stopPropagation());
  // DOMWidget.focus() and .blur() from Python (the class poll keeps the focus in its name box)
  model.on("msg:custom", (message) => {
    if (message.do === "focus") input.focus();
    if (message.do === "blur") input.blur();
  });
  for (const name of ["value", "description", "description_width", "placeholder", "disabled"]) {
    model.on(`change:${name}`, update);
  }
  update();
}
export default { render };
