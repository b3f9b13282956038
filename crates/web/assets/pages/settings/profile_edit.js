// One quality profile's editor: its name, qualities, cutoff, custom format
// scores and minimum scene-group reputation, saved whole with PUT (as
// Radarr's UI does), with Radarr's refusals shown beside each field. A new
// profile (id null) starts from the server's template and is added with
// POST; the page then moves to its own address.
import { esc, showFailures, toast } from '../../app.js';
import { heading } from '../settings.js';

// An item's id as the cutoff names it: a quality's id, or a group's own id.
const itemId = (item) => (item.quality ? item.quality.id : item.id);
const itemName = (item) => (item.quality ? item.quality.name : item.name);

// The scores Radarr keeps on a profile: [field, Radarr's property, label].
const scores = [
  ['minFormatScore', 'MinFormatScore', 'Minimum custom format score'],
  ['cutoffFormatScore', 'CutoffFormatScore', 'Upgrade until custom format score'],
  ['minUpgradeFormatScore', 'MinUpgradeFormatScore', 'Minimum custom format score increment'],
];

function number(field, property, label, value, extra = '') {
  return `<label for="qp-${field}">${esc(label)}</label>
    <input id="qp-${field}" name="${field}" data-property="${property}" type="number" step="1" value="${esc(value ?? 0)}" ${extra}>`;
}

export async function render(main, context, id) {
  const { api, link } = context;
  const profile = id == null ? await api.get('/qualityprofile/schema') : await api.get(`/qualityprofile/${id}`);
  if (id == null) delete profile.id;
  const title = () => (profile.id == null ? 'New profile' : `Profile: ${profile.name}`);
  main.innerHTML = `
    ${heading(context, title())}
    <form class="form profile" novalidate>
      <label for="qp-name">Name</label>
      <input id="qp-name" name="name" data-property="Name" value="${esc(profile.name)}" required>
      <label for="qp-upgrade">Upgrades allowed</label>
      <input id="qp-upgrade" name="upgradeAllowed" type="checkbox" ${profile.upgradeAllowed ? 'checked' : ''}>
      <label for="qp-cutoff">Upgrade until</label>
      <select id="qp-cutoff" name="cutoff" data-property="Cutoff"></select>
      <fieldset class="wide" data-property="Items"><legend>Qualities allowed</legend>
        ${profile.items.map((item, i) => `<label class="check"><input type="checkbox" name="item" value="${i}" ${item.allowed ? 'checked' : ''}> ${esc(itemName(item))}${item.items && item.items.length ? ` <span class="muted">(${esc(item.items.map(itemName).join(', '))})</span>` : ''}</label>`).join('')}
      </fieldset>
      ${scores.map(([field, property, label]) => number(field, property, label, profile[field])).join('')}
      ${number('minReputationScore', 'MinReputationScore', 'Minimum scene-group reputation (0–100)', profile.minReputationScore, 'min="0" max="100" aria-describedby="qp-rep-help"')}
      <p id="qp-rep-help" class="muted wide">Releases by groups whose reputation is below this are refused; 0 lets every group through, 50 is neutral.</p>
      <fieldset class="wide" data-property="FormatItems"><legend>Custom format scores</legend>
        ${profile.formatItems.length ? profile.formatItems.map((f, i) => `<label class="score"><span>${esc(f.name)}</span><input type="number" step="1" name="format" data-index="${i}" value="${esc(f.score)}" aria-label="Score of ${esc(f.name)}"></label>`).join('') : '<p class="muted">No custom formats yet.</p>'}
      </fieldset>
      <span></span>
      <div class="toolbar"><button type="submit" class="primary">Save</button><a href="${esc(link('/settings/profiles'))}">Back to profiles</a></div>
    </form>`;
  const form = main.querySelector('form.profile');
  const cutoff = form.elements.cutoff;

  // The cutoff may only be an allowed item: the list follows the checkboxes.
  function fillCutoff(selected) {
    const allowed = profile.items.filter((item, i) => form.querySelector(`input[name=item][value="${i}"]`).checked);
    cutoff.innerHTML = allowed.map((item) => `<option value="${esc(itemId(item))}">${esc(itemName(item))}</option>`).join('');
    if (allowed.some((item) => itemId(item) === selected)) cutoff.value = String(selected);
  }
  fillCutoff(profile.cutoff);
  form.addEventListener('change', (event) => {
    if (event.target.name === 'item') fillCutoff(Number(cutoff.value));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const changed = structuredClone(profile);
    changed.name = form.elements.name.value;
    changed.upgradeAllowed = form.elements.upgradeAllowed.checked;
    changed.cutoff = Number(cutoff.value);
    form.querySelectorAll('input[name=item]').forEach((box) => { changed.items[Number(box.value)].allowed = box.checked; });
    for (const [field] of scores) changed[field] = Number(form.elements[field].value);
    changed.minReputationScore = Number(form.elements.minReputationScore.value);
    form.querySelectorAll('input[name=format]').forEach((input) => { changed.formatItems[Number(input.dataset.index)].score = Number(input.value); });
    try {
      const isNew = profile.id == null;
      Object.assign(profile, isNew ? await api.post('/qualityprofile', changed) : await api.put(`/qualityprofile/${profile.id}`, changed));
      // Saved once, it is edited at its own address from now on.
      if (isNew) window.history.replaceState(null, '', link(`/settings/profiles?id=${profile.id}`));
      form.querySelectorAll('.field-error').forEach((e) => e.remove());
      form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
      main.querySelector('h1').textContent = title();
      toast(`Profile ${profile.name} saved`);
    } catch (error) {
      showFailures(form, error);
    }
  });
}
