// A provider's settings (Radarr's `fields`) as form inputs, and back: each
// input carries data-property, the name Radarr's validation failures give
// (its first letter, and each dotted part's, upper-cased).
import { esc } from '../../app.js';

export const pascal = (name) => name.split('.').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('.');
const idOf = (name) => `pf-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const list = (value) => (Array.isArray(value) ? value.join(', ') : value ?? '');

function input(field) {
  const id = idOf(field.name);
  const common = `id="${id}" name="${esc(field.name)}" data-field="${esc(field.name)}" data-property="${esc(pascal(field.name))}"`;
  const options = field.selectOptions || [];
  if (field.type === 'checkbox') return `<input ${common} type="checkbox" ${field.value ? 'checked' : ''}>`;
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

// The inputs of every field, advanced ones marked.
export function fieldInputs(fields) {
  return fields.map((field) => {
    const id = idOf(field.name);
    const help = field.helpText ? `<p class="muted help">${esc(field.helpText)}${field.unit ? ` (${esc(field.unit)})` : ''}</p>` : '';
    const mark = field.advanced ? ' <span class="badge advanced" title="Advanced setting">Advanced</span>' : '';
    return `<label for="${id}">${esc(field.label || field.name)}${mark}</label>${input(field)}${help}`;
  }).join('');
}

// A list typed as text: numbers where every part is one.
function parseList(text) {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  return parts.every((p) => /^-?\d+$/.test(p)) ? parts.map(Number) : parts;
}

// The fields with the values the form holds.
export function readFields(form, fields) {
  return fields.map((field) => {
    const element = form.querySelector(`[data-field="${CSS.escape(field.name)}"]`);
    if (!element) return field;
    let value;
    if (element.type === 'checkbox') value = element.checked;
    else if (element.multiple) value = [...element.selectedOptions].map((o) => (typeof (field.selectOptions[0] || {}).value === 'number' ? Number(o.value) : o.value));
    else if (element.tagName === 'SELECT') value = typeof field.value === 'number' || typeof (field.selectOptions[0] || {}).value === 'number' ? Number(element.value) : element.value;
    else if (element.type === 'number') value = element.value === '' ? null : Number(element.value);
    else if (Array.isArray(field.value) || field.type === 'tag') value = parseList(element.value);
    else if (typeof field.value === 'number') value = element.value === '' ? null : Number(element.value);
    else value = element.value === '' && field.value == null ? null : element.value;
    return { ...field, value };
  });
}
