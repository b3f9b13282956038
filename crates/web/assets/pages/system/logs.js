// System > Logs: the server's latest log entries, newest first, filtered by
// level and paged by the server; and its log files, each to read here or
// download. Clear and Delete files run Radarr's ClearLog and DeleteLogFiles.
import { armed, disarm, esc, stamp, toast } from '../../app.js';
import { tabs } from '../system.js';

const BADGES = { warn: 'warn', error: 'bad', fatal: 'bad' };
// The levels the entries can be filtered by; each keeps itself and worse.
const LEVELS = [['', 'All'], ['info', 'Info'], ['warn', 'Warn'], ['error', 'Error']];
const PAGE_SIZE = 50;

function entryRow(entry) {
  const exception = entry.exception
    ? `<details><summary>Exception</summary><pre class="log-text">${esc(entry.exception)}</pre></details>`
    : '';
  return `<tr>
    <td data-label="Time">${esc(stamp(entry.time, true))}</td>
    <td data-label="Level"><span class="badge ${BADGES[entry.level] || ''}">${esc(entry.level)}</span></td>
    <td data-label="Logger" class="path">${esc(entry.logger)}</td>
    <td data-label="Message" class="log-message">${esc(entry.message)}${exception}</td></tr>`;
}

function fileRow(file, api) {
  const name = esc(file.filename);
  return `<tr>
    <td data-label="File">${name}</td>
    <td data-label="Last written">${esc(stamp(file.lastWriteTime, true))} UTC</td>
    <td class="actions">
      <a href="${esc(api.fileUrl(`/api/v3/log/file/${file.filename}`))}" data-plain data-view="${name}" aria-label="View ${name}">View</a>
      <a href="${esc(api.fileUrl(`/logfile/${file.filename}`))}" data-plain download="${name}" aria-label="Download ${name}">Download</a>
    </td></tr>`;
}

export async function render(main, context) {
  const { api } = context;
  const view = { page: 1, level: '' };
  main.innerHTML = `
    <h1>System</h1>
    ${tabs(context, 'logs')}
    <h2>Log entries</h2>
    <div class="toolbar">
      <label for="log-level">Level</label>
      <select id="log-level" name="level">${LEVELS.map(([value, title]) => `<option value="${value}">${title}</option>`).join('')}</select>
      <button type="button" name="refresh">Refresh</button>
      <button type="button" name="clear">Clear</button>
      <span class="count" aria-live="polite"></span>
    </div>
    <table class="cards log-entries"><thead><tr><th>Time (UTC)</th><th>Level</th><th>Logger</th><th>Message</th></tr></thead><tbody></tbody></table>
    <div class="toolbar"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>
    <h2>Log files</h2>
    <div class="toolbar"><button type="button" name="deleteFiles">Delete files</button></div>
    <table class="wide cards log-files"><thead><tr><th>File</th><th>Last written</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody></tbody></table>
    <section class="log-file" aria-live="polite" hidden>
      <h3></h3>
      <pre class="log-text" tabindex="0"></pre>
    </section>`;
  const entries = main.querySelector('.log-entries tbody');
  const files = main.querySelector('.log-files tbody');
  const shown = main.querySelector('.log-file');

  async function loadEntries() {
    const level = view.level ? `&level=${view.level}` : '';
    const page = await api.get(`/log?page=${view.page}&pageSize=${PAGE_SIZE}&sortKey=time&sortDirection=descending${level}`);
    const pages = Math.max(1, Math.ceil(page.totalRecords / PAGE_SIZE));
    const count = page.totalRecords === 1 ? '1 entry' : `${page.totalRecords} entries`;
    main.querySelector('.count').textContent = `${count}; page ${view.page} of ${pages}`;
    main.querySelector('[name=previous]').disabled = view.page <= 1;
    main.querySelector('[name=next]').disabled = view.page >= pages;
    entries.innerHTML = page.records.length
      ? page.records.map(entryRow).join('')
      : '<tr><td colspan="4" class="muted">No log entries.</td></tr>';
  }

  async function loadFiles() {
    const list = await api.get('/log/file');
    files.innerHTML = list.length
      ? list.map((f) => fileRow(f, api)).join('')
      : '<tr><td colspan="3" class="muted">No log files.</td></tr>';
  }

  const report = (error) => toast(error.message);
  const reload = () => Promise.all([loadEntries(), loadFiles()]).catch(report);

  main.querySelector('[name=level]').addEventListener('change', (event) => {
    view.level = event.target.value;
    view.page = 1;
    loadEntries().catch(report);
  });
  main.querySelector('[name=refresh]').addEventListener('click', reload);
  main.querySelector('[name=previous]').addEventListener('click', () => { view.page -= 1; loadEntries().catch(report); });
  main.querySelector('[name=next]').addEventListener('click', () => { view.page += 1; loadEntries().catch(report); });

  // Runs a command from its button, after a second click to confirm.
  async function runFrom(button, question, name, done) {
    if (!armed(button, question)) return;
    button.disabled = true;
    try {
      const outcome = await api.runCommand({ name });
      toast(outcome.status === 'failed' ? outcome.message || `${name} failed` : done);
    } catch (error) {
      report(error);
    }
    button.disabled = false;
    disarm(button);
    view.page = 1;
    await reload();
  }
  const clear = main.querySelector('[name=clear]');
  clear.addEventListener('click', () => runFrom(clear, 'Really clear?', 'ClearLog', 'Log cleared'));
  const deleteFiles = main.querySelector('[name=deleteFiles]');
  deleteFiles.addEventListener('click', () => runFrom(deleteFiles, 'Really delete?', 'DeleteLogFiles', 'Log files deleted'));

  // "View" shows the file below the list; the link itself opens it as text
  // in a new tab when asked to.
  files.addEventListener('click', async (event) => {
    const link = event.target.closest('a[data-view]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(`${link.dataset.view} could not be read (HTTP ${response.status})`);
      shown.querySelector('h3').textContent = link.dataset.view;
      shown.querySelector('pre').textContent = await response.text();
      shown.hidden = false;
      shown.querySelector('pre').focus();
    } catch (error) {
      report(error);
    }
  });

  await Promise.all([loadEntries(), loadFiles()]);
}
