// Settings: an index of the sections, and each section drawn by its own
// module under settings/ (loaded only when opened, so the index stays light).
import { esc } from '../app.js';

// [path segment, title, what it holds, module under settings/].
export const sections = [
  ['profiles', 'Profiles', 'Quality profiles: qualities, cutoff, custom format scores, minimum reputation', 'profiles'],
  ['mediamanagement', 'Media management', 'Naming formats with a live example, recycle bin, hard links, free space', 'media_management'],
  ['quality', 'Quality', 'Quality definitions: size limits per quality', 'quality'],
  ['customformats', 'Custom formats', "Custom formats, and import of Radarr's JSON", 'custom_formats'],
  ['indexers', 'Indexers', 'The indexers searched, and whether each is on', 'lists'],
  ['downloadclients', 'Download clients', 'Where grabbed releases are sent', 'lists'],
  ['rootfolders', 'Root folders', 'The folders movies live in, and their free space', 'lists'],
  ['general', 'General', 'API key, authentication, log level, backups', 'general'],
];

export async function render(main, context) {
  // /settings/{section}: the section's module draws the rest.
  const [, , section] = context.path.split('/');
  const found = sections.find(([key]) => key === (section || '').toLowerCase());
  if (!section) {
    main.innerHTML = `
      <h1>Settings</h1>
      <ul class="sections">
        ${sections.map(([key, title, about]) => `<li><a href="${esc(context.link(`/settings/${key}`))}">${esc(title)}</a><span class="muted">${esc(about)}</span></li>`).join('')}
      </ul>`;
    return;
  }
  if (!found) {
    main.innerHTML = `<h1>Settings</h1><p>No section "${esc(section)}". <a href="${esc(context.link('/settings'))}">All settings</a></p>`;
    return;
  }
  const page = await import(`./settings/${found[3]}.js`);
  await page.render(main, { ...context, section: found[0], title: found[1] });
}

// The heading every section starts with: a way back to the index, and the title.
export function heading(context, title = context.title) {
  return `<p class="crumbs"><a href="${esc(context.link('/settings'))}">Settings</a></p><h1>${esc(title)}</h1>`;
}
