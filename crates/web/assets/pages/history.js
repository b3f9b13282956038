// History: every grab, import, failure and deletion, newest first, paged by
// the server; follows new events live.
import { esc, stamp } from '../app.js';
import { activityTabs } from './activity_tabs.js';

const EVENTS = {
  grabbed: 'Grabbed',
  downloadFolderImported: 'Imported',
  downloadFailed: 'Failed',
  movieFileDeleted: 'File deleted',
  movieFileRenamed: 'Renamed',
  downloadIgnored: 'Ignored',
  movieFolderImported: 'Folder imported',
};

export async function render(main, { api, link, live }) {
  const view = { page: 1, pageSize: 50 };
  main.innerHTML = `
    <h1>History</h1>
    ${activityTabs(link, 'history')}
    <div class="toolbar"><span class="count" aria-live="polite"></span></div>
    <table class="wide"><thead><tr><th>Event</th><th>Movie</th><th>Release</th><th>Quality</th><th>Date</th></tr></thead><tbody></tbody></table>
    <div class="toolbar"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>`;
  const body = main.querySelector('tbody');

  async function load() {
    const page = await api.get(`/history?page=${view.page}&pageSize=${view.pageSize}&sortKey=date&sortDirection=descending&includeMovie=true`);
    const pages = Math.max(1, Math.ceil(page.totalRecords / view.pageSize));
    main.querySelector('.count').textContent = `${page.totalRecords} events; page ${view.page} of ${pages}`;
    main.querySelector('[name=previous]').disabled = view.page <= 1;
    main.querySelector('[name=next]').disabled = view.page >= pages;
    body.innerHTML = page.records.length
      ? page.records.map((e) => {
        const movie = e.movie ? `<a href="${link(`/movie/${esc(e.movie.titleSlug || e.movie.tmdbId)}`)}">${esc(e.movie.title)}</a>` : '';
        return `<tr><td><span class="badge ${e.eventType === 'downloadFailed' ? 'bad' : e.eventType === 'downloadFolderImported' ? 'ok' : ''}">${esc(EVENTS[e.eventType] || e.eventType)}</span></td>
          <td>${movie}</td><td>${esc(e.sourceTitle)}</td><td>${esc(e.quality?.quality?.name)}</td><td>${esc(stamp(e.date))}</td></tr>`;
      }).join('')
      : '<tr><td colspan="5" class="muted">No history yet.</td></tr>';
  }

  main.querySelector('[name=previous]').addEventListener('click', () => { view.page -= 1; load(); });
  main.querySelector('[name=next]').addEventListener('click', () => { view.page += 1; load(); });
  // Grabs, imports and failures change the queue; look again when it does.
  live.on('queue', () => load());
  await load();
}
