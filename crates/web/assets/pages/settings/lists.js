// Settings → Indexers, Download clients, Root folders: what is set up, read
// only for now (they are added through the API, as Prowlarr does).
import { esc } from '../../app.js';
import { heading } from '../settings.js';

const onOff = (on) => `<span class="badge ${on ? 'ok' : ''}">${on ? 'On' : 'Off'}</span>`;
const gb = (bytes) => (bytes == null ? '' : `${(bytes / 1024 ** 3).toFixed(1)} GB free`);

// Each section: its API path, the columns, and a row's cells.
const lists = {
  indexers: ['/indexer', ['Name', 'Kind', 'RSS', 'Search', 'Priority'],
    (i) => [esc(i.name), esc(i.implementationName || i.implementation), onOff(i.enableRss), onOff(i.enableAutomaticSearch || i.enableInteractiveSearch), esc(i.priority)]],
  downloadclients: ['/downloadclient', ['Name', 'Kind', 'Enabled', 'Protocol', 'Priority'],
    (c) => [esc(c.name), esc(c.implementationName || c.implementation), onOff(c.enable), esc(c.protocol), esc(c.priority)]],
  rootfolders: ['/rootfolder', ['Path', 'Free space', 'Reachable'],
    (r) => [esc(r.path), esc(gb(r.freeSpace)), onOff(r.accessible)]],
};

export async function render(main, context) {
  const [path, columns, cells] = lists[context.section];
  const rows = await context.api.get(path);
  main.innerHTML = `
    ${heading(context)}
    ${rows.length
      ? `<table class="wide"><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>
          ${rows.map((row) => `<tr>${cells(row).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}
        </tbody></table>`
      : `<p class="muted">None yet. Add them through the API (<code>POST /api/v3${esc(path)}</code>) or from Prowlarr.</p>`}`;
}
