// System: the server's status, its health checks, commands and scheduled
// tasks; its other sections (logs, backups) are modules under system/.
import { esc, stamp } from '../app.js';

// [path segment, title, module under system/ (none: drawn here)].
export const sections = [
  ['status', 'Status', null],
  ['backup', 'Backup', 'backup'],
  ['logs', 'Logs', 'logs'],
];

// The tabs every section starts with.
export function tabs(context, current) {
  return `<nav class="tabs" aria-label="System">${sections.map(([key, title]) => `<a href="${esc(context.link(`/system/${key}`))}"${key === current ? ' aria-current="page"' : ''}>${esc(title)}</a>`).join('')}</nav>`;
}

const BADGES = { completed: 'ok', failed: 'bad', started: 'warn' };

function commandRow(c) {
  return `<tr data-id="${esc(c.id)}"><td>${esc(c.commandName || c.name)}</td>
    <td><span class="badge ${BADGES[c.status] || ''}">${esc(c.status)}</span></td>
    <td>${esc(c.message || '')}</td><td>${esc(stamp(c.queued, true))}</td></tr>`;
}

export async function render(main, context) {
  const [, , section = 'status'] = context.path.split('/');
  const found = sections.find(([key]) => key === section.toLowerCase());
  if (found && found[2]) {
    const page = await import(`./system/${found[2]}.js`);
    await page.render(main, { ...context, section: found[0], title: found[1] });
    return;
  }
  await status(main, context);
}

async function status(main, context) {
  const { api, live } = context;
  const [status, health, tasks, commands] = await Promise.all([
    api.get('/system/status'), api.get('/health'), api.get('/system/task'), api.get('/command'),
  ]);
  const row = (label, value) => `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>`;
  main.innerHTML = `
    <h1>System</h1>
    ${tabs(context, 'status')}
    <h2>Health</h2>
    ${health.length ? `<ul class="health">${health.map((h) => `<li><span class="badge ${h.type === 'error' ? 'bad' : 'warn'}">${esc(h.type)}</span> ${esc(h.message)}</li>`).join('')}</ul>` : '<p class="muted">No problems found.</p>'}
    <h2>About</h2>
    <table><tbody>
      ${row('Version', `${status.version} (Unified-Radarr ${status.packageVersion || ''})`)}
      ${row('Database', `${status.databaseType} ${status.databaseVersion}`)}
      ${row('Data folder', status.appData)}
      ${row('Started', status.startTime)}
    </tbody></table>
    <h2>Commands</h2>
    <table class="wide commands"><thead><tr><th>Command</th><th>Status</th><th>Message</th><th>Queued</th></tr></thead><tbody>
      ${commands.length ? commands.map(commandRow).join('') : '<tr><td colspan="4" class="muted">None lately.</td></tr>'}
    </tbody></table>
    <h2>Scheduled tasks</h2>
    <table class="wide"><thead><tr><th>Task</th><th>Interval</th><th>Last run</th><th>Next run</th></tr></thead><tbody>
      ${tasks.map((t) => `<tr><td>${esc(t.name)}</td><td>${esc(t.interval)} min</td><td>${esc(stamp(t.lastExecution))}</td><td>${esc(stamp(t.nextExecution))}</td></tr>`).join('')}
    </tbody></table>`;
  // A command's progress updates its row in place, or adds it.
  const offCommand = live.on('command', ({ resource }) => {
    if (!resource) return;
    const body = main.querySelector('table.commands tbody');
    const row = body.querySelector(`tr[data-id="${resource.id}"]`);
    const fresh = document.createElement('tbody');
    fresh.innerHTML = commandRow(resource);
    if (row) row.replaceWith(fresh.firstElementChild);
    else {
      body.querySelector('td.muted')?.parentElement.remove();
      body.prepend(fresh.firstElementChild);
    }
  });
  // Health and tasks change under the page: draw it again when they do.
  const off = live.on('health', () => {
    off();
    offCommand();
    status(main, context);
  });
}
