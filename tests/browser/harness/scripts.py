"""JavaScript the harness runs inside JupyterLab, through ``window.jupyterapp``.

A script that returns a promise is run through ``LabPage.call`` (``harness.bounded``), never
``page.evaluate``, which would wait for it forever.

``PANEL_HELPER`` is installed in every tab before JupyterLab loads; the other snippets find the
notebook they work on with ``window.__osmosisPanel(path)``.
"""

PANEL_HELPER = """
window.__osmosisPanel = (path) => {
  const app = window.jupyterapp;
  const w = app && app.shell && app.shell.currentWidget;
  return (w && w.context && w.context.path === path && w.content && w.sessionContext) ? w : null;
};
"""

#: The toolbar says "idle" before the kernel is connected, and a Run All sent then is dropped.
KERNEL_READY = """
(path) => {
  const w = window.__osmosisPanel(path);
  if (!w || !w.content.isAttached) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}
"""

#: Record what the kernel says outside cells (errors and stderr from widget callbacks), and
#: which comm messages the page sent that the kernel has not finished: a widget change has been
#: handled once the "idle" whose parent is its message arrives. Counting the messages *sent*
#: tells a key that sent nothing (Tab, a slider at its end) from one still on its way, so the
#: harness need not wait a fixed time to find out. A restart drops what was pending, and is
#: counted, however it was asked for (``LabPage.has_run_all``).
TRACK_IOPUB = """
(path) => {
  const k = window.__osmosisPanel(path).sessionContext.session.kernel;
  const t = window.__osmosis || (window.__osmosis = {
      errors: [], stderr: [], commIdle: 0, commSent: 0, pending: new Set(), lastMessage: 0,
      kernels: new Set(), restarts: 0});
  if (t.kernels.has(k)) return;
  t.kernels.add(k);
  k.anyMessage.connect((_, args) => {
    if (args.direction === 'send' && args.msg.header.msg_type === 'comm_msg') {
      t.commSent += 1;
      t.pending.add(args.msg.header.msg_id);
    }
  });
  k.statusChanged.connect((_, status) => {
    if (['restarting', 'autorestarting', 'dead'].includes(status)) {
      t.pending.clear();
      t.restarts += 1;
    }
  });
  k.iopubMessage.connect((_, msg) => {
    const type = msg.header.msg_type;
    const parent = (msg.parent_header && msg.parent_header.msg_type) || '';
    t.lastMessage = performance.now();
    if (parent !== 'comm_msg') return;
    if (type === 'error') t.errors.push(msg.content.ename + ': ' + msg.content.evalue);
    if (type === 'stream' && msg.content.name === 'stderr') t.stderr.push(msg.content.text);
    if (type === 'status' && msg.content.execution_state === 'idle') {
      t.commIdle += 1;
      t.pending.delete(msg.parent_header.msg_id);
    }
  });
}
"""

#: A tab handed to another module (``conftest.Tabs``) starts, as a fresh one does, with
#: no widget-callback error or stderr seen yet.
FORGET_WHAT_WAS_SEEN = """
() => { if (window.__osmosis) { window.__osmosis.errors = []; window.__osmosis.stderr = []; } }
"""

#: Two frames and a little: by then every handler of the keys just pressed has run, and a
#: widget has sent whatever those keys change.
TWO_FRAMES = """
() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))))
"""

#: One frame and a little: what was drawn has been laid out.
ONE_FRAME = """
() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))
"""

#: Shut down every kernel this tab's JupyterLab has sessions for (the tab is closing).
SHUT_DOWN_KERNELS = """
async () => { await window.jupyterapp.serviceManager.sessions.shutdownAll(); }
"""

