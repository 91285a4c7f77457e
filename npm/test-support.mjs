// Shared by the node --test suites: the sandbox URL, unique tenants, and the sandbox's control API.
import { randomUUID } from 'node:crypto';

export const BASE = process.env.ADKIT_SANDBOX_URL;
if (!BASE) throw new Error('set ADKIT_SANDBOX_URL (start `adkit-sandbox --port 0`)');
export const ADJUST = `${BASE}/adjust/api/`;
export const HASH = Array(20).fill('AB').join(':');
export const FAST = { timeoutMs: 10_000, initialIntervalMs: 5, maxIntervalMs: 20 };

/** A fresh API token: its own tenant in the sandbox. */
export const token = (name) => `adj_js_${name}_${randomUUID().slice(0, 8)}`;

export async function queueFaults(key, faults) {
  const r = await fetch(`${BASE}/__sandbox/faults`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key, faults }),
  });
  if (!r.ok) throw new Error(`faults: ${r.status}`);
}

export async function requestsOf(key) {
  return (await fetch(`${BASE}/__sandbox/requests?key=${key}`)).json();
}

export async function otherOriginSeen() {
  return (await fetch(`${BASE}/__sandbox/other-origin/requests`)).json();
}
