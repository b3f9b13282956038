// System: the server's status, its health checks and its scheduled tasks.
import { esc } from '../app.js';

export async function render(main, context) {
  const { api, live } = context;
  const [status, health, tasks] = await Promise.all([api.get('/system/status'), api.get('/health'), api.get('/system/task')]);
  const row = (label, value) => `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>`;
  main.innerHTML = `
    <h1>System</h1>
    <h2>Health</h2>
    ${health.length ? `<ul class="health">${health.map((h) => `<li><span class="badge ${h.type === 'error' ? 'bad' : 'warn'}">${esc(h.type)}</span> ${esc(h.message)}</li>`).join('')}</ul>` : '<p class="muted">No problems found.</p>'}
    <h2>About</h2>
    <table><tbody>
      ${row('Version', `${status.version} (Unified-Radarr ${status.packageVersion || ''})`)}
      ${row('Database', `${status.databaseType} ${status.databaseVersion}`)}
      ${row('Data folder', status.appData)}
      ${row('Started', status.startTime)}
    </tbody></table>
    <h2>Scheduled tasks</h2>
    <table class="wide"><thead><tr><th>Task</th><th>Interval</th><th>Last run</th><th>Next run</th></tr></thead><tbody>
      ${tasks.map((t) => `<tr><td>${esc(t.name)}</td><td>${esc(t.interval)} min</td><td>${esc((t.lastExecution || '').replace('T', ' ').slice(0, 16))}</td><td>${esc((t.nextExecution || '').replace('T', ' ').slice(0, 16))}</td></tr>`).join('')}
    </tbody></table>`;
  // Health and tasks change under the page: draw it again when they do.
  const off = live.on('health', () => {
    off();
    render(main, context);
  });
}
