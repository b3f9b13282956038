// Movies: the library as posters or a table; sorted, filtered and searched
// in the page, and drawn a screenful at a time as it scrolls, so 10,000
// movies stay quick.
import { esc } from '../app.js';

const STEP = 120;

const sorts = {
  title: (m) => (m.sortTitle || m.title || '').toLowerCase(),
  year: (m) => m.year || 0,
  added: (m) => m.added || '',
  size: (m) => m.sizeOnDisk || 0,
};

const filters = {
  all: () => true,
  monitored: (m) => m.monitored,
  unmonitored: (m) => !m.monitored,
  missing: (m) => m.monitored && !m.hasFile,
  downloaded: (m) => m.hasFile,
};

function state(m) {
  if (m.hasFile) return 'downloaded';
  return m.monitored ? 'missing' : 'unmonitored';
}

function options(values, selected, all) {
  return [`<option value="">${esc(all)}</option>`]
    .concat(values.map(([value, label]) => `<option value="${esc(value)}"${String(value) === selected ? ' selected' : ''}>${esc(label)}</option>`))
    .join('');
}

export async function render(main, { api, link, live }) {
  const [movies, profiles, tags] = await Promise.all([api.get('/movie'), api.get('/qualityprofile'), api.get('/tag')]);
  const genres = [...new Set(movies.flatMap((m) => m.genres || []))].sort();
  const view = {
    layout: localStorage.getItem('movies.layout') || 'posters',
    sort: 'title',
    ascending: true,
    filter: 'all',
    genre: '',
    profile: '',
    tag: '',
    term: '',
  };
  main.innerHTML = `
    <h1>Movies</h1>
    <form class="toolbar" role="search" onsubmit="return false">
      <input class="grow" type="search" name="term" placeholder="Search the library" aria-label="Search the library">
      <select name="filter" aria-label="Show">
        <option value="all">All</option><option value="monitored">Monitored</option>
        <option value="unmonitored">Unmonitored</option><option value="missing">Missing</option>
        <option value="downloaded">Downloaded</option>
      </select>
      <select name="genre" aria-label="Genre">${options(genres.map((g) => [g, g]), '', 'Any genre')}</select>
      <select name="profile" aria-label="Quality profile">${options(profiles.map((p) => [p.id, p.name]), '', 'Any profile')}</select>
      <select name="tag" aria-label="Tag">${options(tags.map((t) => [t.id, t.label]), '', 'Any tag')}</select>
      <select name="sort" aria-label="Sort by">
        <option value="title">Title</option><option value="year">Year</option>
        <option value="added">Added</option><option value="size">Size on disk</option>
      </select>
      <button type="button" name="direction" aria-label="Sort direction">Ascending</button>
      <button type="button" name="layout">${view.layout === 'posters' ? 'Table' : 'Posters'}</button>
      <span class="count" aria-live="polite"></span>
    </form>
    <div class="movies"></div>
    <p class="more"></p>`;
  const form = main.querySelector('form');
  const list = main.querySelector('.movies');
  const more = main.querySelector('.more');
  let shown = [];
  let drawn = 0;

  function select() {
    const term = view.term.trim().toLowerCase();
    const key = sorts[view.sort];
    shown = movies.filter((m) =>
      filters[view.filter](m) &&
      (!view.genre || (m.genres || []).includes(view.genre)) &&
      (!view.profile || String(m.qualityProfileId) === view.profile) &&
      (!view.tag || (m.tags || []).map(String).includes(view.tag)) &&
      (!term || (m.title || '').toLowerCase().includes(term) || String(m.year) === term));
    shown.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * (view.ascending ? 1 : -1);
    });
    form.querySelector('.count').textContent = `${shown.length} of ${movies.length} movies`;
    drawn = 0;
    list.innerHTML = view.layout === 'posters'
      ? '<div class="posters"></div>'
      : `<table class="wide"><thead><tr><th>Title</th><th>Year</th><th>Status</th><th>Quality profile</th><th>Added</th></tr></thead><tbody></tbody></table>`;
    drawMore();
  }

  function drawMore() {
    const next = shown.slice(drawn, drawn + STEP);
    drawn += next.length;
    const profileName = (id) => profiles.find((p) => p.id === id)?.name || '';
    if (view.layout === 'posters') {
      list.querySelector('.posters').insertAdjacentHTML('beforeend', next.map((m) => `
        <a class="poster" href="${link(`/movie/${esc(m.titleSlug || m.tmdbId)}`)}">
          ${(m.images || []).some((i) => i.coverType === 'poster') ? `<img loading="lazy" alt="" src="${esc(api.poster(m))}">` : '<img alt="">'}
          <div class="status ${state(m)}" title="${state(m)}"></div>
          <div class="caption">${esc(m.title)} <span class="muted">${esc(m.year)}</span></div>
        </a>`).join(''));
    } else {
      list.querySelector('tbody').insertAdjacentHTML('beforeend', next.map((m) => `
        <tr><td><a href="${link(`/movie/${esc(m.titleSlug || m.tmdbId)}`)}">${esc(m.title)}</a></td>
        <td>${esc(m.year)}</td><td><span class="badge ${m.hasFile ? 'ok' : m.monitored ? 'bad' : ''}">${state(m)}</span></td>
        <td>${esc(profileName(m.qualityProfileId))}</td><td>${esc((m.added || '').slice(0, 10))}</td></tr>`).join(''));
    }
    more.textContent = drawn < shown.length ? 'Scroll for more' : shown.length ? '' : 'No movies match.';
  }

  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && drawn < shown.length) drawMore();
  }).observe(more);

  // `input` as the user types or picks; `change` too, for a field cleared
  // at once (the search box's clear button).
  const changed = (event) => {
    const { name, value } = event.target;
    if (name in view && view[name] !== value) {
      view[name] = value;
      select();
    }
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.querySelector('[name=direction]').addEventListener('click', (event) => {
    view.ascending = !view.ascending;
    event.target.textContent = view.ascending ? 'Ascending' : 'Descending';
    select();
  });
  form.querySelector('[name=layout]').addEventListener('click', (event) => {
    view.layout = view.layout === 'posters' ? 'table' : 'posters';
    localStorage.setItem('movies.layout', view.layout);
    event.target.textContent = view.layout === 'posters' ? 'Table' : 'Posters';
    select();
  });
  // A movie added, changed or deleted elsewhere shows here at once.
  live.on('movie', ({ resource, action }) => {
    if (!resource) return;
    const at = movies.findIndex((m) => m.id === resource.id);
    if (action === 'deleted') {
      if (at >= 0) movies.splice(at, 1);
    } else if (at >= 0) {
      movies[at] = resource;
    } else {
      movies.push(resource);
    }
    select();
  });
  select();
}
