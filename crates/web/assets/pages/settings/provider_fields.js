// A provider's settings (Radarr's `fields`) as form inputs, and back: each
// input carries data-property, the name Radarr's validation failures give
// (its first letter, and each dotted part's, upper-cased). A field whose
// options the provider lists (`selectOptionsProviderAction`, e.g. an
// indexer's categories) is a multi-select filled by asking the server.
import { esc } from '../../app.js';

export const pascal = (name) => name.split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('.');
const idOf = (name, prefix) => `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const list = (value) => (Array.isArray(value) ? value.join(', ') : value ?? '');

// Options for the values a field holds before the server has listed its
// choices: each value stays chosen, shown as itself.
const placeholders = (value) => (Array.isArray(value) ? value : value == null ? [] : [value])
  .map((v) => `<option value="${esc(v)}" selected>${esc(v)}</option>`).join('');

function input(field, prefix) {
  const id = idOf(field.name, prefix);
  const common = `id="${id}" name="${esc(field.name)}" data-field="${esc(field.name)}" data-property="${esc(pascal(field.name))}"`;
  const options = field.selectOptions || [];
  if (field.type === 'checkbox') return `<input ${common} type="checkbox" ${field.value ? 'checked' : ''}>`;
  if (field.selectOptionsProviderAction) {
    return `<select ${common} data-action="${esc(field.selectOptionsProviderAction)}" ${Array.isArray(field.value) ? 'multiple' : ''} aria-busy="true">${placeholders(field.value)}</select>`;
  }
  if (field.type === 'select' && options.length) {
    const many = Array.isArray(field.value);
    const chosen = (v) => (many ? field.value.some((x) => String(x) === String(v)) : String(field.value) === String(v));
    return `<select ${common} ${many ? 'multiple' : ''}>${options.map((o) => `<option value="${esc(o.value)}" ${chosen(o.value) ? 'selected' : ''}>${esc(o.name)}</option>`).join('')}</select>`;
  }
  if (field.type === 'number') return `<input ${common} type="number" step="${field.isFloat ? 'any' : '1'}" value="${esc(field.value ?? '')}">`;
  // A list without options to choose from (categories, tags): typed, comma-separated.
  if (Array.isArray(field.value) || field.type === 'tag') {
    return `<input ${common} value="${esc(list(field.value))}" placeholder="Comma-separated" spellcheck="false">`;
  }
  const secret = field.type === 'password' || field.privacy === 'password';
  return `<input ${common} type="${secret ? 'password' : 'text'}" value="${esc(field.value ?? '')}" spellcheck="false" autocomplete="off"${field.type === 'path' ? ' placeholder="/path/to/folder"' : ''}>`;
}

// The inputs of every field, advanced ones marked; `prefix` keeps their
// ids apart when a page draws several sets of fields.
export function fieldInputs(fields, prefix = 'pf') {
  return fields.map((field) => {
    const id = idOf(field.name, prefix);
    const help = field.helpText ? `<p class="muted help">${esc(field.helpText)}${field.unit ? ` (${esc(field.unit)})` : ''}</p>` : '';
    const mark = field.advanced ? ' <span class="badge advanced" title="Advanced setting">Advanced</span>' : '';
    return `<label for="${id}">${esc(field.label || field.name)}${mark}</label>${input(field, prefix)}${help}`;
  }).join('');
}

// A list typed as text: numbers where every part is one.
function parseList(text) {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.every((p) => /^-?\d+$/.test(p)) ? parts.map(Number) : parts;
}

// Whether a select's values are numbers: its listed options say so, or
// those the server gave, or (before either) the values it held.
function numeric(field, element) {
  if (element.dataset.numeric) return element.dataset.numeric === 'true';
  const first = (field.selectOptions || [])[0] ?? (Array.isArray(field.value) ? { value: field.value[0] } : { value: field.value });
  return typeof first.value === 'number';
}

// The fields with the values the form holds.
export function readFields(form, fields) {
  return fields.map((field) => {
    const element = form.querySelector(`[data-field="${CSS.escape(field.name)}"]`);
    if (!element) return field;
    let value;
    if (element.type === 'checkbox') value = element.checked;
    else if (element.multiple) value = [...element.selectedOptions].map((o) => (numeric(field, element) ? Number(o.value) : o.value));
    else if (element.tagName === 'SELECT') value = typeof field.value === 'number' || numeric(field, element) ? Number(element.value) : element.value;
    else if (element.type === 'number') value = element.value === '' ? null : Number(element.value);
    else if (Array.isArray(field.value) || field.type === 'tag') value = parseList(element.value);
    else if (typeof field.value === 'number') value = element.value === '' ? null : Number(element.value);
    else value = element.value === '' && field.value == null ? null : element.value;
    return { ...field, value };
  });
}

// Fills each action field inside `root` with the choices the server lists
// for the provider as `read()` gives it (POST {path}/action/{name}): an
// indexer's categories, from its caps or the standard ones. Values chosen
// but not listed stay, so nothing is dropped by saving.
export async function loadActionOptions(root, api, path, read) {
  const selects = [...root.querySelectorAll('select[data-action]')];
  await Promise.all(selects.map(async (select) => {
    let answer;
    try {
      answer = await api.post(`${path}/action/${encodeURIComponent(select.dataset.action)}`, read());
    } catch {
      select.removeAttribute('aria-busy');
      return;
    }
    const options = (answer && answer.options) || [];
    const chosen = new Set([...select.selectedOptions].map((o) => o.value));
    const listed = new Set(options.map((o) => String(o.value)));
    const kept = [...chosen].filter((v) => !listed.has(v));
    if (options.length) select.dataset.numeric = String(typeof options[0].value === 'number');
    select.innerHTML = options.map((o) => {
      const name = o.parentValue != null ? `\u00a0\u00a0${o.name}` : o.name;
      return `<option value="${esc(o.value)}"${chosen.has(String(o.value)) ? ' selected' : ''}>${esc(name)}${o.hint ? ` ${esc(o.hint)}` : ''}</option>`;
    }).join('') + kept.map((v) => `<option value="${esc(v)}" selected>${esc(v)}</option>`).join('');
    select.removeAttribute('aria-busy');
  }));
}