#: Shows another notebook in a JupyterLab already loaded, as if the tab were new (issue 16: a
#: JupyterLab load costs about 2.5 CPU-seconds more than this): every document closed unsaved
#: (a test run never writes outputs into a notebook), every kernel shut down, then ``path``
#: alone (not the Launcher JupyterLab shows when the last document closes).
SWITCH_NOTEBOOK = """
async (path) => {
  const app = window.jupyterapp;
  for (const w of Array.from(app.shell.widgets('main'))) {
    if (w.context) w.context.model.dirty = false;  // closed without "Save your work?"
    w.close();
  }
  await app.serviceManager.sessions.shutdownAll();
  const opened = await app.commands.execute('docmanager:open', {path});
  for (const w of Array.from(app.shell.widgets('main'))) if (w !== opened) w.close();
}
"""

#: What the harness and the tests recorded in the page about the notebook it showed (the
#: kernel's messages and errors, what was spoken, timed or gated): a notebook switched to starts,
#: as in a new tab, with none. Not the helper the page was loaded with, the calls in flight
#: (``bounded``), or what the lessons' own widgets keep for the page (``stopped.js``: one
#: announcer per page, as a learner's tab has when they open the next lesson).
FORGET_THE_NOTEBOOK = """
() => {
  for (const key of ['__osmosis', '__osmosisSpoken', '__osmosisSaid', '__osmosisProbe',
                     '__osmosisLatency', '__osmosisGates']) {
    delete window[key];
  }
}
"""

RESTART_KERNEL = """
async (path) => { await window.__osmosisPanel(path).sessionContext.session.kernel.restart(); }
"""

#: Runs code in the notebook's kernel without a cell, history or output (a test simulating a slow
#: machine); resolves with the reply's status ("ok" or "error").
RUN_HIDDEN = """
async ([path, code]) => {
  const k = window.__osmosisPanel(path).sessionContext.session.kernel;
  const reply = await k.requestExecute({code, silent: true, store_history: false}).done;
  return reply.content.status;
}
"""

#: Done when the kernel is idle, no cell is queued or running, and every non-empty code cell
#: has run (or one failed: Run All stops there).
ALL_EXECUTED = """
(path) => {
  const w = window.__osmosisPanel(path);
  if (!w) return false;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  let failed = false, missing = 0;
  for (const cell of w.content.widgets) {
    const m = cell.model;
    if (m.type !== 'code') continue;
    if (m.executionState === 'running') return false;
    const prompt = cell.node.querySelector('.jp-InputPrompt');
    if (prompt && prompt.textContent.includes('*')) return false;
    if (m.sharedModel.getSource().trim() === '') continue;
    for (let i = 0; i < m.outputs.length; i++)
      if (m.outputs.get(i).type === 'error') failed = true;
    if (m.executionCount === null) missing += 1;
  }
  return failed || missing === 0;
}
"""

#: Run All in the notebook shown; settles once every cell has run, or one has failed.
RUN_ALL = """
async () => { await window.jupyterapp.commands.execute('notebook:run-all-cells'); }
"""

#: The index of the first code cell whose source holds each of the texts (null for a text no
#: cell holds).
CELLS_HOLDING = """
([path, texts]) => {
  const cells = window.__osmosisPanel(path).content.widgets;
  return texts.map(text => {
    const i = cells.findIndex(c => c.model.type === 'code'
                                   && c.model.sharedModel.getSource().includes(text));
    return i < 0 ? null : i;
  });
}
"""

#: Run the cells at these indices, one after the other, as a learner does with Shift+Enter.
RUN_CELLS = """
async ([path, indices]) => {
  const w = window.__osmosisPanel(path);
  for (const i of indices) {
    w.content.activeCellIndex = i;
    w.content.deselectAll();
    await window.jupyterapp.commands.execute('notebook:run-cell');
  }
}
"""

