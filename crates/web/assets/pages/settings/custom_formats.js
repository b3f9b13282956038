// Settings → Custom formats: the formats there are, and import of one in
// Radarr's exported JSON (as TRaSH's guides publish them), checked by the
// server with its refusal shown under the box.
import { esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';

function table(formats) {
  if (!formats.length) return '<p class="muted">No custom formats yet.</p>';
  return `<table><thead><tr><th>Name</th><th>Conditions</th><th>In file names</th></tr></thead><tbody>
    ${formats.map((f) => `<tr><td>${esc(f.name)}</td><td class="muted">${esc((f.specifications || []).map((s) => s.name).join(', '))}</td><td>${f.includeCustomFormatWhenRenaming ? 'Yes' : 'No'}</td></tr>`).join('')}
  </tbody></table>`;
}

export async function render(main, context) {
  const { api } = context;
  main.innerHTML = `
    ${heading(context)}
    <div class="formats"></div>
    <h2>Import</h2>
    <form class="import" novalidate>
      <label for="cf-json">Radarr's custom format JSON</label>
      <textarea id="cf-json" name="json" rows="10" spellcheck="false" data-property="Json" placeholder='{"name": "x265", "specifications": [...]}'></textarea>
      <div class="toolbar"><button type="submit" class="primary">Import</button></div>
    </form>`;
  const list = main.querySelector('.formats');
  const load = async () => { list.innerHTML = table(await api.get('/customformat')); };
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
    const formats = Array.isArray(body) ? body : [body];
    const added = [];
    try {
      for (const format of formats) {
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
