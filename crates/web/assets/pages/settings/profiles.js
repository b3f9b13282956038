// Settings → Profiles: the quality profiles, each opened at
// /settings/profiles?id={id} in the editor (profile_edit.js). The id rides
// in the query: the server answers the UI page for /settings/{section} only.
import { esc } from '../../app.js';
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
    await editor.render(main, context, Number(id));
    return;
  }
  main.innerHTML = `${heading(context)}<p class="loading">Loading…</p>`;
  const profiles = await api.get('/qualityprofile');
  main.innerHTML = `
    ${heading(context)}
    <p class="muted">What each movie may be grabbed as, and what it is upgraded to.</p>
    <table class="profiles"><thead><tr><th>Profile</th><th>Upgrades</th><th>Minimum reputation</th><th>Allowed</th></tr></thead><tbody>
      ${profiles.map((p) => `<tr>
        <td><a href="${esc(link(`/settings/profiles?id=${p.id}`))}">${esc(p.name)}</a></td>
        <td>${p.upgradeAllowed ? 'Yes' : 'No'}</td>
        <td>${esc(p.minReputationScore ?? 0)}</td>
        <td class="muted">${esc(allowedNames(p).join(', '))}</td></tr>`).join('')}
    </tbody></table>`;
}
