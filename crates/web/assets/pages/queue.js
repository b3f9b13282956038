// Queue: the downloads the server follows, with their progress, time left
// and the clients' messages; each can be removed, from the client too, and
// its release blocklisted so it is not grabbed again. Drawn again whenever
// the server says the queue changed.
import { esc, size, toast } from '../app.js';
import { activityTabs } from './activity_tabs.js';

const PAGE_SIZE = 50;

// Radarr's TimeSpan ("1.02:03:04", "00:12:34") as people read it.
function timeLeft(span) {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(span || '');
  if (!match) return '';
  const [, days, hours, minutes, seconds] = match.map((v) => Number(v || 0));
  if (days) return `${days} d ${hours} h`;
  if (hours) return `${hours} h ${minutes} min`;
  return minutes ? `${minutes} min` : `${seconds} s`;
}

function progress(q) {
  return q.size ? Math.max(0, Math.min(100, (100 * (q.size - q.sizeleft)) / q.size)) : 0;
}

const BADGE = { ok: 'ok', warning: 'warn', error: 'bad' };
const cell = (label, html) => `<td data-label="${esc(label)}">${html}</td>`;

export async function render(main, { api, link, live }) {
  let page = 1;
  let records = [];
  let stale = false;
  main.innerHTML = `
    <h1>Queue</h1>
    ${activityTabs(link, 'queue')}
    <div class="toolbar">
      <button type="button" name="refresh">Check the clients now</button>
      <span class="count" aria-live="polite"></span>
    </div>
    <div class="queue"></div>
    <div class="toolbar pages"><button type="button" name="previous">Previous</button><button type="button" name="next">Next</button></div>`;
  const list = main.querySelector('.queue');

  function row(q, at) {
    const percent = progress(q);
    const movie = q.movie
      ? `<a href="${link(`/movie/${esc(q.movie.titleSlug || q.movie.tmdbId)}`)}">${esc(q.movie.title)}</a> <span class="muted">${esc(q.movie.year || '')}</span>`
      : '<span class="muted">Unknown movie</span>';
    const messages = (q.statusMessages || []).flatMap((m) => m.messages || []);
    if (q.errorMessage) messages.unshift(q.errorMessage);
    return `<tr class="download" data-id="${esc(q.id)}">
      ${cell('Movie', movie)}
      ${cell('Release', `${esc(q.title)}${messages.length ? `<ul class="messages">${messages.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>` : ''}`)}
      ${cell('Status', `<span class="badge ${BADGE[q.trackedDownloadStatus] || ''}">${esc(q.status)}</span> <span class="muted">${esc(q.trackedDownloadState || '')}</span>`)}
      ${cell('Progress', `<progress max="100" value="${percent.toFixed(1)}" aria-label="${esc(q.title)}: ${percent.toFixed(0)}%"></progress> <span class="percent">${percent.toFixed(0)}%</span>`)}
      ${cell('Time left', esc(timeLeft(q.timeleft)) || '<span class="muted">–</span>')}
      ${cell('Size', `${esc(size(q.size - q.sizeleft))} of ${esc(size(q.size))}`)}
      ${cell('Quality', esc(q.quality?.quality?.name))}
      ${cell('Client', esc(q.downloadClient || ''))}
      <td><button type="button" name="remove" data-at="${at}" aria-expanded="false">Remove</button></td></tr>`;
  }

  async function load() {
    // A removal being asked about stays put; the news is drawn after it.
    if (list.querySelector('tr.removal')) {
      stale = true;
      return;
    }
    stale = false;
    const answer = await api.get(`/queue?includeMovie=true&page=${page}&pageSize=${PAGE_SIZE}&sortKey=timeleft&sortDirection=ascending`);
    const pages = Math.max(1, Math.ceil(answer.totalRecords / PAGE_SIZE));
    if (page > pages) {
      page = pages;
      return load();
    }
    records = answer.records;
    main.querySelector('.count').textContent = `${answer.totalRecords} download${answer.totalRecords === 1 ? '' : 's'}${pages > 1 ? `; page ${page} of ${pages}` : ''}`;
    main.querySelector('[name=previous]').disabled = page <= 1;
    main.querySelector('[name=next]').disabled = page >= pages;
    main.querySelector('.pages').hidden = pages <= 1;
    list.innerHTML = records.length
      ? `<table class="cards downloads"><thead><tr><th>Movie</th><th>Release</th><th>Status</th><th>Progress</th><th>Time left</th><th>Size</th><th>Quality</th><th>Client</th><th><span class="sr-only">Remove</span></th></tr></thead>
        <tbody>${records.map(row).join('')}</tbody></table>`
      : '<p class="muted empty">Nothing is downloading.</p>';
  }

  // Removal asks how, beside the download: from the client (Radarr's
  // default) and whether to blocklist the release.
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=remove]');
    if (!button) return;
    const tr = button.closest('tr');
    if (tr.nextElementSibling?.classList.contains('removal')) {
      tr.nextElementSibling.remove();
      button.setAttribute('aria-expanded', 'false');
      if (stale) load();
      return;
    }
    const q = records[Number(button.dataset.at)];
    button.setAttribute('aria-expanded', 'true');
    tr.insertAdjacentHTML('afterend', `<tr class="removal"><td colspan="9"><form class="inline">
      <label><input type="checkbox" name="removeFromClient" checked> Remove from the download client</label>
      <label><input type="checkbox" name="blocklist"> Blocklist the release</label>
      <button type="submit" class="danger">Remove ${esc(q.title)}</button>
      <button type="button" name="cancel">Cancel</button></form></td></tr>`);
    const form = tr.nextElementSibling.querySelector('form');
    form.elements.removeFromClient.focus();
    form.querySelector('[name=cancel]').addEventListener('click', () => {
      form.closest('tr').remove();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
      if (stale) load();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const query = new URLSearchParams({ removeFromClient: form.elements.removeFromClient.checked, blocklist: form.elements.blocklist.checked });
      try {
        await api.del(`/queue/${q.id}?${query}`);
        toast(`${q.title} removed${form.elements.blocklist.checked ? ' and blocklisted' : ''}`);
        form.closest('tr').remove();
        await load();
      } catch (error) {
        form.querySelector('.error')?.remove();
        form.insertAdjacentHTML('beforeend', `<p class="error">${esc(error.message)}</p>`);
      }
    });
  });

  // Asks the clients for news; the server says `queue` when it has some.
  const check = () => api.post('/command', { name: 'RefreshMonitoredDownloads' });
  main.querySelector('[name=refresh]').addEventListener('click', async () => {
    try {
      await check();
      toast('Checking the download clients');
    } catch (error) {
      toast(error.message);
    }
  });
  main.querySelector('[name=previous]').addEventListener('click', () => { page -= 1; load(); });
  main.querySelector('[name=next]').addEventListener('click', () => { page += 1; load(); });
  live.on('queue', () => load().catch((error) => toast(error.message)));
  await load();
  // What the page shows may be a minute old (the clients are polled once
  // a minute): ask now, as Radarr's clients do before reading the queue.
  check().catch((error) => toast(error.message));
}
