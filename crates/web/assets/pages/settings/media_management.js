// Settings → Media management: the naming formats, with the sample movie's
// names shown as the user types (the server renders them, so the example is
// exactly what an import would do), and the import switches.
import { esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';

const colons = [['delete', 'Delete'], ['dash', 'Replace with dash'], ['spaceDash', 'Replace with space dash'], ['spaceDashSpace', 'Replace with space dash space'], ['smart', 'Smart replace']];
const namingFields = ['renameMovies', 'replaceIllegalCharacters', 'colonReplacementFormat', 'standardMovieFormat', 'movieFolderFormat'];

function check(id, name, label, checked) {
  return `<label for="${id}">${esc(label)}</label><input id="${id}" name="${name}" type="checkbox" ${checked ? 'checked' : ''}>`;
}

// Reads a form back into the resource it was filled from.
function read(form, resource) {
  const changed = { ...resource };
  for (const input of form.querySelectorAll('input[name], select[name]')) {
    if (input.type === 'checkbox') changed[input.name] = input.checked;
    else if (input.type === 'number') changed[input.name] = Number(input.value);
    else changed[input.name] = input.value;
  }
  return changed;
}

async function save(form, api, path, resource, message) {
  try {
    Object.assign(resource, await api.put(path, read(form, resource)));
    form.querySelectorAll('.field-error').forEach((e) => e.remove());
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    toast(message);
  } catch (error) {
    showFailures(form, error);
  }
}

export async function render(main, context) {
  const { api } = context;
  const [naming, media] = await Promise.all([api.get('/config/naming'), api.get('/config/mediamanagement')]);
  main.innerHTML = `
    ${heading(context)}
    <h2>Movie naming</h2>
    <form class="form naming" novalidate>
      ${check('nm-rename', 'renameMovies', 'Rename movies', naming.renameMovies)}
      ${check('nm-illegal', 'replaceIllegalCharacters', 'Replace illegal characters', naming.replaceIllegalCharacters)}
      <label for="nm-colon">Colon replacement</label>
      <select id="nm-colon" name="colonReplacementFormat">${colons.map(([v, l]) => `<option value="${v}" ${naming.colonReplacementFormat === v ? 'selected' : ''}>${esc(l)}</option>`).join('')}</select>
      <label for="nm-standard">Standard movie format</label>
      <input id="nm-standard" name="standardMovieFormat" data-property="StandardMovieFormat" value="${esc(naming.standardMovieFormat)}" spellcheck="false">
      <span class="muted">Example</span><output class="example movie" for="nm-standard" aria-live="polite"></output>
      <label for="nm-folder">Movie folder format</label>
      <input id="nm-folder" name="movieFolderFormat" data-property="MovieFolderFormat" value="${esc(naming.movieFolderFormat)}" spellcheck="false">
      <span class="muted">Example</span><output class="example folder" for="nm-folder" aria-live="polite"></output>
      <p class="muted wide">Tokens such as {Movie Title}, {Release Year}, {Quality Full}, {Edition Tags}, {Release Group}, {MediaInfo VideoCodec}, {ImdbId}, {TmdbId}.</p>
      <span></span><button type="submit" class="primary">Save naming</button>
    </form>
    <h2>Importing</h2>
    <form class="form media" novalidate>
      ${check('mm-hardlinks', 'copyUsingHardlinks', 'Use hard links instead of copy', media.copyUsingHardlinks)}
      ${check('mm-skipfree', 'skipFreeSpaceCheckWhenImporting', 'Skip free space check', media.skipFreeSpaceCheckWhenImporting)}
      <label for="mm-minfree">Minimum free space (MB)</label>
      <input id="mm-minfree" name="minimumFreeSpaceWhenImporting" data-property="MinimumFreeSpaceWhenImporting" type="number" step="1" value="${esc(media.minimumFreeSpaceWhenImporting)}">
      <label for="mm-recycle">Recycle bin path</label>
      <input id="mm-recycle" name="recycleBin" data-property="RecycleBin" value="${esc(media.recycleBin)}" placeholder="Empty: files are deleted" spellcheck="false">
      <label for="mm-cleanup">Recycle bin cleanup (days)</label>
      <input id="mm-cleanup" name="recycleBinCleanupDays" data-property="RecycleBinCleanupDays" type="number" step="1" value="${esc(media.recycleBinCleanupDays)}">
      <span></span><button type="submit" class="primary">Save importing</button>
    </form>`;

  const namingForm = main.querySelector('form.naming');
  // Only the latest answer is drawn: typing fast sends several requests.
  let asked = 0;
  async function example() {
    const ask = ++asked;
    const changed = read(namingForm, naming);
    const query = new URLSearchParams({ id: String(naming.id || 1) });
    for (const field of namingFields) query.set(field, String(changed[field]));
    try {
      const answer = await api.get(`/config/naming/examples?${query}`);
      if (ask !== asked) return;
      main.querySelector('.example.movie').textContent = answer.movieExample;
      main.querySelector('.example.folder').textContent = answer.movieFolderExample;
    } catch (error) {
      if (ask === asked) main.querySelector('.example.movie').textContent = error.message;
    }
  }
  let timer = null;
  const soon = () => { clearTimeout(timer); timer = setTimeout(example, 250); };
  namingForm.addEventListener('input', soon);
  namingForm.addEventListener('change', soon);
  namingForm.addEventListener('submit', (event) => {
    event.preventDefault();
    save(namingForm, api, '/config/naming', naming, 'Naming saved');
  });
  const mediaForm = main.querySelector('form.media');
  mediaForm.addEventListener('submit', (event) => {
    event.preventDefault();
    save(mediaForm, api, '/config/mediamanagement', media, 'Importing settings saved');
  });
  await example();
}
