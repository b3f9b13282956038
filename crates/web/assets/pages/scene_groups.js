// Scene groups: each release group's reputation, sortable and paged by the
// server, and the analysis settings, saved with Radarr's validation shown
// beside each field.
import { esc, showFailures, toast } from '../app.js';

const columns = [
  ['name', 'Group'],
  ['score', 'Score'],
  ['sampleSize', 'Releases'],
  ['updated', 'Updated'],
];

const settings = [
  ['batchSize', 'BatchSize', 'Releases a request'],
  ['concurrentRequests', 'ConcurrentRequests', 'Requests in flight'],
  ['requestDelayMs', 'RequestDelayMs', 'Delay between requests (ms)'],
  ['retryAttempts', 'RetryAttempts', 'Retries'],
  ['timeoutSeconds', 'TimeoutSeconds', 'Timeout (s)'],
  ['reputationWeight', 'ReputationWeight', 'Reputation weight'],
  ['intervalDays', 'IntervalDays', 'Days between analyses (0: off)'],
];

const percent = (share) => `${Math.round((share || 0) * 100)}%`;

export async function render(main, { api, live }) {
  const view = { page: 1, pageSize: 50, sortKey: 'score', sortDirection: 'descending' };
  main.innerHTML = `
    <h1>Scene groups</h1>
    <p class="muted">Each release group's reputation from tracker data, 0 to 100; 50 is neutral.</p>
    <div class="toolbar">
      <button type="button" class="primary" name="analyse">Analyse now</button>
      <span class="count" aria-live="polite"></span>
    </div>
    <table class="wide groups"><thead><tr>${columns.map(([key, label]) => `<th><button type="button" data-key="${key}">${label}</button></th>`).join('')}<th>Internal</th><th>Median seeders</th></tr></thead><tbody></tbody></table>
    <div class="toolbar"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>
    <h2>Settings</h2>
    <form class="form settings" novalidate>
      ${settings.map(([field, property, label]) => `<label for="sg-${field}">${label}</label><input id="sg-${field}" name="${field}" data-property="${property}" type="number" step="any">`).join('')}
      <span></span><button type="submit" class="primary">Save</button>
    </form>`;
  const body = main.querySelector('tbody');

  async function load() {
    const query = new URLSearchParams(view);
    const page = await api.get(`/scenegroup?${query}`);
    const pages = Math.max(1, Math.ceil(page.totalRecords / view.pageSize));
    main.querySelector('.count').textContent = `${page.totalRecords} groups; page ${view.page} of ${pages}`;
    main.querySelector('[name=previous]').disabled = view.page <= 1;
    main.querySelector('[name=next]').disabled = view.page >= pages;
    main.querySelectorAll('th button').forEach((b) => {
      if (b.dataset.key === view.sortKey) b.setAttribute('aria-sort', view.sortDirection);
      else b.removeAttribute('aria-sort');
    });
    body.innerHTML = page.records.length
      ? page.records.map((g) => `<tr><td>${esc(g.name)}</td><td>${esc(g.score.toFixed(1))}</td><td>${esc(g.sampleSize)}</td><td>${esc((g.updated || '').slice(0, 10))}</td><td>${percent(g.statistics.internalShare)}</td><td>${esc(g.statistics.medianSeeders)}</td></tr>`).join('')
      : '<tr><td colspan="6" class="muted">No groups analysed yet: add an HDBits indexer and analyse.</td></tr>';
  }

  main.querySelector('thead').addEventListener('click', (event) => {
    const key = event.target.dataset.key;
    if (!key) return;
    view.sortDirection = view.sortKey === key && view.sortDirection === 'descending' ? 'ascending' : 'descending';
    view.sortKey = key;
    view.page = 1;
    load();
  });
  main.querySelector('[name=previous]').addEventListener('click', () => { view.page -= 1; load(); });
  main.querySelector('[name=next]').addEventListener('click', () => { view.page += 1; load(); });
  main.querySelector('[name=analyse]').addEventListener('click', async () => {
    await api.post('/command', { name: 'SceneGroupAnalysis' });
    toast('Scene-group analysis queued');
  });

  // The table follows an analysis as it ends, wherever it was started.
  live.on('command', ({ resource }) => {
    if (resource && resource.name === 'SceneGroupAnalysis' && resource.status === 'completed') load();
  });

  const form = main.querySelector('form.settings');
  const config = await api.get('/config/scenegroup');
  for (const [field] of settings) form.elements[field].value = config[field];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changed = { ...config };
    for (const [field] of settings) changed[field] = Number(form.elements[field].value);
    try {
      Object.assign(config, await api.put('/config/scenegroup', changed));
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      toast('Settings saved');
    } catch (error) {
      showFailures(form, error);
    }
  });
  await load();
}