#: Errors, stderr and unrun cells, with the first line of each cell's source.
CELL_PROBLEMS = """
(path) => {
  const w = window.__osmosisPanel(path);
  const problems = [];
  w.content.widgets.forEach((cell, index) => {
    const m = cell.model;
    if (m.type !== 'code') return;
    const tags = m.getMetadata('tags') || [];
    const source = m.sharedModel.getSource();
    const head = source.split('\\n')[0].slice(0, 80);
    if (source.trim() !== '' && m.executionCount === null)
      problems.push({cell: index, kind: 'not run', head, text: '', expected: false});
    for (let i = 0; i < m.outputs.length; i++) {
      const o = m.outputs.get(i).toJSON();
      if (o.output_type === 'error')
        problems.push({cell: index, kind: 'error', head, text: o.ename + ': ' + o.evalue,
                       expected: tags.includes('raises-exception')});
      if (o.output_type === 'stream' && o.name === 'stderr')
        problems.push({cell: index, kind: 'stderr', head, expected: false,
                       text: Array.isArray(o.text) ? o.text.join('') : o.text});
    }
  });
  return problems;
}
"""

#: Every Vega/Vega-Lite output: drawn when vega-embed has put its marks (canvas or svg) in.
CHARTS = """
(root) => Array.from(root.querySelectorAll('.jp-RenderedVegaCommon5')).map(el => ({
  drawn: !!el.querySelector('canvas.marks, svg.marks'),
  label: (el.querySelector('[role="graphics-document"]') || el).getAttribute('aria-label') || '',
}))
"""

CHARTS_DRAWN = """
(root) => Array.from(root.querySelectorAll('.jp-RenderedVegaCommon5'))
  .every(el => el.querySelector('canvas.marks, svg.marks'))
"""

#: The page has settled: no widget change is on its way to the kernel or back, the kernel has
#: said nothing for ``q`` ms, and every chart of the visible notebook is drawn. The charts are
#: waited for, not timed: JupyterLab draws one asynchronously, after the message that brought
#: it, and on a loaded machine that can take longer than any quiet.
SETTLED = f"""
(q) => {{
  const t = window.__osmosis;
  if (!t) return true;
  if (t.pending.size > 0 || performance.now() - t.lastMessage <= q) return false;
  const root = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const drawn = {CHARTS_DRAWN.strip()};
  return !root || drawn(root);
}}
"""

#: Outputs that did not render for the learner (text markers, or a chart left as plain text).
BROKEN_OUTPUTS = """
([root, markers]) => {
  const found = [];
  for (const el of root.querySelectorAll('.jp-OutputArea-output')) {
    const text = el.textContent || '';
    for (const marker of markers)
      if (text.includes(marker)) found.push(marker + ' in: ' + text.slice(0, 200));
    if (/^alt\\.[A-Za-z]*Chart\\(\\.\\.\\.\\)$/.test(text.trim()))
      found.push('a chart shown as plain text (its renderer is missing): ' + text.trim());
  }
  return found;
}
"""

#: Run axe-core over every element matching ``selector``; keep only what a report needs.
AXE_RUN = """
async (selector) => {
  const r = await axe.run({include: [[selector]]}, {resultTypes: ['violations']});
  return {passes: r.passes.length, violations: r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 160))}))};
}
"""

#: What an explorer wrote for the learner: HTML/Label/text outputs and chart names.
READOUT = """
(root) => Array.from(root.querySelectorAll(
    '.widget-html-content, div.widget-label, .jp-RenderedText, [role="graphics-document"]'))
  .map(el => el.getAttribute('role') === 'graphics-document'
       ? 'Chart: ' + (el.getAttribute('aria-label') || '') : el.innerText)
  .filter(t => t && t.trim()).join('\\n')
"""

#: The value assistive technology reads for a control.
CONTROL_VALUE = """
el => {
  if (el.classList.contains('widget-toggle-buttons')) {
    const active = el.querySelector('.mod-active');
    return active ? active.textContent : '';
  }
  const aria = el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-valuenow')
    ?? el.getAttribute('aria-pressed') ?? el.getAttribute('aria-selected');
  if (aria !== null) return aria;
  if (el.type === 'checkbox' || el.type === 'radio') return String(el.checked);
  if (el.tagName === 'BUTTON') return String(el.classList.contains('mod-active'));
  if (el.tagName === 'SELECT')
    return Array.from(el.selectedOptions).map(o => o.textContent).join(', ');
  return 'value' in el ? String(el.value) : el.textContent;
}
"""

