// Live updates: Radarr's SignalR hub (/signalr/messages) over a WebSocket
// with the JSON hub protocol, reconnecting when the server restarts. Pages
// subscribe by message name (`movie`, `command`, `queue`, `health`…).
const RECORD = '\u001e';
const listeners = new Map();
let socket = null;

export function on(name, listener) {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name).add(listener);
  return () => listeners.get(name).delete(listener);
}

// Every page starts with no listeners of its own.
export function clear() {
  listeners.clear();
}

function dispatch(message) {
  for (const listener of listeners.get(message.name) || []) {
    try {
      listener(message.body || {});
    } catch (error) {
      console.warn('a live update failed', error);
    }
  }
}

export function connect(settings, retryMs = 1000) {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}${settings.urlBase}/signalr/messages?access_token=${encodeURIComponent(settings.apiKey)}`;
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RECORD);
    retryMs = 1000;
  });
  socket.addEventListener('message', (event) => {
    for (const record of String(event.data).split(RECORD)) {
      if (!record) continue;
      const frame = JSON.parse(record);
      if (frame.type === 1 && frame.target === 'receiveMessage') frame.arguments.forEach(dispatch);
      else if (frame.type === 6) socket.send(JSON.stringify({ type: 6 }) + RECORD);
    }
  });
  socket.addEventListener('close', () => {
    // The server restarting or a network blip: try again, backing off.
    setTimeout(() => connect(settings, Math.min(retryMs * 2, 30000)), retryMs);
  });
}
