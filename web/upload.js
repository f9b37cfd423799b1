// Sending a sealed report: one POST of the envelope to the intake, retried a few times with a
// growing pause on network errors and 5xx (a 4xx will not change on retry, so it is final).
// In professional mode a worker may keep envelopes in an outbox (IndexedDB) until they are
// sent: only sealed envelopes, which nobody on the device can open. The outbox database exists
// only while it holds something; in self mode it is never created.
'use strict';

(() => {
  const ATTEMPTS = 3;
  const FIRST_PAUSE_MS = 1000;
  const DB = 'signaal-outbox';
  const STORE = 'envelopes';
  let config = {};
  let stopped = false;       // quick exit: nothing more goes out, nothing more is written
  let onCount = () => {};    // tells the app how many envelopes wait
  let flushing = null;

  // Every request to the intake (envelopes, reply lookups): bytes out, nothing of the page
  // along (no cookies, no cache, no referrer).
  function postBytes(url, bytes) {
    return fetch(url, {
      method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' },
      credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
    });
  }

  // 'sent', 'refused' (4xx: final) or 'failed' (no answer or 5xx after every try).
  async function post(bytes) {
    for (let attempt = 1, pause = FIRST_PAUSE_MS; attempt <= ATTEMPTS && !stopped; attempt++, pause *= 2) {
      let status = 0;  // 0: no answer at all
      try {
        status = (await postBytes(config.intake_url, bytes)).status;
      } catch { /* offline or the intake unreachable: retried */ }
      if (status >= 200 && status < 300) return 'sent';
      if (status >= 400 && status < 500) return 'refused';
      if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return 'failed';
  }

  // --- The outbox
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

  // Whether the database exists, without creating it (open() would).
  async function outboxExists() {
    if (!indexedDB.databases) return false;
    return (await indexedDB.databases()).some((d) => d.name === DB);
  }

  async function openOutbox() {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { autoIncrement: true });
    return request(open);
  }

  async function withStore(db, mode, fn) {
    const tx = db.transaction(STORE, mode);
    const result = await request(fn(tx.objectStore(STORE)));
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    return result;
  }

  // Tries every waiting envelope once; sent and refused ones leave the outbox, and the empty
  // outbox is deleted altogether.
  async function flushOnce() {
    if (stopped || !(await outboxExists())) { onCount(0); return; }
    const db = await openOutbox();
    const keys = await withStore(db, 'readonly', (s) => s.getAllKeys());
    onCount(keys.length);  // said while trying, which can take seconds
    for (const key of keys) {
      if (stopped) break;
      const bytes = await withStore(db, 'readonly', (s) => s.get(key));
      const outcome = await post(bytes);
      if (outcome !== 'failed') await withStore(db, 'readwrite', (s) => s.delete(key));
    }
    await settle(db);
  }

  // Tells the app what still waits; an empty outbox is deleted, leaving no database behind.
  async function settle(db) {
    const left = await withStore(db, 'readonly', (s) => s.count());
    db.close();
    if (left === 0) await request(indexedDB.deleteDatabase(DB));
    if (!stopped) onCount(left);
  }

  function flush() {
    flushing = flushing || flushOnce().catch(() => onCount(0)).finally(() => { flushing = null; });
    return flushing;
  }

  // One envelope: posted, or with `keep` first put in the outbox and taken out once sent.
  // Resolves to 'sent', 'failed' or 'kept'.
  async function send(bytes, keep) {
    let key = null;
    let db = null;
    if (keep) {
      db = await openOutbox();
      key = await withStore(db, 'readwrite', (s) => s.add(bytes.slice()));
    }
    const outcome = await post(bytes);
    bytes.fill(0);
    if (!keep) return outcome === 'sent' ? 'sent' : 'failed';
    if (outcome !== 'failed') await withStore(db, 'readwrite', (s) => s.delete(key));
    await settle(db);
    if (outcome === 'sent') return 'sent';
    return outcome === 'refused' ? 'failed' : 'kept';
  }

  function attach(cfg, countCallback) {
    config = cfg || {};
    onCount = countCallback;
    addEventListener('online', flush);
    flush();
  }

  window.signaalUpload = { attach, send, flush, postBytes, stop() { stopped = true; } };
})();