#: Start timing: the last keydown on the control before the explorer first changes -> the last
#: DOM change in the explorer outside the control's own widget (its label and readout update
#: without the kernel). Keys that only open a drop-down's list do not start the clock.
LATENCY_START = """
([control, region]) => {
  // the control's own widget: ipywidgets' boxes, or this project's anywidget slider
  const own = control.closest('.widget-inline-hbox, .widget-toggle-buttons, .jupyter-button, '
    + '.osmosis-slider') || control.parentElement;
  const probe = window.__osmosisProbe = {t0: null, first: null, last: null};
  const observer = new MutationObserver(records => {
    if (probe.t0 === null) return;
    for (const r of records) {
      if (own.contains(r.target)) continue;
      const now = performance.now();
      if (probe.first === null) probe.first = now;
      probe.last = now;
    }
  });
  observer.observe(region, {subtree: true, childList: true, characterData: true, attributes: true});
  const start = () => { if (probe.first === null) probe.t0 = performance.now(); };
  control.addEventListener('keydown', start, {capture: true});
  window.__osmosisLatency = () => {
    observer.disconnect();
    control.removeEventListener('keydown', start, {capture: true});
    return probe;
  };
}
"""

#: Every operable element in the outputs, with its role and the name shown next to it; each is
#: tagged with a data attribute so that a Locator can find it again. A group of choice buttons is
#: one control (role "radiogroup", or "togglebuttons" for ipywidgets' own), named by its description.
CONTROLS = """
(root) => {
  const sel = '.noUi-handle, select, input, textarea, button';
  const found = [], groups = new Set();
  const outputs = Array.from(root.querySelectorAll('.jp-OutputArea-output'));
  const text = el => (el ? el.textContent : '').replace(/\\u00a0/g, ' ').trim();
  outputs.forEach(out => {
    if (out.parentElement.closest('.jp-OutputArea-output')) return;  // nested: counted once
    out.querySelectorAll(sel).forEach(el => {
      if (el.closest('.vega-embed, .jp-RenderedVegaCommon5')) return;  // chart internals
      let role = el.tagName.toLowerCase(), target = el, name = '';
      const group = el.closest('.widget-toggle-buttons');
      if (group) {
        if (groups.has(group)) return;
        groups.add(group);
        target = group;
        role = group.getAttribute('role') === 'radiogroup' ? 'radiogroup' : 'togglebuttons';
        name = text(group.querySelector(':scope > .widget-label'));
      } else if (el.classList.contains('noUi-handle')) role = 'slider';
      else if (role === 'select') role = (el.multiple || el.size > 1) ? 'listbox' : 'combobox';
      else if (role === 'input') role = {checkbox: 'checkbox', radio: 'radio', number: 'spinbutton',
                                         range: 'slider'}[el.type] || 'textbox';
      else if (role === 'textarea') role = 'textbox';
      if (!name) {
        const widget = el.closest('.widget-inline-hbox');
        name = el.getAttribute('aria-label') || text(el.labels && el.labels[0])
          || (role === 'button' ? text(el) : '')
          || text(widget && widget.querySelector('.widget-label')) || el.title || '';
      }
      const toggle = role === 'button' && el.classList.contains('widget-toggle-button');
      const id = String(window.__osmosisControls = (window.__osmosisControls || 0) + 1);
      target.setAttribute('data-osmosis-control', id);
      found.push({id, role, name, toggle, output: outputs.indexOf(out)});
    });
  });
  return found;
}
"""


#: Records, in the page, every text each live region (a LiveText: what a screen reader speaks)
#: shows from now on, in order; returns how many regions it watches.
RECORD_SPOKEN = """
() => {
  window.__osmosisSpoken = [];
  const regions = document.querySelectorAll('.osmosis-live [aria-live]');
  regions.forEach(region => new MutationObserver(() => window.__osmosisSpoken.push(
    region.textContent.replace(/\\s+/g, ' ').trim())).observe(
    region, {childList: true, subtree: true, characterData: true}));
  return regions.length;
}
"""
