// Calendar: the library's releases by day, as a month grid or an agenda of
// the weeks ahead; each movie's cinema, digital and physical releases.
import { esc } from '../app.js';

const LABELS = { inCinemas: 'In cinemas', digitalRelease: 'Digital', physicalRelease: 'Physical' };
const day = (date) => date.toISOString().slice(0, 10);

// Every (day, movie, kind) of the movies' releases.
function releases(movies) {
  return movies.flatMap((m) => Object.keys(LABELS)
    .filter((kind) => m[kind])
    .map((kind) => ({ day: m[kind].slice(0, 10), movie: m, kind })));
}

function item(release, link) {
  const cls = release.movie.hasFile ? 'ok' : release.movie.monitored ? 'bad' : '';
  return `<li><a href="${link(`/movie/${esc(release.movie.titleSlug || release.movie.tmdbId)}`)}">${esc(release.movie.title)}</a>
    <span class="badge ${cls}">${LABELS[release.kind]}</span></li>`;
}

export async function render(main, { api, link, live }) {
  const view = { layout: 'month', month: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)) };
  main.innerHTML = `
    <h1>Calendar</h1>
    <div class="toolbar">
      <button type="button" name="previous" aria-label="Earlier">‹</button>
      <strong class="span" aria-live="polite"></strong>
      <button type="button" name="next" aria-label="Later">›</button>
      <button type="button" name="today">Today</button>
      <button type="button" name="layout">Agenda</button>
      <a class="grow" href="#" data-plain name="ical">iCal feed</a>
    </div>
    <div class="calendar"></div>`;
  const box = main.querySelector('.calendar');

  async function draw() {
    const month = view.month;
    const start = view.layout === 'month' ? month : new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), new Date().getUTCDate()));
    const end = view.layout === 'month'
      ? new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0))
      : new Date(start.getTime() + 27 * 86400000);
    const movies = await api.get(`/calendar?start=${day(start)}&end=${day(end)}T23:59:59Z&unmonitored=true`);
    const all = releases(movies).filter((r) => r.day >= day(start) && r.day <= day(end));
    main.querySelector('.span').textContent = view.layout === 'month'
      ? month.toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
      : `${day(start)} to ${day(end)}`;
    if (view.layout === 'agenda') {
      const days = [...new Set(all.map((r) => r.day))].sort();
      box.innerHTML = days.length
        ? days.map((d) => `<h2>${esc(d)}</h2><ul class="plain">${all.filter((r) => r.day === d).map((r) => item(r, link)).join('')}</ul>`).join('')
        : '<p class="muted">Nothing released in these four weeks.</p>';
      return;
    }
    // Weeks start on Sunday, as Radarr's calendar does by default.
    const cells = [];
    for (let i = 0; i < month.getUTCDay(); i += 1) cells.push('<div class="day empty"></div>');
    for (let d = new Date(month); d <= end; d = new Date(d.getTime() + 86400000)) {
      const here = all.filter((r) => r.day === day(d));
      cells.push(`<div class="day"><span class="date">${d.getUTCDate()}</span><ul class="plain">${here.map((r) => item(r, link)).join('')}</ul></div>`);
    }
    box.innerHTML = `<div class="month" role="grid">${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((n) => `<div class="weekday">${n}</div>`).join('')}${cells.join('')}</div>`;
  }

  const step = (months) => {
    view.month = new Date(Date.UTC(view.month.getUTCFullYear(), view.month.getUTCMonth() + months, 1));
    draw();
  };
  main.querySelector('[name=previous]').addEventListener('click', () => step(-1));
  main.querySelector('[name=next]').addEventListener('click', () => step(1));
  main.querySelector('[name=today]').addEventListener('click', () => {
    view.month = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1));
    draw();
  });
  main.querySelector('[name=layout]').addEventListener('click', (event) => {
    view.layout = view.layout === 'month' ? 'agenda' : 'month';
    event.target.textContent = view.layout === 'month' ? 'Agenda' : 'Month';
    draw();
  });
  // The feed's address, with the key, for a calendar app to subscribe to.
  main.querySelector('[name=ical]').addEventListener('click', (event) => {
    event.preventDefault();
    const url = `${window.location.origin}${api.feedUrl()}`;
    window.prompt('Subscribe to this address in your calendar app:', url);
  });
  live.on('movie', () => draw());
  await draw();
}
