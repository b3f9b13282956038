// Settings → Quality: each quality's size limits in MB a minute of film,
// saved together (PUT /qualitydefinition/update), refusals beside the row.
import { esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';

// [field, Radarr's property, label]; an empty max or preferred means no limit.
const sizes = [['minSize', 'MinSize', 'Min'], ['preferredSize', 'PreferredSize', 'Preferred'], ['maxSize', 'MaxSize', 'Max']];

export async function render(main, context) {
  const { api } = context;
  const definitions = await api.get('/qualitydefinition');
  main.innerHTML = `
    ${heading(context)}
    <p class="muted">Sizes in MB a minute of film; leave Max or Preferred empty for no limit.</p>
    <form class="definitions" novalidate>
      <table><thead><tr><th>Quality</th><th>Title</th>${sizes.map(([, , label]) => `<th>${label}</th>`).join('')}</tr></thead><tbody>
        ${definitions.map((d, i) => `<tr data-index="${i}"><td>${esc(d.quality.name)}</td>
          <td><input name="title" aria-label="Title of ${esc(d.quality.name)}" value="${esc(d.title)}" data-property="Title" size="12"></td>
          ${sizes.map(([field, property, label]) => `<td><input name="${field}" type="number" step="any" min="0" aria-label="${label} size of ${esc(d.quality.name)}" value="${esc(d[field] ?? '')}" data-property="${property}"></td>`).join('')}</tr>`).join('')}
      </tbody></table>
      <div class="toolbar"><button type="submit" class="primary">Save sizes</button></div>
    </form>`;
  const form = main.querySelector('form.definitions');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changed = definitions.map((d, i) => {
      const row = form.querySelector(`tr[data-index="${i}"]`);
      const next = { ...d, title: row.querySelector('[name=title]').value };
      for (const [field] of sizes) {
        const value = row.querySelector(`[name=${field}]`).value;
        next[field] = value === '' ? null : Number(value);
      }
      return next;
    });
    try {
      const saved = await api.put('/qualitydefinition/update', changed);
      if (Array.isArray(saved)) saved.forEach((d, i) => Object.assign(definitions[i], d));
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      toast('Quality sizes saved');
    } catch (error) {
      // Failures name a property, not a row: shown at the top of the form.
      showFailures(form, { ...error, failures: error.failures.map((f) => ({ ...f, propertyName: '' })), message: error.message });
    }
  });
}
