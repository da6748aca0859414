// Talking to floe serve's API (src/serve/README.md): JSON for the page, CSV links for downloads.

// "/api/states", {sort: "iceberg", limit: 10} -> "/api/states?sort=iceberg&limit=10"
export function apiUrl(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// The same endpoint as a CSV download.
export function csvUrl(path, params = {}) {
  return apiUrl(path, {...params, format: 'csv'});
}

const cache = new Map();

// GET a JSON endpoint; errors carry the server's message. Answers are cached: the server's data
// does not change while it runs.
export async function getJson(path, params = {}) {
  const url = apiUrl(path, params);
  if (!cache.has(url)) {
    const promise = fetch(url, {headers: {Accept: 'application/json'}}).then(async (r) => {
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText} for ${url}`);
      return body;
    });
    cache.set(url, promise);
    promise.catch(() => cache.delete(url));
  }
  return cache.get(url);
}
