// The tag picker: the tags there are (/tag) as checkboxes, and a box to make
// a new one, which is created at once and ticked. Used wherever something
// carries tags (movies, indexers, download clients), so tags are chosen
// rather than typed as ids.
import { esc, toast } from './app.js';

// The tags there are, by label.
export async function loadTags(api) {
  const tags = await api.get('/tag');
  return tags.sort((a, b) => a.label.localeCompare(b.label));
}

function box(prefix, tag, checked) {
  return `<label class="check"><input type="checkbox" name="tag" value="${esc(tag.id)}" id="${esc(prefix)}-tag-${esc(tag.id)}"${checked ? ' checked' : ''}> ${esc(tag.label)}</label>`;
}

// The picker's HTML: a fieldset (validation failures on `Tags` show after
// it) with `selected` (tag ids) ticked. `prefix` keeps ids apart when a page
// has several pickers.
export function tagPicker(tags, selected = [], prefix = 'tags') {
  const chosen = new Set((selected || []).map(Number));
  return `<fieldset class="wide tag-picker" data-property="Tags"><legend>Tags</legend>
    <span class="tag-list">${tags.length ? tags.map((t) => box(prefix, t, chosen.has(t.id))).join('') : '<span class="muted none">No tags yet.</span>'}</span>
    <span class="tag-new"><label for="${esc(prefix)}-new-tag" class="sr-only">New tag</label><input id="${esc(prefix)}-new-tag" name="newTag" placeholder="New tag" autocomplete="off" spellcheck="false">
    <button type="button" name="addTag">Add tag</button></span>
  </fieldset>`;
}

// Makes the picker inside `root` create tags: Add (or Enter in the box)
// creates the tag, or finds it when the label is taken, and ticks it.
export function wireTagPicker(root, api) {
  const picker = root.querySelector('.tag-picker');
  if (!picker) return;
  const input = picker.querySelector('input[name=newTag]');
  const prefix = input.id.replace(/-new-tag$/, '');
  async function add() {
    const label = input.value.trim();
    if (!label) return;
    try {
      const tag = await api.post('/tag', { label });
      let existing = picker.querySelector(`input[name=tag][value="${tag.id}"]`);
      if (!existing) {
        picker.querySelector('.none')?.remove();
        picker.querySelector('.tag-list').insertAdjacentHTML('beforeend', box(prefix, tag, true));
        existing = picker.querySelector(`input[name=tag][value="${tag.id}"]`);
      }
      existing.checked = true;
      input.value = '';
      input.focus();
    } catch (error) {
      toast(error.message);
    }
  }
  picker.querySelector('button[name=addTag]').addEventListener('click', add);
  // Enter makes the tag rather than submitting the form around the picker.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  });
}

// The ids of the ticked tags inside `root`.
export function chosenTags(root) {
  return [...root.querySelectorAll('.tag-picker input[name=tag]:checked')].map((c) => Number(c.value));
}
