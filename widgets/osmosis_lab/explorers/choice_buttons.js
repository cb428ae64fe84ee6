// The browser side of osmosis_lab.explorers.choice_buttons: a WAI-ARIA radio group
// (https://www.w3.org/WAI/ARIA/apg/patterns/radio/) drawn with ipywidgets' own button classes,
// so it looks like the ToggleButtons it replaces. The model's `index` is the chosen option
// (null: none yet), `_options_labels` the options' words. With `_multiple` (PickButtons) the
// same row is a group of checkboxes (https://www.w3.org/WAI/ARIA/apg/patterns/checkbox/):
// `indexes` are the picked options, each option is its own Tab stop and Space flips it.
const STYLE_ID = "osmosis-choices-style";
// The chosen option is marked by more than colour (WCAG 1.4.1): a check mark and a bold border.
// The mark's alternative text is empty ("/ ''"), so a screen reader hears "checked" once,
// from aria-checked, and not a "✓" in every option's name (radios and checkboxes alike).
const STYLE = `
.osmosis-choices { align-items: baseline; }
/* a description wider than its column wraps, never cut with "…" */
.osmosis-choices > .widget-label { white-space: normal; line-height: 1.3; align-self: center; }
.osmosis-choices .osmosis-choice-buttons { display: flex; flex-wrap: wrap; gap: 2px 0; min-width: 0; }
/* picks are not an ipywidgets ToggleButtons group: the same spacing between their buttons */
.osmosis-picks .widget-toggle-button { margin: 0 2px; }
.osmosis-choices .widget-toggle-button[aria-checked="true"] {
  font-weight: bold; box-shadow: inset 0 0 0 2px var(--jp-ui-font-color1, #000);
  min-width: max-content;  /* the mark and the bold words never cut the name off */
}
/* a pick's long label wraps inside its button: on one line it ran past the output and was cut
   there ("…lives with depression (invente", w50, lesson 05 at 1024 px) */
.osmosis-picks .widget-toggle-button {
  white-space: normal; overflow-wrap: anywhere; height: auto; max-width: 100%;
  min-height: var(--jp-widgets-inline-height, 28px); line-height: 1.3; padding-block: 3px;
}
.osmosis-picks .widget-toggle-button[aria-checked="true"] { min-width: 0; }  /* it wraps */
.osmosis-choices .widget-toggle-button[aria-checked="true"]::before {
  content: "✓ "; content: "✓ " / "";
}
`;

function addStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = STYLE;
  document.head.append(style);
}

function render({ model, el }) {
  addStyle();
  const id = `osmosis-choices-${Math.random().toString(36).slice(2)}`;
  const multiple = model.get("_multiple");
  // picks keep off ipywidgets' group class: its rules (and tools that know it) mean "one of"
  el.classList.add("widget-inline-hbox", "osmosis-choices",
                   multiple ? "osmosis-picks" : "widget-toggle-buttons");
  el.setAttribute("role", multiple ? "group" : "radiogroup");
  el.setAttribute("aria-labelledby", `${id}-label`);
  const label = document.createElement("div");
  label.className = "widget-label";
  label.id = `${id}-label`;
  const row = document.createElement("div");
  row.className = "osmosis-choice-buttons";
  el.append(label, row);
  let buttons = [];

  // A radio group is one Tab stop: the chosen option, or the first when none is chosen.
  // Checkboxes are each a Tab stop, as native ones are.
  function update() {
    const index = model.get("index");
    const picked = new Set(multiple ? model.get("indexes") : []);
    const tips = model.get("tooltips");
    const disabled = model.get("disabled");
    const style = model.get("button_style");
    label.textContent = model.get("description");
    label.style.display = model.get("description") ? "" : "none";
    // ipywidgets' own group let its description take the width it needed: so does "" here
    label.style.width = model.get("description_width") || "auto";
    if (disabled) el.setAttribute("aria-disabled", "true");
    else el.removeAttribute("aria-disabled");
    buttons.forEach((button, i) => {
      const chosen = multiple ? picked.has(i) : i === index;
      button.setAttribute("aria-checked", String(chosen));
      button.classList.toggle("mod-active", chosen);
      button.tabIndex = multiple || chosen || (index === null && i === 0) ? 0 : -1;
      button.disabled = disabled;
      button.title = tips[i] ?? "";
      button.style.width = model.get("button_width");
      button.className = button.className.replace(/\bmod-(primary|success|info|warning|danger)\b/g, "");
      if (style) button.classList.add(`mod-${style}`);
    });
  }

  // New options from Python: new buttons; a learner who was in the group stays in it.
  function rebuild() {
    const focused = el.contains(document.activeElement);
    buttons = model.get("_options_labels").map((text) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "jupyter-button widget-toggle-button";
      button.setAttribute("role", multiple ? "checkbox" : "radio");
      button.textContent = text;
      return button;
    });
    row.replaceChildren(...buttons);
    update();
    if (focused) buttons.find((b) => b.tabIndex === 0)?.focus();
  }

  // The kernel hears a choice as a message of its own, sent at once (sent_at_once.py): a state
  // update waits while the last is handled (ipywidgets' throttle), so a Check pressed right
  // after the arrows would reach the kernel first and judge the option before the last (w55).
  function tell(state) {
    model.send({ event: "change", state });
  }

  // A checkbox turns on or off; the others stay as they are.
  function flip(i) {
    if (model.get("disabled") || i < 0 || i >= buttons.length) return;
    buttons[i].focus();
    const picked = new Set(model.get("indexes"));
    if (picked.has(i)) picked.delete(i);
    else picked.add(i);
    const indexes = [...picked].sort((a, b) => a - b);
    model.set("indexes", indexes);
    tell({ indexes });
    update();
  }

  function choose(i) {
    if (model.get("disabled") || i < 0 || i >= buttons.length) return;
    buttons[i].focus();
    if (model.get("index") === i) return;
    model.set("index", i);
    tell({ index: i });
    update();
  }

  row.addEventListener("click", (event) => {
    const i = buttons.indexOf(event.target.closest("button"));
    if (i >= 0) (multiple ? flip : choose)(i);
  });
  // Arrows, Home and End move AND choose, as native radio buttons do; Space and Enter choose.
  // Each key handled here stops here: JupyterLab's notebook shortcuts would take the arrows
  // (another cell) and Enter (edit mode) from any focused element of the notebook.
  row.addEventListener("keydown", (event) => {
    const i = buttons.indexOf(event.target.closest("button"));
    const last = buttons.length - 1;
    if (i < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    if (multiple) {
      // Space flips (on keydown, as the radios choose); Enter, a button's own key, clicks.
      // Tab and the arrows are not the group's: the focus moves on, and no option changes.
      if (event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        flip(i);
      } else if (event.key === "Enter") event.stopPropagation();
      return;
    }
    const moves = {
      ArrowRight: i === last ? 0 : i + 1, ArrowDown: i === last ? 0 : i + 1,
      ArrowLeft: i === 0 ? last : i - 1, ArrowUp: i === 0 ? last : i - 1,
      Home: 0, End: last, " ": i, Enter: i,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    event.stopPropagation();
    choose(moves[event.key]);
  });
  // Space would also click the button on release: the keydown above has chosen already.
  row.addEventListener("keyup", (event) => {
    if (event.key === " ") event.preventDefault();
  });

  model.on("change:_options_labels", rebuild);
  for (const name of ["index", "indexes", "tooltips", "disabled", "button_style", "description",
                      "description_width", "button_width"]) {
    model.on(`change:${name}`, update);
  }
  rebuild();
}
export default { render };
