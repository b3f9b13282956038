// Settings → Custom formats: the formats there are, each edited or deleted
// in place; a new one built from the conditions the server offers
// (/customformat/schema, each condition's settings drawn as a provider's
// are); and import of one in Radarr's exported JSON (as TRaSH's guides
// publish them). The server's refusals show beside the field they name.
import { armed, esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';
import { fieldInputs, readFields } from './provider_fields.js';

function table(formats) {
  if (!formats.length) return '<p class="muted">No custom formats yet.</p>';
  return `<table class="wide formats-list"><thead><tr><th>Name</th><th>Conditions</th><th>In file names</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody>
    ${formats.map((f) => `<tr data-id="${esc(f.id)}"><td>${esc(f.name)}</td><td class="muted">${esc((f.specifications || []).map((s) => s.name).join(', '))}</td><td>${f.includeCustomFormatWhenRenaming ? 'Yes' : 'No'}</td>
      <td class="actions"><button type="button" name="edit" data-id="${esc(f.id)}" aria-label="Edit ${esc(f.name)}">Edit</button>
      <button type="button" name="delete" data-id="${esc(f.id)}" aria-label="Delete ${esc(f.name)}">Delete</button></td></tr>`).join('')}
  </tbody></table>`;
}

// The "add a condition" choices: each kind blank, then its presets.
function kindChoices(schema) {
  return schema.map((kind, k) => {
    const presets = (kind.presets || []).map((p, i) => `<option value="${k}:${i}">${esc(p.name)}</option>`).join('');
    return `<optgroup label="${esc(kind.implementationName)}"><option value="${k}">${esc(kind.implementationName)} (blank)</option>${presets}</optgroup>`;
  }).join('');
}

// One condition's part of the form; `n` keeps its ids apart from the others'.
function conditionHtml(spec, n) {
  const id = `cf-s${n}`;
  return `<fieldset class="form condition" data-n="${n}"><legend>${esc(spec.implementationName || spec.implementation)}</legend>
    <label for="${id}-name">Condition name</label><input id="${id}-name" name="specName" value="${esc(spec.name || '')}" required>
    <label for="${id}-negate">Negate</label><input id="${id}-negate" name="negate" type="checkbox"${spec.negate ? ' checked' : ''}>
    <label for="${id}-required">Required</label><input id="${id}-required" name="required" type="checkbox"${spec.required ? ' checked' : ''}>
    ${fieldInputs(spec.fields || [], id)}
    <span></span><div class="toolbar tight"><button type="button" name="removeSpec" aria-label="Remove condition ${esc(spec.name || '')}">Remove condition</button></div>
  </fieldset>`;
}

function editorHtml(format, schema) {
  const isNew = format.id == null;
  return `<h2>${isNew ? 'New custom format' : `Edit: ${esc(format.name)}`}</h2>
    <form class="form custom-format" novalidate autocomplete="off">
      <label for="cf-name">Name</label>
      <input id="cf-name" name="name" data-property="Name" value="${esc(format.name || '')}" required>
      <label for="cf-rename">Include in file names</label>
      <input id="cf-rename" name="includeCustomFormatWhenRenaming" type="checkbox"${format.includeCustomFormatWhenRenaming ? ' checked' : ''}>
      <fieldset class="wide conditions" data-property="Specifications"><legend>Conditions</legend>
        <div class="specs"></div>
        <div class="toolbar tight add-spec">
          <label for="cf-kind">Add a condition</label>
          <select id="cf-kind" name="kind">${kindChoices(schema)}</select>
          <button type="button" name="addSpec">Add condition</button>
        </div>
      </fieldset>
      <span></span>
      <div class="toolbar"><button type="submit" class="primary">Save</button><button type="button" name="cancel">Cancel</button></div>
    </form>`;
}

// A schema entry made into a condition to send: presets are the schema's
// alone.
function fromTemplate(template) {
  const spec = structuredClone(template);
  delete spec.presets;
  return spec;
}

export async function render(main, context) {
  const { api } = context;
  main.innerHTML = `
    ${heading(context)}
    <div class="formats"></div>
    <div class="toolbar"><button type="button" name="add" class="primary">Add custom format</button></div>
    <div class="editor"></div>
    <h2>Import</h2>
    <form class="import" novalidate>
      <label for="cf-json">Radarr's custom format JSON</label>
      <textarea id="cf-json" name="json" rows="10" spellcheck="false" data-property="Json" placeholder='{"name": "x265", "specifications": [...]}'></textarea>
      <div class="toolbar"><button type="submit" class="primary">Import</button></div>
    </form>`;
  const list = main.querySelector('.formats');
  const editor = main.querySelector('.editor');
  let formats = [];
  const load = async () => {
    formats = await api.get('/customformat');
    list.innerHTML = table(formats);
  };

  // The editor keeps each condition with its counter, so its inputs are
  // found again however many were added or removed.
  async function open(format) {
    const schema = await api.get('/customformat/schema');
    editor.innerHTML = editorHtml(format, schema);
    const form = editor.querySelector('form');
    const specs = form.querySelector('.specs');
    const conditions = new Map();
    let counter = 0;
    const addCondition = (spec) => {
      counter += 1;
      conditions.set(counter, spec);
      specs.insertAdjacentHTML('beforeend', conditionHtml(spec, counter));
      return specs.lastElementChild;
    };
    (format.specifications || []).forEach(addCondition);

    form.querySelector('button[name=addSpec]').addEventListener('click', () => {
      // "3" is kind 3 blank; "3:1" its second preset.
      const [kind, preset] = form.elements.kind.value.split(':').map(Number);
      const spec = fromTemplate(preset === undefined ? schema[kind] : schema[kind].presets[preset]);
      const added = addCondition(spec);
      added.querySelector('input[name=specName]').focus();
    });
    specs.addEventListener('click', (event) => {
      const button = event.target.closest('button[name=removeSpec]');
      if (!button) return;
      const fieldset = button.closest('fieldset.condition');
      conditions.delete(Number(fieldset.dataset.n));
      fieldset.remove();
      form.elements.kind.focus();
    });
    form.querySelector('button[name=cancel]').addEventListener('click', () => { editor.innerHTML = ''; });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        ...format,
        name: form.elements.name.value,
        includeCustomFormatWhenRenaming: form.elements.includeCustomFormatWhenRenaming.checked,
        specifications: [...specs.querySelectorAll('fieldset.condition')].map((fieldset) => {
          const spec = conditions.get(Number(fieldset.dataset.n));
          return {
            ...spec,
            name: fieldset.querySelector('input[name=specName]').value,
            negate: fieldset.querySelector('input[name=negate]').checked,
            required: fieldset.querySelector('input[name=required]').checked,
            fields: readFields(fieldset, spec.fields || []),
          };
        }),
      };
      try {
        const saved = body.id == null ? await api.post('/customformat', body) : await api.put(`/customformat/${body.id}`, body);
        editor.innerHTML = '';
        toast(`Custom format ${saved.name} saved`);
        await load();
      } catch (error) {
        showFailures(form, error);
      }
    });
    form.elements.name.focus();
  }

  main.querySelector('button[name=add]').addEventListener('click', () => {
    open({ name: '', includeCustomFormatWhenRenaming: false, specifications: [] }).catch((error) => toast(error.message));
  });
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-id]');
    if (!button) return;
    const id = Number(button.dataset.id);
    try {
      if (button.name === 'edit') {
        await open(await api.get(`/customformat/${id}`));
        return;
      }
      if (!armed(button)) return;
      await api.del(`/customformat/${id}`);
      toast(`Deleted ${formats.find((f) => f.id === id)?.name || ''}`);
      editor.innerHTML = '';
      await load();
    } catch (error) {
      toast(error.message);
    }
  });

  const form = main.querySelector('form.import');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let body;
    try {
      body = JSON.parse(form.elements.json.value);
    } catch (error) {
      showFailures(form, { failures: [{ propertyName: 'Json', errorMessage: `Not JSON: ${error.message}` }] });
      return;
    }
    // One format, or a list of them (several exports pasted as an array),
    // added one by one: those before a refused one stay added.
    const many = Array.isArray(body) ? body : [body];
    const added = [];
    try {
      for (const format of many) {
        // An export carries the id it had where it came from; here it is new.
        const { id, ...fresh } = format;
        added.push((await api.post('/customformat', fresh)).name);
      }
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      form.elements.json.value = '';
      toast(`Custom format${added.length > 1 ? 's' : ''} ${added.join(', ')} imported`);
      await load();
    } catch (error) {
      if (added.length) await load();
      // The server names a condition's property (Value, Name…): shown under the box.
      const before = added.length ? `Imported ${added.join(', ')}; then: ` : '';
      const failures = error.failures.length ? error.failures : [{ errorMessage: error.message }];
      showFailures(form, { failures: failures.map((f) => ({ propertyName: 'Json', errorMessage: before + f.errorMessage })) });
    }
  });
  await load();
}
