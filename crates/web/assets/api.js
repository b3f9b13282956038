// The API client: the bootstrap (/initialize.json, behind the UI's login)
// gives the API root and key; every call sends the key, as Radarr's UI does.

export class ApiError extends Error {
  constructor(status, body) {
    super(Array.isArray(body) ? body.map((f) => f.errorMessage).join(' ') : (body && body.message) || `HTTP ${status}`);
    this.status = status;
    // Radarr's validation failures: [{propertyName, errorMessage, …}].
    this.failures = Array.isArray(body) ? body : [];
  }
}

let settings = null;

export async function init(urlBase) {
  const response = await fetch(`${urlBase}/initialize.json`, { credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign(`${urlBase}/login?returnUrl=${encodeURIComponent(window.location.pathname)}`);
    return new Promise(() => {});
  }
  if (!response.ok) throw new ApiError(response.status, null);
  settings = await response.json();
  return settings;
}

async function call(method, path, body) {
  const headers = { 'X-Api-Key': settings.apiKey, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${settings.apiRoot}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
// A body only where Radarr takes one (`DELETE …/bulk` with `{ids}`).
export const del = (path, body) => call('DELETE', path, body);

// Posts a command and waits for it to end on the server's job runner, up to
// about ten seconds; answers the command as last seen.
export async function runCommand(body) {
  let command = await post('/command', body);
  for (let tries = 0; tries < 40 && ['queued', 'started'].includes(command.status); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    command = await get(`/command/${command.id}`);
  }
  return command;
}

// A poster's URL: the server keeps covers under /MediaCover.
export function poster(movie, width = 250) {
  // An image cannot send a header, so the key rides in the query.
  return `${settings.urlBase}/MediaCover/${movie.id}/poster-${width}.jpg?apikey=${encodeURIComponent(settings.apiKey)}`;
}

// The iCal feed's path with the key, for calendar apps, which cannot send
// a header.
export function feedUrl() {
  return `${settings.urlBase}/feed/v3/calendar/radarr.ics?apikey=${encodeURIComponent(settings.apiKey)}&unmonitored=true`;
}


// Sends a file as a multipart form (field `restore`, as Radarr's UI names
// it) and returns the parsed answer.
export async function upload(path, file) {
  const form = new FormData();
  form.append('restore', file, file.name);
  const response = await fetch(`${settings.apiRoot}${path}`, {
    method: 'POST',
    headers: { 'X-Api-Key': settings.apiKey, Accept: 'application/json' },
    body: form,
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

// A server file's URL (a backup's `path`) that a plain link can download:
// a link cannot send a header, so the key rides in the query.
export function fileUrl(path) {
  return `${settings.urlBase}${path}?apikey=${encodeURIComponent(settings.apiKey)}`;
}
