// Settings → Profiles: the quality profiles, each opened at
// /settings/profiles?id={id} in the editor (profile_edit.js), a new one at
// ?id=new; each deleted after a second click, unless a movie still uses it
// (the server's refusal is shown). The id rides in the query: the server
// answers the UI page for /settings/{section} only.
import { armed, esc, toast } from '../../app.js';
import { heading } from '../settings.js';

// The names of a profile's allowed qualities and groups, as Radarr's cards show them.
export function allowedNames(profile) {
  return profile.items.filter((i) => i.allowed).map((i) => (i.quality ? i.quality.name : i.name));
}

export async function render(main, context) {
  const { api, link } = context;
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) {
    const editor = await import('./profile_edit.js');
    await editor.render(main, context, id === 'new' ? null : Number(id));
    return;
  }
  main.innerHTML = `${heading(context)}<p class="loading">Loading…</p>`;
  let profiles = await api.get('/qualityprofile');
  main.innerHTML = `
    ${heading(context)}
    <p class="muted">What each movie may be grabbed as, and what it is upgraded to.</p>
    <div class="toolbar"><a class="button primary" href="${esc(link('/settings/profiles?id=new'))}">Add profile</a></div>
    <p class="error" role="alert" hidden></p>
    <div class="list"></div>`;
  const list = main.querySelector('.list');
  const refusal = main.querySelector('p.error');
  const draw = () => {
    list.innerHTML = `<table class="wide profiles"><thead><tr><th>Profile</th><th>Upgrades</th><th>Minimum reputation</th><th>Allowed</th><th class="actions"><span class="sr-only">Actions</span></th></tr></thead><tbody>
      ${profiles.map((p) => `<tr data-id="${esc(p.id)}">
        <td><a href="${esc(link(`/settings/profiles?id=${p.id}`))}">${esc(p.name)}</a></td>
        <td>${p.upgradeAllowed ? 'Yes' : 'No'}</td>
        <td>${esc(p.minReputationScore ?? 0)}</td>
        <td class="muted">${esc(allowedNames(p).join(', '))}</td>
        <td class="actions"><button type="button" name="delete" data-id="${esc(p.id)}" aria-label="Delete ${esc(p.name)}">Delete</button></td></tr>`).join('')}
    </tbody></table>`;
  };
  draw();
  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[name=delete]');
    if (!button || !armed(button)) return;
    const id = Number(button.dataset.id);
    const name = profiles.find((p) => p.id === id)?.name || '';
    refusal.hidden = true;
    try {
      await api.del(`/qualityprofile/${id}`);
      profiles = await api.get('/qualityprofile');
      draw();
      toast(`Deleted ${name}`);
    } catch (error) {
      // A profile a movie uses stays; the server says which.
      refusal.textContent = error.message;
      refusal.hidden = false;
      draw();
    }
  });
}
