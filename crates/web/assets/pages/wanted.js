// Wanted: the monitored movies still missing, or below their profile's
// cutoff, paged by the server; tick some and search for them.
import { esc, toast } from '../app.js';

export async function render(main, { path, api, link }) {
  const cutoff = path.toLowerCase().startsWith('/wanted/cutoffunmet');
  const view = { page: 1, pageSize: 50 };
  main.innerHTML = `
    <h1>Wanted</h1>
    <nav class="tabs" aria-label="Wanted lists">
      <a href="${link('/wanted/missing')}"${cutoff ? '' : ' aria-current="page"'}>Missing</a>
      <a href="${link('/wanted/cutoffunmet')}"${cutoff ? ' aria-current="page"' : ''}>Cutoff unmet</a>
    </nav>
    <div class="toolbar">
      <button type="button" class="primary" name="search" disabled>Search selected</button>
      <span class="count" aria-live="polite"></span>
    </div>
    <table class="wide"><thead><tr><th><input type="checkbox" name="all" aria-label="Select all"></th><th>Title</th><th>Year</th><th>In cinemas</th><th>Digital</th></tr></thead><tbody></tbody></table>
    <div class="toolbar"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>`;
  const body = main.querySelector('tbody');
  const searchButton = main.querySelector('[name=search]');
  const selected = () => [...body.querySelectorAll('input:checked')].map((c) => Number(c.value));

  async function load() {
    const page = await api.get(`/wanted/${cutoff ? 'cutoff' : 'missing'}?page=${view.page}&pageSize=${view.pageSize}&sortKey=movieMetadata.sortTitle&sortDirection=ascending`);
    const pages = Math.max(1, Math.ceil(page.totalRecords / view.pageSize));
    main.querySelector('.count').textContent = `${page.totalRecords} movies; page ${view.page} of ${pages}`;
    main.querySelector('[name=previous]').disabled = view.page <= 1;
    main.querySelector('[name=next]').disabled = view.page >= pages;
    body.innerHTML = page.records.length
      ? page.records.map((m) => `<tr><td><input type="checkbox" value="${m.id}" aria-label="Select ${esc(m.title)}"></td>
          <td><a href="${link(`/movie/${esc(m.titleSlug || m.tmdbId)}`)}">${esc(m.title)}</a></td><td>${esc(m.year)}</td>
          <td>${esc((m.inCinemas || '').slice(0, 10))}</td><td>${esc((m.digitalRelease || '').slice(0, 10))}</td></tr>`).join('')
      : `<tr><td colspan="5" class="muted">${cutoff ? 'Every movie has met its cutoff.' : 'No monitored movie is missing.'}</td></tr>`;
    searchButton.disabled = true;
  }

  body.addEventListener('change', () => { searchButton.disabled = selected().length === 0; });
  main.querySelector('[name=all]').addEventListener('change', (event) => {
    body.querySelectorAll('input[type=checkbox]').forEach((c) => { c.checked = event.target.checked; });
    searchButton.disabled = selected().length === 0;
  });
  searchButton.addEventListener('click', async () => {
    const movieIds = selected();
    await api.post('/command', { name: 'MoviesSearch', movieIds });
    toast(`Searching for ${movieIds.length} movie${movieIds.length === 1 ? '' : 's'}`);
  });
  main.querySelector('[name=previous]').addEventListener('click', () => { view.page -= 1; load(); });
  main.querySelector('[name=next]').addEventListener('click', () => { view.page += 1; load(); });
  await load();
}
