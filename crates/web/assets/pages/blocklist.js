// Blocklist: the releases that will not be grabbed again (failed downloads,
// or ones the user turned down), newest first, paged by the server; each
// can be removed, so it may be grabbed again, or several at once, or all
// of them (Radarr's ClearBlocklist command).
import { armed, disarm, esc, link as linkTo, stamp, toast } from '../app.js';
import { activityTabs } from './activity_tabs.js';

const PAGE_SIZE = 50;
const cell = (label, html) => `<td data-label="${esc(label)}">${html}</td>`;

function row(entry) {
  const movie = entry.movie
    ? `<a href="${esc(linkTo(`/movie/${entry.movie.titleSlug || entry.movie.tmdbId}`))}">${esc(entry.movie.title)}</a>`
    : '<span class="muted">Unknown movie</span>';
  const formats = (entry.customFormats || []).map((f) => `<span class="badge">${esc(f.name)}</span>`).join(' ');
  return `<tr data-id="${esc(entry.id)}">
    <td><input type="checkbox" name="entry" value="${esc(entry.id)}" aria-label="Select ${esc(entry.sourceTitle)}"></td>
    ${cell('Movie', movie)}
    ${cell('Release', esc(entry.sourceTitle))}
    ${cell('Quality', esc(entry.quality?.quality?.name))}
    ${cell('Custom formats', formats || '<span class="muted">–</span>')}
    ${cell('Date', esc(stamp(entry.date)))}
    ${cell('Indexer', esc(entry.indexer || ''))}
    ${cell('Message', esc(entry.message || ''))}
    <td><button type="button" name="remove" data-id="${esc(entry.id)}" aria-label="Remove ${esc(entry.sourceTitle)}">Remove</button></td></tr>`;
}

export async function render(main, { api, link, live }) {
  let page = 1;
  main.innerHTML = `
    <h1>Blocklist</h1>
    ${activityTabs(link, 'blocklist')}
    <div class="toolbar">
      <label class="check"><input type="checkbox" name="all"> Select all</label>
      <button type="button" name="removeSelected" disabled>Remove selected</button>
      <button type="button" name="clear">Clear blocklist</button>
      <span class="count" aria-live="polite"></span>
    </div>
    <div class="blocklist"></div>
    <div class="toolbar pages"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>`;
  const list = main.querySelector('.blocklist');
  const removeSelected = main.querySelector('[name=removeSelected]');
  const selectAll = main.querySelector('input[name=all]');
  const selected = () => [...list.querySelectorAll('input[name=entry]:checked')].map((c) => Number(c.value));

  async function load() {
    const answer = await api.get(`/blocklist?page=${page}&pageSize=${PAGE_SIZE}&sortKey=date&sortDirection=descending&includeMovie=true`);
    const pages = Math.max(1, Math.ceil(answer.totalRecords / PAGE_SIZE));
    if (page > pages) {
      page = pages;
      return load();
    }
    main.querySelector('.count').textContent = `${answer.totalRecords} release${answer.totalRecords === 1 ? '' : 's'}${pages > 1 ? `; page ${page} of ${pages}` : ''}`;
    main.querySelector('[name=previous]').disabled = page <= 1;
    main.querySelector('[name=next]').disabled = page >= pages;
    main.querySelector('.pages').hidden = pages <= 1;
    main.querySelector('[name=clear]').disabled = answer.totalRecords === 0;
    list.innerHTML = answer.records.length
      ? `<table class="cards blocklisted"><thead><tr><th><span class="sr-only">Select</span></th><th>Movie</th><th>Release</th><th>Quality</th><th>Custom formats</th><th>Date</th><th>Indexer</th><th>Message</th><th><span class="sr-only">Remove</span></th></tr></thead>
        <tbody>${answer.records.map(row).join('')}</tbody></table>`
      : '<p class="muted empty">Nothing is blocklisted.</p>';
    removeSelected.disabled = true;
    selectAll.checked = false;
    selectAll.disabled = answer.records.length === 0;
    return undefined;
  }

  const report = (error) => toast(error.message);
  selectAll.addEventListener('change', () => {
    list.querySelectorAll('input[name=entry]').forEach((c) => { c.checked = selectAll.checked; });
    removeSelected.disabled = selected().length === 0;
  });
  list.addEventListener('change', () => { removeSelected.disabled = selected().length === 0; });
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=remove]');
    if (!button) return;
    try {
      await api.del(`/blocklist/${button.dataset.id}`);
      toast('Removed from the blocklist');
      await load();
    } catch (error) {
      report(error);
    }
  });
  removeSelected.addEventListener('click', async () => {
    const ids = selected();
    try {
      await api.del('/blocklist/bulk', { ids });
      toast(`Removed ${ids.length} from the blocklist`);
      await load();
    } catch (error) {
      report(error);
    }
  });
  const clear = main.querySelector('[name=clear]');
  clear.addEventListener('click', async () => {
    if (!armed(clear)) return;
    try {
      const outcome = await api.runCommand({ name: 'ClearBlocklist' });
      toast(outcome.status === 'failed' ? outcome.message || 'Clearing failed' : 'Blocklist cleared');
    } catch (error) {
      report(error);
    }
    disarm(clear);
    await load().catch(report);
  });
  main.querySelector('[name=previous]').addEventListener('click', () => { page -= 1; load().catch(report); });
  main.querySelector('[name=next]').addEventListener('click', () => { page += 1; load().catch(report); });
  // A failed download is blocklisted as the queue changes.
  live.on('queue', () => load().catch(report));
  await load();
}
