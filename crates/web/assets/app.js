// The UI's shell: reads the bootstrap, then draws the page the path names
// and keeps links inside the page (history API) so moving between pages
// loads no HTML.
import * as api from './api.js';
import * as live from './live.js';

const urlBase = document.body.dataset.urlBase || '';

// Path (under the URL base) → the module that draws it.
const routes = [
  [/^\/(movies)?$/, 'movies'],
  [/^\/add\/new$/, 'add'],
  [/^\/movie\/[^/]+$/, 'movie'],
  [/^\/activity\/queue$/, 'queue'],
  [/^\/activity\/history$/, 'history'],
  [/^\/activity\/blocklist$/, 'blocklist'],
  [/^\/calendar$/, 'calendar'],
  [/^\/wanted\/(missing|cutoffunmet)$/, 'wanted'],
  [/^\/settings(\/.*)?$/, 'settings'],
  [/^\/scenegroups$/, 'scene_groups'],
  [/^\/system(\/.*)?$/, 'system'],
];

export function link(path) {
  return `${urlBase}${path}`;
}

// The second click on a button does what it says; the first asks
// `question` in its place.
export function armed(button, question = 'Really delete?') {
  if (button.dataset.armed) return true;
  button.dataset.armed = button.textContent;
  button.textContent = question;
  button.classList.add('danger');
  return false;
}

// Puts an armed button back as it was, ready to ask again.
export function disarm(button) {
  if (!button.dataset.armed) return;
  button.textContent = button.dataset.armed;
  button.classList.remove('danger');
  delete button.dataset.armed;
}

export function toast(message) {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.classList.add('shown');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.classList.remove('shown'), 4000);
}

// Text made safe for innerHTML.
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Shows each validation failure beside the field it names (the input whose
// data-property is the failure's propertyName), or at the top of the form.
export function showFailures(form, error) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  const failures = error.failures.length ? error.failures : [{ propertyName: '', errorMessage: error.message }];
  for (const failure of failures) {
    const input = form.querySelector(`[data-property="${failure.propertyName}"]`);
    const note = document.createElement('p');
    note.className = 'field-error';
    note.textContent = failure.errorMessage;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.insertAdjacentElement('afterend', note);
    } else {
      form.prepend(note);
    }
  }
}

async function draw() {
  const path = window.location.pathname.slice(urlBase.length) || '/';
  const main = document.getElementById('page');
  const route = routes.find(([pattern]) => pattern.test(path.toLowerCase()));
  document.querySelectorAll('#nav a').forEach((a) => {
    const target = a.getAttribute('href').slice(urlBase.length) || '/';
    a.toggleAttribute('aria-current', target === '/' ? path === '/' || path === '/movies' : path.startsWith(target));
  });
  if (!route) {
    main.innerHTML = '<h1>Not here yet</h1><p>This page is not part of the UI yet.</p>';
    return;
  }
  live.clear();
  try {
    const page = await import(`./pages/${route[1]}.js`);
    await page.render(main, { path, api, link, live });
  } catch (error) {
    main.innerHTML = `<h1>Something went wrong</h1><p class="error">${esc(error.message)}</p>`;
  }
}

function followLinks() {
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a');
    if (!a || a.hasAttribute('data-plain') || a.target || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const href = a.getAttribute('href');
    if (!href || !href.startsWith(urlBase + '/') || href.startsWith(`${urlBase}/static/`)) return;
    event.preventDefault();
    window.history.pushState(null, '', href);
    document.querySelector('#nav').classList.remove('open');
    // The keyboard's place moves to the new page, as a full load would put it.
    draw().then(() => document.getElementById('page').focus({ preventScroll: true }));
  });
  window.addEventListener('popstate', draw);
  const toggle = document.querySelector('.menu-toggle');
  toggle.addEventListener('click', () => {
    const open = document.querySelector('#nav').classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
}

async function start() {
  const settings = await api.init(urlBase);
  live.connect(settings);
  followLinks();
  await draw();
}

start().catch((error) => {
  document.getElementById('page').innerHTML = `<h1>Cannot reach the server</h1><p class="error">${esc(error.message)}</p>`;
});

// A time the API gives (ISO 8601, UTC) as a table shows it:
// 2026-12-03 07:34, or with `seconds` 2026-12-03 07:34:16.
export function stamp(time, seconds = false) {
  return (time || '').replace('T', ' ').slice(0, seconds ? 19 : 16);
}

// A byte count as people read it: 1.4 GB.
export function size(bytes) {
  if (!bytes) return '0 B';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  const at = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  return `${(bytes / 1024 ** at).toFixed(at ? 1 : 0)} ${units[at]}`;
}
