// Settings → Indexers and Download clients (the same provider shape in
// Radarr): the list, "Add" from the kinds the schema offers, a form drawn
// from a kind's fields, Test, Save (the server tests on save) and Delete
// after a second click. Refusals show beside the field they name. Tags
// are chosen with the tag picker; a field whose choices the provider lists
// (an indexer's categories) is filled by asking the server.
import { armed, esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';
import { chosenTags, loadTags, tagPicker, wireTagPicker } from '../../tags.js';
import { fieldInputs, loadActionOptions, readFields } from './provider_fields.js';

const onOff = (on) => `<span class="badge ${on ? 'ok' : ''}">${on ? 'On' : 'Off'}</span>`;

// Per section: API path, what one is called, its switches [field, label], the list's columns and cells.
const kinds = {
  indexers: {
    path: '/indexer', noun: 'indexer', empty: 'Add one below, or sync them from Prowlarr.',
    switches: [['enableRss', 'RSS'], ['enableAutomaticSearch', 'Automatic search'], ['enableInteractiveSearch', 'Interactive search']],
    columns: ['Name', 'Kind', 'RSS', 'Search', 'Priority'],
    cells: (i) => [esc(i.name), esc(i.implementationName || i.implementation), onOff(i.enableRss), onOff(i.enableAutomaticSearch || i.enableInteractiveSearch), esc(i.priority)],
  },
  downloadclients: {
    path: '/downloadclient', noun: 'download client', empty: 'Add one below: grabbed releases need somewhere to go.',
    switches: [['enable', 'Enabled']],
    columns: ['Name', 'Kind', 'Enabled', 'Protocol', 'Priority'],
    cells: (c) => [esc(c.name), esc(c.implementationName || c.implementation), onOff(c.enable), esc(c.protocol), esc(c.priority)],
  },
};

function clearFailures(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

function table(kind, rows) {
  if (!rows.length) return `<p class="muted">None yet. ${esc(kind.empty)}</p>`;
  return `<table class="wide providers"><thead><tr>${kind.columns.map((c) => `<th>${c}</th>`).join('')}<th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody>
    ${rows.map((row) => `<tr data-id="${esc(row.id)}">${kind.cells(row).map((c) => `<td>${c}</td>`).join('')}
      <td class="actions"><button type="button" name="edit" data-id="${esc(row.id)}" aria-label="Edit ${esc(row.name)}">Edit</button>
      <button type="button" name="delete" data-id="${esc(row.id)}" aria-label="Delete ${esc(row.name)}">Delete</button></td></tr>`).join('')}
  </tbody></table>`;
}

function formHtml(kind, resource, tags) {
  const isNew = resource.id == null;
  return `<h2>${isNew ? 'New' : 'Edit'} ${esc(kind.noun)}: ${esc(resource.implementationName || resource.implementation)}</h2>
    <form class="form provider" novalidate autocomplete="off">
      <label for="pv-name">Name</label>
      <input id="pv-name" name="name" data-property="Name" value="${esc(resource.name)}" required>
      ${kind.switches.map(([field, label]) => `<label for="pv-${field}">${esc(label)}</label>
        <input id="pv-${field}" name="${field}" data-property="${field.charAt(0).toUpperCase()}${field.slice(1)}" type="checkbox" ${resource[field] ? 'checked' : ''}>`).join('')}
      <label for="pv-priority">Priority</label>
      <input id="pv-priority" name="priority" data-property="Priority" type="number" min="1" max="50" step="1" value="${esc(resource.priority ?? 25)}">
      ${fieldInputs(resource.fields || [])}
      ${tagPicker(tags, resource.tags, 'pv')}
      <span></span>
      <div class="toolbar"><button type="submit" class="primary">Save</button><button type="button" name="test">Test</button><button type="button" name="cancel">Cancel</button></div>
    </form>`;
}

export async function render(main, context) {
  const { api } = context;
  const kind = kinds[context.section];
  const [rows, schema] = await Promise.all([api.get(kind.path), api.get(`${kind.path}/schema`)]);
  main.innerHTML = `
    ${heading(context)}
    <div class="list"></div>
    <div class="toolbar"><button type="button" name="add" class="primary">Add ${esc(kind.noun)}</button></div>
    <div class="choose" hidden>
      <h2>Choose a kind</h2>
      <ul class="kinds">${schema.map((s, i) => `<li><button type="button" name="kind" data-index="${i}">${esc(s.implementationName || s.implementation)}</button></li>`).join('')}</ul>
    </div>
    <div class="editor"></div>`;
  const list = main.querySelector('.list');
  const choose = main.querySelector('.choose');
  const editor = main.querySelector('.editor');
  let current = rows;
  const load = async () => { current = await api.get(kind.path); list.innerHTML = table(kind, current); };
  list.innerHTML = table(kind, current);

  async function open(resource) {
    const tags = await loadTags(api);
    choose.hidden = true;
    editor.innerHTML = formHtml(kind, resource, tags);
    const form = editor.querySelector('form');
    wireTagPicker(form, api);
    const read = () => {
      const changed = structuredClone(resource);
      changed.name = form.elements.name.value;
      for (const [field] of kind.switches) changed[field] = form.elements[field].checked;
      changed.priority = Number(form.elements.priority.value);
      changed.fields = readFields(form, resource.fields || []);
      changed.tags = chosenTags(form);
      return changed;
    };
    // The choices depend on the settings (an indexer's URL and key): asked
    // again when one of those changes.
    const refreshOptions = () => loadActionOptions(form, api, kind.path, read);
    form.addEventListener('change', (event) => {
      if (event.target.dataset.field && !event.target.dataset.action) refreshOptions();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changed = read();
      try {
        const saved = changed.id == null ? await api.post(kind.path, changed) : await api.put(`${kind.path}/${changed.id}`, changed);
        editor.innerHTML = '';
        toast(`${saved.name} saved`);
        await load();
      } catch (error) {
        showFailures(form, error);
      }
    });
    form.querySelector('button[name=test]').addEventListener('click', async () => {
      clearFailures(form);
      try {
        await api.post(`${kind.path}/test`, read());
        toast('Test passed');
        const note = document.createElement('p');
        note.className = 'field-error ok';
        note.textContent = 'Test passed';
        form.prepend(note);
      } catch (error) {
        showFailures(form, error);
      }
    });
    form.querySelector('button[name=cancel]').addEventListener('click', () => { editor.innerHTML = ''; });
    form.elements.name.focus();
    await refreshOptions();
  }

  main.querySelector('button[name=add]').addEventListener('click', () => {
    editor.innerHTML = '';
    choose.hidden = !choose.hidden;
  });
  choose.addEventListener('click', (event) => {
    const button = event.target.closest('button[name=kind]');
    if (!button) return;
    const template = structuredClone(schema[Number(button.dataset.index)]);
    delete template.id;
    template.name = template.name || template.implementationName || template.implementation;
    for (const [field] of kind.switches) template[field] = template[field] ?? true;
    open(template).catch((error) => toast(error.message));
  });
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-id]');
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.name === 'edit') {
      await open(await api.get(`${kind.path}/${id}`));
      return;
    }
    if (!armed(button)) return;
    try {
      await api.del(`${kind.path}/${id}`);
      toast(`Deleted ${current.find((r) => r.id === id)?.name || ''}`);
      editor.innerHTML = '';
      await load();
    } catch (error) {
      toast(error.message);
    }
  });
}
