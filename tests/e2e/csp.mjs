// The Content-Security-Policy's connect-src names exactly 'self' and the origins of the
// configured intake (intake_url, replies_url), nothing else: in the site under test, and in a
// site built here for an intake on another origin. In the browser the policy lets a request to
// that intake go and refuses one to any other origin before it leaves the page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assert, openApp, startServer, ROOT } from './lib.mjs';

// The built program (app.js, app.wasm) a site is assembled from, as scripts/build leaves it.
const PROGRAM = process.env.SIGNAAL_PROGRAM || path.join(ROOT, 'build/wasm/src/app');
const REMOTE_INTAKE = 'https://intake.example.org';
const ELSEWHERE = ['https://elsewhere.example.net', 'http://127.0.0.1:9'];  // another host; this host, another port

// The policy of a built site's index.html as {directive: [sources]}.
function policyOf(site) {
  const html = readFileSync(path.join(site, 'index.html'), 'utf8');
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  return Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

// What connect-src must be for a deployment config: 'self', then the origin of each intake
// address that is absolute, each once.
function expectedConnect(config) {
  const origins = ['intake_url', 'replies_url'].filter((k) => /^https?:\/\//.test(config[k] || '')).map((k) => new URL(config[k]).origin);
  return ["'self'", ...new Set(origins)];
}

function checkConnect(site, what) {
  const config = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
  const connect = policyOf(site)['connect-src'];
  const want = expectedConnect(config);
  assert(JSON.stringify(connect) === JSON.stringify(want), `${what}: connect-src ${JSON.stringify(connect)}, expected ${JSON.stringify(want)}`);
}

// A site assembled from web/ and the built program, with `config` as its deployment.
function buildSite(config) {
  const dir = mkdtempSync(path.join(tmpdir(), 'signaal-csp-'));
  const configFile = path.join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const out = path.join(dir, 'site');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync('/usr/bin/python3', [path.join(ROOT, 'src/app/tools/build_site.py'), '--web', path.join(ROOT, 'web'),
      '--locales', path.join(ROOT, 'locales'), '--app', PROGRAM, '--fonts', '/usr/share/fonts', '--out', out, '--config', configFile],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    remove();
    throw e;
  }
  return { site: out, remove };
}

// A request from the page to `url` (no-cors, so the answer's headers cannot refuse it): whether
// it went, and the policy violations it caused (the event is queued as a task: waited for).
const tryFetch = (page, url) => page.evaluate(async (u) => {
  const violations = [];
  const record = (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  document.addEventListener('securitypolicyviolation', record);
  let went = true;
  try {
    await fetch(u, { method: 'POST', mode: 'no-cors', body: 'x' });
  } catch {
    went = false;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  document.removeEventListener('securitypolicyviolation', record);
  return { went, violations };
}, url);

async function checkRefused(page, foreign, origin) {
  const url = `${origin}/api/v1/envelopes`;
  const { went, violations } = await tryFetch(page, url);
  assert(!went && !foreign.includes(url), `a request to ${origin} left the page`);
  assert(violations.length === 1 && violations[0].startsWith('connect-src ') && new URL(violations[0].split(' ')[1]).origin === origin,
    `the request to ${origin} caused ${JSON.stringify(violations)}, not one connect-src violation`);
}

export async function run(t, { context, server, site }) {
  await t.test('connect-src is exactly \'self\' and the intake\'s origins, and refuses every other origin', async () => {
    checkConnect(site, 'the site under test');
    const { page, foreign, errors } = await openApp(context, server);
    for (const origin of [REMOTE_INTAKE, ...ELSEWHERE]) await checkRefused(page, foreign, origin);
    // The browser logs each refusal itself; anything else would be the app's error.
    const unexpected = errors.filter((e) => !e.includes('Content Security Policy'));
    assert(unexpected.length === 0, `page errors: ${unexpected.join('; ')}`);
    await page.close();
  });

  await t.test('an intake on another origin: connect-src adds that origin only; requests go there and nowhere else', async () => {
    const base = JSON.parse(readFileSync(path.join(site, 'config.json'), 'utf8'));
    const built = buildSite({ ...base, intake_url: `${REMOTE_INTAKE}/api/v1/envelopes`, replies_url: `${REMOTE_INTAKE}/api/v1/replies` });
    const remote = await startServer(built.site);
    try {
      const connect = policyOf(built.site)['connect-src'];
      assert(JSON.stringify(connect) === JSON.stringify(["'self'", REMOTE_INTAKE]), `connect-src ${JSON.stringify(connect)}`);
      const { page, foreign } = await openApp(context, remote);
      const intake = `${REMOTE_INTAKE}/api/v1/envelopes`;
      const { went, violations } = await tryFetch(page, intake);
      assert(went && foreign.includes(intake) && violations.length === 0,
        `the request to the intake: went ${went}, seen ${foreign.includes(intake)}, violations ${JSON.stringify(violations)}`);
      for (const origin of ELSEWHERE) await checkRefused(page, foreign, origin);
      await page.close();
    } finally {
      await remote.close();
      built.remove();
    }
  });
}
