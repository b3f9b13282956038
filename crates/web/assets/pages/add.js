// Add a movie: search TMDB through the server's lookup, pick a result, and
// add it with a root folder, quality profile, minimum availability, monitor
// choice, tags and an optional search on add. Radarr's validation is shown
// beside the field it names; a lookup that fails shows the server's message.
import { esc, showFailures, toast } from '../app.js';
import { chosenTags, loadTags, tagPicker, wireTagPicker } from '../tags.js';

const AVAILABILITY = [['announced', 'Announced'], ['inCinemas', 'In cinemas'], ['released', 'Released']];
const MONITOR = [['movieOnly', 'Movie only'], ['movieAndCollection', 'Movie and collection'], ['none', 'None']];
// The last choices, kept as Radarr's UI keeps them, so adding several
// movies in a row needs no new picking.
const REMEMBERED = 'add.defaults';

function options(values, selected) {
  return values.map(([value, label]) => `<option value="${esc(value)}"${String(value) === String(selected) ? ' selected' : ''}>${esc(label)}</option>`).join('');
}

// A library movie's poster is kept under /MediaCover; a search result's
// comes through the server's /MediaCoverProxy (the browser need not reach
// TMDB, nor tell it what the user searches for).
function posterOf(movie, api) {
  const poster = (movie.images || []).find((i) => i.coverType === 'poster');
  if (!poster) return '';
  return movie.id ? api.poster(movie) : poster.url;
}

const facts = (m) => [m.studio, m.runtime ? `${m.runtime} min` : '', (m.genres || []).join(', ')].filter(Boolean).join(' · ');

export async function render(main, { api, link }) {
  const [folders, profiles] = await Promise.all([api.get('/rootfolder'), api.get('/qualityprofile')]);
  // Read again as each form opens: a tag made in one is there for the next.
  let tags = [];
  const defaults = { monitor: 'movieOnly', minimumAvailability: 'released', searchForMovie: false, ...JSON.parse(localStorage.getItem(REMEMBERED) || '{}') };
  main.innerHTML = `
    <h1>Add a movie</h1>
    <form class="toolbar lookup" role="search">
      <input class="grow" type="search" name="term" placeholder="Title, tmdb:603 or imdb:tt0133093" aria-label="Search TMDB" autocomplete="off">
      <button type="submit" class="primary">Search</button>
    </form>
    ${folders.length ? '' : `<p class="error">No root folder yet: add one in <a href="${link('/settings/mediamanagement')}">Settings → Media management</a> first.</p>`}
    <p class="status muted" aria-live="polite"></p>
    <ul class="results"></ul>`;
  const search = main.querySelector('form.lookup');
  const status = main.querySelector('.status');
  const list = main.querySelector('.results');
  let results = [];
  let asked = 0;

  // Only the latest lookup is drawn: an older answer arriving late is dropped.
  async function lookup(term) {
    const mine = ++asked;
    if (!term.trim()) {
      list.innerHTML = '';
      status.textContent = '';
      return;
    }
    status.className = 'status muted';
    status.textContent = `Searching for “${term}”…`;
    try {
      const found = await api.get(`/movie/lookup?term=${encodeURIComponent(term)}`);
      if (mine !== asked) return;
      results = found;
      status.textContent = found.length ? `${found.length} found` : 'Nothing found.';
      list.innerHTML = found.map((m, at) => item(m, at)).join('');
    } catch (error) {
      if (mine !== asked) return;
      status.className = 'status error';
      status.textContent = error.message;
      list.innerHTML = '';
    }
  }

  function item(m, at) {
    const poster = posterOf(m, api);
    const action = m.id
      ? `<a href="${link(`/movie/${esc(m.titleSlug || m.tmdbId)}`)}">In the library</a>`
      : `<button type="button" name="choose" data-at="${at}" data-tmdb-id="${esc(m.tmdbId)}" aria-expanded="false">Add…</button>`;
    return `<li class="result">
      ${poster ? `<img loading="lazy" alt="" src="${esc(poster)}">` : '<div class="no-poster" aria-hidden="true"></div>'}
      <div class="about"><h2>${esc(m.title)} <span class="muted">${esc(m.year || '')}</span></h2>
        ${facts(m) ? `<p class="muted">${esc(facts(m))}</p>` : ''}
        <p class="overview">${esc(m.overview || '')}</p>${action}</div></li>`;
  }

  function addForm(m) {
    const id = `add-${m.tmdbId}`;
    return `<form class="form add" novalidate>
      <label for="${id}-root">Root folder</label>
      <select id="${id}-root" name="rootFolderPath" data-property="RootFolderPath">${options(folders.map((f) => [f.path, f.path]), defaults.rootFolderPath)}</select>
      <label for="${id}-profile">Quality profile</label>
      <select id="${id}-profile" name="qualityProfileId" data-property="QualityProfileId">${options(profiles.map((p) => [p.id, p.name]), defaults.qualityProfileId)}</select>
      <label for="${id}-availability">Minimum availability</label>
      <select id="${id}-availability" name="minimumAvailability" data-property="MinimumAvailability">${options(AVAILABILITY, defaults.minimumAvailability)}</select>
      <label for="${id}-monitor">Monitor</label>
      <select id="${id}-monitor" name="monitor" data-property="Monitor">${options(MONITOR, defaults.monitor)}</select>
      <label for="${id}-search">Start search for the movie</label>
      <input id="${id}-search" name="searchForMovie" type="checkbox"${defaults.searchForMovie ? ' checked' : ''}>
      ${tagPicker(tags, [], id)}
      <span></span><button type="submit" class="primary">Add movie</button>
    </form>`;
  }

  async function add(form, m) {
    const chosen = {
      rootFolderPath: form.elements.rootFolderPath.value,
      qualityProfileId: Number(form.elements.qualityProfileId.value),
      minimumAvailability: form.elements.minimumAvailability.value,
      monitor: form.elements.monitor.value,
      searchForMovie: form.elements.searchForMovie.checked,
    };
    localStorage.setItem(REMEMBERED, JSON.stringify(chosen));
    Object.assign(defaults, chosen);
    const body = {
      ...m,
      rootFolderPath: chosen.rootFolderPath,
      qualityProfileId: chosen.qualityProfileId,
      minimumAvailability: chosen.minimumAvailability,
      monitored: chosen.monitor !== 'none',
      tags: chosenTags(form),
      addOptions: { monitor: chosen.monitor, searchForMovie: chosen.searchForMovie, addMethod: 'manual' },
    };
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const added = await api.post('/movie', body);
      const at = results.indexOf(m);
      results[at] = added;
      form.closest('li').outerHTML = item(added, at);
      toast(`${added.title} added`);
    } catch (error) {
      button.disabled = false;
      showFailures(form, error);
    }
  }

  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=choose]');
    if (!button) return;
    const m = results[Number(button.dataset.at)];
    const open = button.nextElementSibling;
    if (open && open.matches('form.add')) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    try {
      tags = await loadTags(api);
    } catch (error) {
      toast(error.message);
    }
    button.insertAdjacentHTML('afterend', addForm(m));
    button.setAttribute('aria-expanded', 'true');
    const form = button.nextElementSibling;
    wireTagPicker(form, api);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      add(form, m);
    });
    form.elements.rootFolderPath.focus();
  });

  // Searched as the user pauses typing, or at once on Enter.
  let timer = null;
  const term = search.elements.term;
  term.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => lookup(term.value), 500);
  });
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    lookup(term.value);
  });
  term.focus();
}
