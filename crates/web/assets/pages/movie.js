// A movie: its metadata and poster, its files with media info, its history,
// and an interactive search listing every release with its decision,
// rejections and score, each approved one a grab away; edit, refresh and
// delete. Redrawn when the server says the movie changed.
import { esc, showFailures, size, stamp, toast } from '../app.js';
import { chosenTags, loadTags, tagPicker, wireTagPicker } from '../tags.js';

const AVAILABILITY = [['announced', 'Announced'], ['inCinemas', 'In cinemas'], ['released', 'Released']];

const day = (date) => (date || '').slice(0, 10);
const cell = (label, html) => `<td data-label="${esc(label)}">${html}</td>`;

// The slug is the TMDB id for every movie this server adds; a client may
// have set another, so the list is the fallback.
async function find(api, slug) {
  if (/^\d+$/.test(slug)) {
    const [movie] = await api.get(`/movie?tmdbId=${slug}`);
    if (movie) return movie;
  }
  return (await api.get('/movie')).find((m) => (m.titleSlug || '').toLowerCase() === slug.toLowerCase());
}

export async function render(main, { path, api, link, live }) {
  const slug = decodeURIComponent(path.split('/')[2]);
  let movie = await find(api, slug);
  if (!movie) {
    main.innerHTML = `<h1>Movie not found</h1><p>No movie in the library is at “${esc(slug)}”. <a href="${link('/')}">Back to the movies</a></p>`;
    return;
  }
  const [profiles, folders] = await Promise.all([api.get('/qualityprofile'), api.get('/rootfolder')]);
  // The labels of the movie's tags, read again whenever the editor opens.
  let tags = await loadTags(api);
  main.innerHTML = `<section class="movie-head"></section>
    <div class="toolbar actions">
      <button type="button" name="interactive" class="primary">Interactive search</button>
      <button type="button" name="search">Automatic search</button>
      <button type="button" name="refresh">Refresh</button>
      <button type="button" name="edit" aria-expanded="false">Edit</button>
      <button type="button" name="delete" aria-expanded="false">Delete</button>
    </div>
    <div class="panel"></div>
    <section class="releases"></section>
    <h2>Files</h2><div class="files"></div>
    <h2>History</h2><div class="history"></div>`;
  const panel = main.querySelector('.panel');
  const box = main.querySelector('.releases');
  let releases = [];

  function drawHead() {
    const hasPoster = (movie.images || []).some((i) => i.coverType === 'poster');
    const profile = profiles.find((p) => p.id === movie.qualityProfileId);
    const facts = [movie.year, movie.runtime ? `${movie.runtime} min` : '', movie.certification, (movie.genres || []).join(', ')].filter(Boolean);
    main.querySelector('.movie-head').innerHTML = `
      ${hasPoster ? `<img class="cover" loading="lazy" alt="" src="${esc(api.poster(movie, 500))}">` : ''}
      <div><h1>${esc(movie.title)}</h1>
        <p class="muted">${esc(facts.join(' · '))}</p>
        <p><span class="badge ${movie.hasFile ? 'ok' : movie.monitored ? 'bad' : ''}">${movie.hasFile ? 'Downloaded' : movie.monitored ? 'Missing' : 'Unmonitored'}</span>
          <span class="badge">${movie.monitored ? 'Monitored' : 'Not monitored'}</span>
          <span class="badge">${esc(profile ? profile.name : 'No profile')}</span>
          <span class="badge">Minimum: ${esc(movie.minimumAvailability)}</span>
          ${(movie.tags || []).map((id) => `<span class="badge tag">${esc(tags.find((t) => t.id === id)?.label ?? id)}</span>`).join(' ')}</p>
        <p>${esc(movie.overview || '')}</p>
        <p class="muted">${esc(movie.path || '')}${movie.sizeOnDisk ? ` · ${esc(size(movie.sizeOnDisk))}` : ''}</p></div>`;
  }

  async function drawFiles() {
    const files = await api.get(`/moviefile?movieId=${movie.id}`);
    const media = (f) => {
      const m = f.mediaInfo || {};
      return [m.resolution, m.videoCodec, [m.audioCodec, m.audioChannels].filter(Boolean).join(' '), m.runTime, m.audioLanguages].filter(Boolean).join(' · ');
    };
    main.querySelector('.files').innerHTML = files.length
      ? `<table class="cards"><thead><tr><th>File</th><th>Quality</th><th>Size</th><th>Media info</th></tr></thead><tbody>
        ${files.map((f) => `<tr>${cell('File', esc(f.relativePath))}${cell('Quality', esc(f.quality?.quality?.name))}${cell('Size', esc(size(f.size)))}${cell('Media info', esc(media(f)) || '<span class="muted">Not read yet</span>')}</tr>`).join('')}</tbody></table>`
      : '<p class="muted">No file yet.</p>';
  }

  async function drawHistory() {
    const events = await api.get(`/history/movie?movieId=${movie.id}`);
    main.querySelector('.history').innerHTML = events.length
      ? `<table class="cards"><thead><tr><th>Event</th><th>Release</th><th>Quality</th><th>Date</th></tr></thead><tbody>
        ${events.map((e) => `<tr>${cell('Event', esc(e.eventType))}${cell('Release', esc(e.sourceTitle))}${cell('Quality', esc(e.quality?.quality?.name))}${cell('Date', esc(stamp(e.date)))}</tr>`).join('')}</tbody></table>`
      : '<p class="muted">Nothing has happened to this movie yet.</p>';
  }

  // Every release the indexers offer, in the server's order (approved and
  // best first), with the reasons for each rejection.
  async function interactive() {
    box.innerHTML = '<h2>Interactive search</h2><p class="muted">Searching the indexers…</p>';
    try {
      releases = await api.get(`/release?movieId=${movie.id}`);
    } catch (error) {
      box.innerHTML = `<h2>Interactive search</h2><p class="error">${esc(error.message)}</p>`;
      return;
    }
    const score = (r) => esc(r.customFormatScore ?? 0) + (r.sceneGroupScore !== undefined ? `<br><span class="muted">group ${esc(r.sceneGroupScore)} (${r.sceneGroupPoints >= 0 ? '+' : ''}${esc(r.sceneGroupPoints)})</span>` : '');
    box.innerHTML = `<h2>Interactive search</h2><p class="count">${releases.length} releases, ${releases.filter((r) => r.approved).length} approved</p>
      ${releases.length ? `<table class="cards release-list"><thead><tr><th>Decision</th><th>Release</th><th>Indexer</th><th>Quality</th><th>Size</th><th>Age</th><th>Peers</th><th>Score</th><th><span class="sr-only">Grab</span></th></tr></thead><tbody>
      ${releases.map((r, at) => `<tr class="release" data-guid="${esc(r.guid)}">
        ${cell('Decision', `<span class="badge ${r.approved ? 'ok' : 'bad'}">${r.approved ? 'Approved' : 'Rejected'}</span>`)}
        ${cell('Release', `${esc(r.title)}${r.rejections.length ? `<ul class="rejections">${r.rejections.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : ''}`)}
        ${cell('Indexer', esc(r.indexer))}${cell('Quality', esc(r.quality?.quality?.name))}${cell('Size', esc(size(r.size)))}
        ${cell('Age', `${esc(r.age)} d`)}${cell('Peers', r.protocol === 'torrent' ? `${esc(r.seeders ?? '?')} / ${esc(r.leechers ?? '?')}` : '')}${cell('Score', score(r))}
        <td><button type="button" name="grab" data-at="${at}"${r.downloadAllowed === false ? ' disabled' : ''}>${r.approved ? 'Grab' : 'Grab anyway'}</button></td></tr>`).join('')}</tbody></table>` : '<p class="muted">No indexer found a release.</p>'}`;
  }

  box.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=grab]');
    if (!button) return;
    const r = releases[Number(button.dataset.at)];
    const label = button.textContent;
    button.disabled = true;
    button.textContent = 'Grabbing…';
    button.parentElement.querySelector('.error')?.remove();
    try {
      await api.post('/release', { guid: r.guid, indexerId: r.indexerId, movieId: movie.id });
      button.textContent = 'Grabbed';
      toast(`Sent ${r.title} to the download client`);
      drawHistory().catch(() => {});
    } catch (error) {
      // The client's refusal (409) or a release gone from the cache (404).
      button.disabled = false;
      button.textContent = label;
      button.insertAdjacentHTML('afterend', `<p class="error">${esc(error.message)}</p>`);
    }
  });

  function toggle(name, html, wire) {
    const button = main.querySelector(`button[name=${name}]`);
    const open = button.getAttribute('aria-expanded') === 'true';
    main.querySelectorAll('.actions [aria-expanded]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    panel.innerHTML = open ? '' : html;
    if (open) return;
    button.setAttribute('aria-expanded', 'true');
    wire(panel.querySelector('form'));
    panel.querySelector('input, select')?.focus();
  }

  const choices = (values, selected) => values.map(([v, l]) => `<option value="${esc(v)}"${String(v) === String(selected) ? ' selected' : ''}>${esc(l)}</option>`).join('');

  async function edit() {
    tags = await loadTags(api);
    toggle('edit', `<form class="form edit" novalidate>
      <label for="edit-monitored">Monitored</label><input id="edit-monitored" name="monitored" type="checkbox"${movie.monitored ? ' checked' : ''}>
      <label for="edit-profile">Quality profile</label><select id="edit-profile" name="qualityProfileId" data-property="QualityProfileId">${choices(profiles.map((p) => [p.id, p.name]), movie.qualityProfileId)}</select>
      <label for="edit-availability">Minimum availability</label><select id="edit-availability" name="minimumAvailability" data-property="MinimumAvailability">${choices(AVAILABILITY, movie.minimumAvailability)}</select>
      <label for="edit-path">Path</label><input id="edit-path" name="path" data-property="Path" value="${esc(movie.path)}" list="edit-roots">
      <datalist id="edit-roots">${folders.map((f) => `<option value="${esc(f.path)}">`).join('')}</datalist>
      ${tagPicker(tags, movie.tags, 'edit')}
      <span></span><button type="submit" class="primary">Save</button></form>`, (form) => {
      wireTagPicker(form, api);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const changed = { ...movie, monitored: form.elements.monitored.checked, qualityProfileId: Number(form.elements.qualityProfileId.value), minimumAvailability: form.elements.minimumAvailability.value, path: form.elements.path.value, tags: chosenTags(form) };
        try {
          movie = await api.put(`/movie/${movie.id}`, changed);
          // A tag made in the picker is new to the page's list.
          tags = await loadTags(api);
          panel.innerHTML = '';
          main.querySelector('button[name=edit]').setAttribute('aria-expanded', 'false');
          drawHead();
          toast('Saved');
        } catch (error) {
          showFailures(form, error);
        }
      });
    });
  }

  function remove() {
    toggle('delete', `<form class="form delete">
      <label for="delete-files">Delete the movie's folder and files</label><input id="delete-files" name="deleteFiles" type="checkbox">
      <label for="delete-exclude">Do not add it again from lists</label><input id="delete-exclude" name="addImportExclusion" type="checkbox">
      <span></span><button type="submit" class="danger">Delete ${esc(movie.title)}</button></form>`, (form) => form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await api.del(`/movie/${movie.id}?deleteFiles=${form.elements.deleteFiles.checked}&addImportExclusion=${form.elements.addImportExclusion.checked}`);
        toast(`${movie.title} deleted`);
        window.history.pushState(null, '', link('/'));
        window.dispatchEvent(new PopStateEvent('popstate'));
      } catch (error) {
        showFailures(form, error);
      }
    }));
  }

  const command = async (body, message) => {
    try {
      await api.post('/command', body);
      toast(message);
    } catch (error) {
      toast(error.message);
    }
  };
  main.querySelector('.actions').addEventListener('click', (event) => {
    const name = event.target.closest('button')?.name;
    if (name === 'interactive') interactive();
    else if (name === 'search') command({ name: 'MoviesSearch', movieIds: [movie.id] }, 'Search started');
    else if (name === 'refresh') command({ name: 'RefreshMovie', movieIds: [movie.id] }, 'Refresh started');
    else if (name === 'edit') edit().catch((error) => toast(error.message));
    else if (name === 'delete') remove();
  });

  // A refresh, an import or an edit elsewhere changes the movie: draw it,
  // its files and its history again.
  live.on('movie', ({ resource, action }) => {
    if (!resource || resource.id !== movie.id || action === 'deleted') return;
    movie = resource;
    drawHead();
    Promise.all([drawFiles(), drawHistory()]).catch((error) => toast(error.message));
  });
  // The media info a refresh reads is saved after the movie's own update
  // is told, so the refresh's end is the cue to read the files again.
  live.on('command', ({ resource }) => {
    const ids = resource?.body?.movieIds || [];
    if (resource?.name !== 'RefreshMovie' || resource.status !== 'completed' || (ids.length && !ids.includes(movie.id))) return;
    api.get(`/movie/${movie.id}`).then((fresh) => {
      movie = fresh;
      drawHead();
      return Promise.all([drawFiles(), drawHistory()]);
    }).catch((error) => toast(error.message));
  });
  drawHead();
  await Promise.all([drawFiles(), drawHistory()]);
}
