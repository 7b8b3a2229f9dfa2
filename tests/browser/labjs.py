"""JavaScript the browser tests run inside the JupyterLab page.

The JupyterLab app object is exposed as window.jupyterapp (--LabApp.expose_app_in_browser).
"""

STATE_JS = """() => {
  const app = window.jupyterapp; const w = app && app.shell.currentWidget;
  if (!w || !w.content || !w.content.model || !w.sessionContext || !w.context) return null;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.model.cells; let code = 0, done = 0, errors = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i);
    if (c.type !== 'code' || !c.sharedModel.getSource().trim()) continue;
    code++; if (c.executionCount) done++;
    for (let j = 0; j < c.outputs.length; j++) if (c.outputs.get(j).type === 'error') errors++;
  }
  const running = [...w.content.node.querySelectorAll('.jp-InputArea-prompt')]
    .filter(p => p.textContent.includes('*')).length;
  return {ready: w.context.isReady, kernel: kernel ? kernel.status : 'none',
          code, done, errors, running, path: w.context.path};
}"""


OUTPUTS_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget; const cells = w.content.model.cells; const out = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells.get(i); if (c.type !== 'code') continue;
    for (let j = 0; j < c.outputs.length; j++) {
      const o = c.outputs.get(j).toJSON();
      out.push({cell: i + 1, type: o.output_type, name: o.name || '', ename: o.ename || '',
                evalue: o.evalue || '', text: Array.isArray(o.text) ? o.text.join('') : (o.text || ''),
                mimes: Object.keys(o.data || {})});
    }
  }
  return out;
}"""


# Cells where MathJax drew a formula (in markdown, or in an HTML output such as a table), with
# the first $...$ of the markdown source or of the output's text.
MATHS_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget; const out = [];
  w.content.widgets.forEach((cell, i) => {
    const md = cell.model.type === 'markdown';
    const where = md ? cell.node.querySelector('.jp-MarkdownOutput, .jp-RenderedMarkdown')
                     : cell.node.querySelector('.jp-Cell-outputArea');
    if (!where || !where.querySelector('mjx-container')) return;
    let text = md ? cell.model.sharedModel.getSource() : '';
    if (!md) for (let j = 0; j < cell.model.outputs.length; j++)
      text += JSON.stringify(cell.model.outputs.get(j).toJSON().data || {});
    const m = text.match(/\\$[^$]*\\$/);
    out.push([i + 1, md ? 'markdown' : 'output', m ? m[0].slice(0, 80) : '']);
  });
  return out;
}"""


# Markdown cells where a word with a * inside (O*NET) lost its * to emphasis (*...* = italics).
STARS_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget; const out = [];
  w.content.widgets.forEach((cell, i) => {
    if (cell.model.type !== 'markdown') return;
    const shown = cell.node.querySelector('.jp-RenderedMarkdown');
    const source = cell.model.sharedModel.getSource().replace(/`[^`]*`/g, '');
    const words = source.match(/\\b\\w+\\*\\w+\\b/g) || [];
    const count = (text, word) => text.split(word).length - 1;
    const lost = words.filter(word => shown && count(shown.innerText, word) < count(source, word));
    if (lost.length) out.push([i + 1, lost[0]]);
  });
  return out;
}"""


SCROLLER_JS = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const outer = w.content.node.querySelector('.jp-WindowedPanel-outer') || w.content.node;
  const cells = w.content.node.querySelectorAll('.jp-Cell');
  const last = cells.length ? cells[cells.length - 1] : outer;
  // the end of the last cell, not scrollHeight: the lab pads the bottom to scroll past the end
  const content = last.getBoundingClientRect().bottom - outer.getBoundingClientRect().top + outer.scrollTop + 24;
  return {content: Math.ceil(content), client: outer.clientHeight, inner: window.innerHeight};
}"""


RESET_JS = """async () => {
  const app = window.jupyterapp;
  document.querySelectorAll('.jp-Dialog .jp-mod-reject').forEach(b => b.click());
  for (const w of [...app.shell.widgets('main')]) {
    if (w.context && w.context.model) w.context.model.dirty = false;  // close without "Save?"
    w.dispose();
  }
  await app.serviceManager.sessions.refreshRunning();
  await app.serviceManager.sessions.shutdownAll();
  app.shell.collapseLeft(); app.shell.collapseRight();
}"""
