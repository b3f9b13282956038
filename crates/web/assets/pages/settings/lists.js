// Settings → Root folders: the folders movies live in, added by path
// (Radarr refuses one that does not exist or cannot be written, beside the
// field) and removed after a second click. Indexers and Download clients
// are drawn by providers.js.
import { armed, esc, showFailures, size, toast } from '../../app.js';
import { heading } from '../settings.js';

const onOff = (on) => `<span class="badge ${on ? 'ok' : ''}">${on ? 'Yes' : 'No'}</span>`;

function table(folders) {
  if (!folders.length) return '<p class="muted">None yet. Add the folder your movies live in below.</p>';
  return `<table class="wide roots"><thead><tr><th>Path</th><th>Free space</th><th>Reachable</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody>
    ${folders.map((r) => `<tr data-id="${esc(r.id)}"><td class="path">${esc(r.path)}</td><td>${r.freeSpace == null ? '' : `${esc(size(r.freeSpace))} free`}</td><td>${onOff(r.accessible)}</td>
      <td class="actions"><button type="button" name="delete" data-id="${esc(r.id)}" aria-label="Remove ${esc(r.path)}">Remove</button></td></tr>`).join('')}
  </tbody></table>`;
}

async function rootFolders(main, context) {
  const { api } = context;
  main.innerHTML = `
    ${heading(context)}
    <div class="list"></div>
    <h2>Add a root folder</h2>
    <form class="form root" novalidate>
      <label for="rf-path">Path</label>
      <input id="rf-path" name="path" data-property="Path" placeholder="/data/movies" spellcheck="false" autocomplete="off">
      <span></span><button type="submit" class="primary">Add</button>
    </form>`;
  const list = main.querySelector('.list');
  let folders = [];
  const load = async () => { folders = await api.get('/rootfolder'); list.innerHTML = table(folders); };
  const form = main.querySelector('form.root');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const added = await api.post('/rootfolder', { path: form.elements.path.value.trim() });
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      form.elements.path.value = '';
      toast(`Root folder ${added.path} added`);
      await load();
    } catch (error) {
      showFailures(form, error);
    }
  });
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=delete]');
    if (!button || !armed(button)) return;
    const id = Number(button.dataset.id);
    try {
      await api.del(`/rootfolder/${id}`);
      toast(`Root folder ${folders.find((r) => r.id === id)?.path || ''} removed`);
      await load();
    } catch (error) {
      toast(error.message);
    }
  });
  await load();
}

export async function render(main, context) {
  if (context.section === 'rootfolders') {
    await rootFolders(main, context);
    return;
  }
  const providers = await import('./providers.js');
  await providers.render(main, context);
}
