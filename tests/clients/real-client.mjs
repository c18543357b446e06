// Real-client test: drives a running Gaia hub with the published client packages
// (@stacks/storage, @stacks/auth; jsontokens where they offer no API).
//
//     node tests/clients/real-client.mjs http://127.0.0.1:3000
//     GAIA_HUB_URL=http://127.0.0.1:3000 node tests/clients/real-client.mjs
//
// The hub must have no whitelist, its serverName must be `gaia-0` (or the value of env
// GAIA_SERVER_NAME), and its list-files page size must be below 12 (e.g. Gaia__PageSize=5) so
// that listing needs several pages. Every run uses fresh random keys, so runs do not collide.
// Prints `ok - name` / `not ok - name: reason` per check, then `N passed, N failed`; exits 1 if
// any check failed or the hub is unreachable. With GAIA_SECRETS_FILE set, it also writes there every
// bearer token and private key it used, one per line, so that the caller can check the hub's log for them.

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

import {
  Storage,
  connectToGaiaHub,
  uploadToGaiaHub,
  deleteFromGaiaHub,
  getFullReadUrl,
  getBucketUrl,
} from '@stacks/storage';
import { AppConfig, UserSession } from '@stacks/auth';
import {
  getPublicKeyFromPrivate,
  makeECPrivateKey,
  publicKeyToBtcAddress,
} from '@stacks/encryption';
import { config as stacksConfig } from '@stacks/common';
import { TokenSigner, decodeToken } from 'jsontokens';

const hubUrl = (process.argv[2] || process.env.GAIA_HUB_URL || '').replace(/\/+$/, '');
const serverName = process.env.GAIA_SERVER_NAME || 'gaia-0';
const FETCH_TIMEOUT_MS = 30_000;
const APP_ORIGIN = 'http://localhost:8080';

// The stacks packages log every request at 'debug' by default; keep stdout to the TAP-like lines.
stacksConfig.logLevel = process.env.GAIA_CLIENT_LOG_LEVEL || 'none';

if (!hubUrl) {
  console.error('usage: node tests/clients/real-client.mjs <hub base URL>  (or env GAIA_HUB_URL)');
  console.log('not ok - hub URL given: pass it as the first argument or GAIA_HUB_URL');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------- request recording
// The stacks packages call the global fetch at call time; wrap it to record what the client
// really sends (methods, conditional headers, list-files bodies) and to bound every request.

const requests = [];
const secrets = new Set();
/** Remembers a token or key, and a JWT's signature on its own, for the log check. */
function keepSecret(value) {
  if (typeof value !== 'string' || value.length < 16) return value;
  secrets.add(value);
  const signature = value.split('.')[2];
  if (signature && signature.length >= 16) secrets.add(signature);
  return value;
}
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const headers = Object.fromEntries(new Headers(init.headers ?? {}).entries());
  if (headers.authorization) keepSecret(headers.authorization.replace(/^bearer\s+/i, ''));
  requests.push({
    method: (init.method ?? 'GET').toUpperCase(),
    url,
    headers,
    body: typeof init.body === 'string' ? init.body : undefined,
  });
  const withTimeout = init.signal ? init : { ...init, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) };
  return realFetch(input, withTimeout);
};
const requestsSince = (mark) => requests.slice(mark);

// ---------------------------------------------------------------- tiny check harness

let passed = 0;
let failed = 0;

class CheckFailure extends Error {}
function assert(cond, message) {
  if (!cond) throw new CheckFailure(message);
}
function assertEq(actual, expected, what) {
  if (actual !== expected) {
    throw new CheckFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function describeError(e) {
  if (e instanceof CheckFailure) return e.message;
  const status = e?.hubError?.statusCode;
  const name = e?.name && e.name !== 'Error' ? `${e.name}: ` : '';
  const hub = status ? ` (hub status ${status}${e.hubError.error ? ` ${e.hubError.error}` : ''})` : '';
  const cause = e?.cause ? ` (${e.cause.code ?? e.cause.message ?? e.cause})` : '';
  return `${name}${e?.message ?? String(e)}${hub}${cause}`.replace(/\s+/g, ' ');
}

async function check(name, fn) {
  try {
    const detail = await fn();
    passed++;
    console.log(`ok - ${name}${detail ? ` # ${detail}` : ''}`);
    return true;
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${describeError(e)}`);
    return false;
  }
}

function finish() {
  if (process.env.GAIA_SECRETS_FILE) {
    writeFileSync(process.env.GAIA_SECRETS_FILE, [...secrets].join('\n') + '\n');
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Runs fn, which must reject; returns the error. */
async function expectReject(fn, what) {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new CheckFailure(`${what} unexpectedly succeeded`);
}

function expectHubStatus(err, status, what) {
  if (err instanceof CheckFailure) throw err;
  const got = err?.hubError?.statusCode;
  assert(got === status, `${what}: expected hub status ${status}, got ${got ?? 'none'} (${describeError(err)})`);
}

// ---------------------------------------------------------------- helpers

const nowSeconds = () => Math.floor(Date.now() / 1000);
const newKey = () => keepSecret(makeECPrivateKey());
const salt = () => randomBytes(16).toString('hex');
const sameBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

async function readFile(url) {
  const res = await fetch(url, { headers: { Origin: APP_ORIGIN } });
  const body = new Uint8Array(await res.arrayBuffer());
  return { res, body };
}

function makeSession(appPrivateKey, extraUserData = {}) {
  const appConfig = new AppConfig(['store_write'], APP_ORIGIN);
  return new UserSession({
    appConfig,
    sessionOptions: {
      userData: {
        appPrivateKey,
        hubUrl,
        username: '',
        email: undefined,
        decentralizedID: undefined,
        identityAddress: undefined,
        coreSessionToken: undefined,
        authResponseToken: '',
        profile: {},
        ...extraUserData,
      },
    },
  });
}

/** A v1 hub token signed like connectToGaiaHub does, plus extra claims it cannot add. */
function makeHubToken(privateKey, challengeText, extraClaims = {}) {
  const payload = {
    gaiaChallenge: challengeText,
    hubUrl,
    iss: getPublicKeyFromPrivate(privateKey),
    salt: salt(),
    ...extraClaims,
  };
  return `v1:${new TokenSigner('ES256K', privateKey).sign(payload)}`;
}

// ---------------------------------------------------------------- checks

const expectedChallenge = JSON.stringify(['gaiahub', '0', serverName, 'blockstack_storage_please_sign']);
let hubInfo;

const reachable = await check(`hub reachable: GET ${hubUrl}/hub_info`, async () => {
  const res = await fetch(`${hubUrl}/hub_info`);
  assertEq(res.status, 200, 'status');
  hubInfo = await res.json();
});
if (!reachable) finish();

await check('hub_info fields', async () => {
  assertEq(hubInfo.challenge_text, expectedChallenge, 'challenge_text');
  assertEq(hubInfo.latest_auth_version, 'v1', 'latest_auth_version');
  assert(typeof hubInfo.max_file_upload_size_megabytes === 'number' &&
    hubInfo.max_file_upload_size_megabytes > 0, 'max_file_upload_size_megabytes is a positive number');
  assert(typeof hubInfo.read_url_prefix === 'string' && /^https?:\/\/.+\/$/.test(hubInfo.read_url_prefix),
    `read_url_prefix is an http(s) URL ending in "/": ${JSON.stringify(hubInfo.read_url_prefix)}`);
});

await check('hub responses carry Access-Control-Allow-Origin: *', async () => {
  const res = await fetch(`${hubUrl}/hub_info`, { headers: { Origin: APP_ORIGIN } });
  assertEq(res.headers.get('access-control-allow-origin'), '*', 'hub_info Access-Control-Allow-Origin');
  const pre = await fetch(`${hubUrl}/store/1BoatSLRHtKNngkdXEeobR76b53LETtpyT/x.txt`, {
    method: 'OPTIONS',
    headers: {
      Origin: APP_ORIGIN,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type,if-match,if-none-match',
    },
  });
  assert(pre.status === 204 || pre.status === 200, `preflight status ${pre.status}`);
  assertEq(pre.headers.get('access-control-allow-origin'), '*', 'preflight Access-Control-Allow-Origin');
  const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
  for (const h of ['authorization', 'content-type', 'if-match', 'if-none-match']) {
    assert(allowed.includes(h), `preflight allows header ${h} (got "${allowed}")`);
  }
});

// -- connectToGaiaHub
const appKey = newKey();
const appPub = getPublicKeyFromPrivate(appKey);
const appAddress = publicKeyToBtcAddress(appPub);
let config;

await check('connectToGaiaHub returns a config matching hub_info and the key', async () => {
  config = await connectToGaiaHub(hubUrl, appKey);
  assertEq(config.url_prefix, hubInfo.read_url_prefix, 'url_prefix');
  assertEq(config.address, appAddress, 'address');
  assertEq(config.max_file_upload_size_megabytes, hubInfo.max_file_upload_size_megabytes,
    'max_file_upload_size_megabytes');
  assertEq(config.server, hubUrl, 'server');
  assert(config.token.startsWith('v1:'), 'token is a v1 token');
  const payload = decodeToken(config.token.slice(3)).payload;
  assertEq(payload.gaiaChallenge, hubInfo.challenge_text, 'token gaiaChallenge');
  assertEq(payload.iss, appPub, 'token iss');
  assertEq(payload.hubUrl, hubUrl, 'token hubUrl');
  assertEq(await getBucketUrl(hubUrl, appKey), `${hubInfo.read_url_prefix}${appAddress}/`, 'getBucketUrl');
});
if (!config) finish();

// -- uploadToGaiaHub + plain reads
const text = 'Hello Gaia \u2014 h\u00e9llo w\u00f6rld \u2713\n';
const textType = 'text/plain; charset=utf-8';
const binary = new Uint8Array(1024);
for (let i = 0; i < binary.length; i++) binary[i] = i % 256;
binary.set(randomBytes(256), 768);
const binaryType = 'application/x-gaia-test-binary';

for (const [label, path, contents, contentType, expectedBytes] of [
  ['text file', 'upload/hello.txt', text, textType, Buffer.from(text, 'utf8')],
  ['binary file', 'upload/data.bin', binary, binaryType, binary],
  ['file name with space and non-ASCII', 'upload/sub dir/na\u00efve file.txt', 'spaced', textType,
    Buffer.from('spaced')],
]) {
  let upload;
  const uploaded = await check(`uploadToGaiaHub ${label}`, async () => {
    upload = await uploadToGaiaHub(path, contents, config, contentType);
    assertEq(upload.publicURL, `${config.url_prefix}${config.address}/${path}`, 'publicURL');
    assert(typeof upload.etag === 'string' && upload.etag.length > 0, 'response carries an etag');
  });
  if (!uploaded) continue;
  await check(`read back ${label} through the read URL`, async () => {
    const url = await getFullReadUrl(path, config);
    assertEq(url, upload.publicURL, 'getFullReadUrl equals publicURL');
    const { res, body } = await readFile(url);
    assertEq(res.status, 200, `GET ${url} status`);
    assert(sameBytes(body, expectedBytes), `content differs (${body.length} bytes read, ${expectedBytes.length} written)`);
    assertEq(res.headers.get('content-type'), contentType, 'Content-Type');
    const readEtag = res.headers.get('etag');
    const bare = (t) => String(t).replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    assertEq(readEtag, upload.etag, readEtag !== upload.etag && bare(readEtag) === bare(upload.etag)
      ? 'ETag header vs upload etag (they differ only in quoting/weakness)'
      : 'ETag header vs upload etag');
    assertEq(res.headers.get('access-control-allow-origin'), '*', 'Access-Control-Allow-Origin');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    assert(exposed.split(/\s*,\s*/).includes('etag') || exposed === '*',
      `Access-Control-Expose-Headers includes ETag (got "${exposed}")`);
  });
}

await check('uploadToGaiaHub again without an etag (If-None-Match: *) is rejected with 412', async () => {
  const err = await expectReject(() => uploadToGaiaHub('upload/hello.txt', 'again', config, textType),
    'second create of an existing file');
  expectHubStatus(err, 412, 'If-None-Match: * on an existing file');
  assertEq(err.name, 'PreconditionFailedError', 'client error class');
});

// -- Storage class with a UserSession
const session = makeSession(appKey);
const storage = new Storage({ userSession: session });

await check('Storage.putFile (encrypt: false) then getFile round trip', async () => {
  const mark = requests.length;
  const url = await storage.putFile('storage/note.txt', 'first version', { encrypt: false });
  assertEq(url, `${hubInfo.read_url_prefix}${appAddress}/storage/note.txt`, 'putFile returned URL');
  const store = requestsSince(mark).find((r) => r.method === 'POST' && r.url.includes('/store/'));
  assert(store, 'a POST /store request was sent');
  assertEq(store.headers['if-none-match'], '*', 'first putFile sends If-None-Match: *');
  assertEq(store.headers['content-type'], 'text/plain; charset=utf-8', 'putFile Content-Type');
  const got = await storage.getFile('storage/note.txt', { decrypt: false });
  assertEq(got, 'first version', 'getFile content');
});

await check('Storage.putFile of the same path sends If-Match with the cached etag', async () => {
  const etagBefore = session.store.getSessionData().etags['storage/note.txt'];
  assert(etagBefore, 'an etag was cached for the path after the first putFile/getFile');
  const mark = requests.length;
  await storage.putFile('storage/note.txt', 'second version', { encrypt: false });
  const stores = requestsSince(mark).filter((r) => r.method === 'POST' && r.url.includes('/store/'));
  assertEq(stores.length, 1, 'number of store requests (a retry would mean the first failed)');
  assertEq(stores[0].headers['if-match'], etagBefore, 'If-Match header');
  assertEq(stores[0].headers['if-none-match'], undefined, 'If-None-Match header');
  const got = await storage.getFile('storage/note.txt', { decrypt: false });
  assertEq(got, 'second version', 'getFile content after overwrite');
  const etagAfter = session.store.getSessionData().etags['storage/note.txt'];
  assert(etagAfter && etagAfter !== etagBefore, 'the cached etag changed with the content');
});

await check('Storage.putFile with a stale etag is rejected (412)', async () => {
  const data = session.store.getSessionData();
  const good = data.etags['storage/note.txt'];
  data.etags['storage/note.txt'] = 'stale-etag-value';
  session.store.setSessionData(data);
  try {
    const err = await expectReject(
      () => storage.putFile('storage/note.txt', 'third version', { encrypt: false }), 'stale If-Match');
    expectHubStatus(err, 412, 'stale If-Match');
  } finally {
    const d = session.store.getSessionData();
    d.etags['storage/note.txt'] = good;
    session.store.setSessionData(d);
  }
  const { body } = await readFile(`${hubInfo.read_url_prefix}${appAddress}/storage/note.txt`);
  assertEq(Buffer.from(body).toString('utf8'), 'second version', 'content unchanged');
});

await check('Storage.putFile/getFile encrypted round trip', async () => {
  await storage.putFile('storage/secret.json', JSON.stringify({ hello: 'world' }));
  const { res, body } = await readFile(`${hubInfo.read_url_prefix}${appAddress}/storage/secret.json`);
  assertEq(res.status, 200, 'read status');
  assertEq(res.headers.get('content-type'), 'application/json', 'stored Content-Type');
  assert(!Buffer.from(body).toString('utf8').includes('world'), 'stored bytes are ciphertext');
  const got = await storage.getFile('storage/secret.json');
  assertEq(got, JSON.stringify({ hello: 'world' }), 'decrypted content');
});

const listNames = Array.from({ length: 12 }, (_, i) => `list/file-${String(i).padStart(2, '0')}.txt`);
await check('Storage.listFiles over several pages returns every name exactly once', async () => {
  for (const name of listNames) {
    await uploadToGaiaHub(name, `content of ${name}`, config, textType);
  }
  const mark = requests.length;
  const seen = [];
  const count = await storage.listFiles((name) => {
    seen.push(name);
    return true;
  });
  const listCalls = requestsSince(mark).filter((r) => r.url.includes('/list-files/'));
  assertEq(count, seen.length, 'count returned by listFiles');
  const dupes = seen.filter((n, i) => seen.indexOf(n) !== i);
  assert(dupes.length === 0, `duplicate names: ${dupes.join(', ')}`);
  const missing = listNames.filter((n) => !seen.includes(n));
  assert(missing.length === 0, `missing names: ${missing.join(', ')}`);
  for (const n of ['upload/hello.txt', 'upload/data.bin', 'storage/note.txt']) {
    assert(seen.includes(n), `listing includes ${n}`);
  }
  assert(!seen.some((n) => n.startsWith('/') || n.includes(appAddress)),
    'names are relative to the bucket');
  assert(listCalls.length > 1, `expected several list-files pages (hub page size < ${seen.length}), ` +
    `got ${listCalls.length} request(s)`);
  assertEq(listCalls[0].body, '{"page":null}', 'first list-files body');
  return `${seen.length} names in ${listCalls.length} list-files requests`;
});

await check('Storage.deleteFile then getFile reports the file missing', async () => {
  await storage.deleteFile('storage/note.txt');
  assertEq(session.store.getSessionData().etags['storage/note.txt'], undefined, 'etag forgotten');
  let result;
  try {
    result = await storage.getFile('storage/note.txt', { decrypt: false });
  } catch (e) {
    assertEq(e.name, 'DoesNotExist', `getFile error (${describeError(e)})`);
    return;
  }
  assertEq(result, null, 'getFile result');
});

await check('deleteFromGaiaHub removes a stored file (read then 404)', async () => {
  const path = 'upload/data.bin';
  await deleteFromGaiaHub(path, config);
  const { res } = await readFile(await getFullReadUrl(path, config));
  assertEq(res.status, 404, 'read status after delete');
});

await check('deleteFromGaiaHub of a missing file fails with DoesNotExist (404)', async () => {
  const err = await expectReject(() => deleteFromGaiaHub('upload/never-written.txt', config),
    'delete of a missing file');
  expectHubStatus(err, 404, 'delete of a missing file');
  assertEq(err.name, 'DoesNotExist', 'client error class');
});

await check('upload to another address with this config is rejected (401)', async () => {
  const other = publicKeyToBtcAddress(getPublicKeyFromPrivate(newKey()));
  const err = await expectReject(
    () => uploadToGaiaHub('x.txt', 'x', { ...config, address: other }, textType), 'foreign upload');
  expectHubStatus(err, 401, 'foreign upload');
  assertEq(err.name, 'ValidationError', 'client error class');
});

// -- association token (identity key vouches for the app key, as the wallet does)
await check('association token: connectToGaiaHub with it, then upload succeeds', async () => {
  const identityKey = newKey();
  const childKey = newKey();
  const iat = Date.now() / 1000;
  const associationToken = new TokenSigner('ES256K', identityKey).sign({
    childToAssociate: getPublicKeyFromPrivate(childKey),
    iss: getPublicKeyFromPrivate(identityKey),
    exp: iat + 365 * 24 * 3600,
    iat,
    salt: salt(),
  });
  keepSecret(associationToken);
  const cfg = await connectToGaiaHub(hubUrl, childKey, associationToken);
  const payload = decodeToken(cfg.token.slice(3)).payload;
  assertEq(payload.associationToken, associationToken, 'hub token carries the association token');
  const up = await uploadToGaiaHub('assoc/hello.txt', 'associated', cfg, textType);
  const { res, body } = await readFile(up.publicURL);
  assertEq(res.status, 200, 'read status');
  assertEq(Buffer.from(body).toString('utf8'), 'associated', 'content');
});

await check('association token naming another child is rejected (401)', async () => {
  const identityKey = newKey();
  const childKey = newKey();
  const associationToken = new TokenSigner('ES256K', identityKey).sign({
    childToAssociate: getPublicKeyFromPrivate(newKey()),
    iss: getPublicKeyFromPrivate(identityKey),
    exp: nowSeconds() + 3600,
    iat: nowSeconds(),
    salt: salt(),
  });
  keepSecret(associationToken);
  const cfg = await connectToGaiaHub(hubUrl, childKey, associationToken);
  const err = await expectReject(() => uploadToGaiaHub('assoc/x.txt', 'x', cfg, textType),
    'upload with a mismatched association token');
  expectHubStatus(err, 401, 'mismatched association token');
});

// -- scoped token. connectToGaiaHub in @stacks/storage 7.x has no scopes parameter
// (signature: gaiaHubUrl, challengeSignerHex, associationToken?, fetchFn?), so the scoped token
// is built here with jsontokens, exactly like connectToGaiaHub builds its token plus `scopes`.
await check('scoped token (putFilePrefix allowed/): allowed/x.txt accepted, other.txt rejected 401', async () => {
  const key = newKey();
  const base = await connectToGaiaHub(hubUrl, key);
  const scoped = {
    ...base,
    token: makeHubToken(key, hubInfo.challenge_text, { scopes: [{ scope: 'putFilePrefix', domain: 'allowed/' }] }),
  };
  const up = await uploadToGaiaHub('allowed/x.txt', 'in scope', scoped, textType);
  assertEq(up.publicURL, `${base.url_prefix}${base.address}/allowed/x.txt`, 'publicURL');
  const err = await expectReject(() => uploadToGaiaHub('other.txt', 'out of scope', scoped, textType),
    'upload outside the scope');
  expectHubStatus(err, 401, 'upload outside the scope');
  assertEq(err.name, 'ValidationError', 'client error class');
  // A path that only shares the prefix string without the slash is outside too.
  const err2 = await expectReject(() => uploadToGaiaHub('allowedx.txt', 'x', scoped, textType),
    'upload to allowedx.txt');
  expectHubStatus(err2, 401, 'upload to allowedx.txt');
});

// -- revoke-all
await check('revoke-all: old tokens rejected, tokens with iat >= timestamp accepted', async () => {
  const key = newKey();
  const oldConfig = await connectToGaiaHub(hubUrl, key);
  await uploadToGaiaHub('revoke/before.txt', 'before', oldConfig, textType);

  const now = nowSeconds();
  const oldest = now + 60;
  const revokeToken = makeHubToken(key, hubInfo.challenge_text, { iat: now });
  const res = await fetch(`${hubUrl}/revoke-all/${oldConfig.address}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `bearer ${revokeToken}` },
    body: JSON.stringify({ oldestValidTimestamp: oldest }),
  });
  const bodyText = await res.text();
  assertEq(res.status, 202, `revoke-all status (body ${bodyText})`);
  assertEq(JSON.stringify(JSON.parse(bodyText)), '{"status":"success"}', 'revoke-all body');

  const err = await expectReject(() => uploadToGaiaHub('revoke/after-old.txt', 'x', oldConfig, textType),
    'upload with the pre-revocation token (no iat)');
  expectHubStatus(err, 401, 'upload with the pre-revocation token');
  assertEq(err.hubError?.error, 'AuthTokenTimestampValidationError', 'hub error name');

  const tooOld = { ...oldConfig, token: makeHubToken(key, hubInfo.challenge_text, { iat: oldest - 1 }) };
  const err2 = await expectReject(() => uploadToGaiaHub('revoke/after-too-old.txt', 'x', tooOld, textType),
    'upload with iat one second before the timestamp');
  expectHubStatus(err2, 401, 'upload with iat < timestamp');

  const fresh = { ...oldConfig, token: makeHubToken(key, hubInfo.challenge_text, { iat: oldest }) };
  await uploadToGaiaHub('revoke/after-new.txt', 'after', fresh, textType);
  const { res: readRes, body } = await readFile(await getFullReadUrl('revoke/after-new.txt', fresh));
  assertEq(readRes.status, 200, 'read status');
  assertEq(Buffer.from(body).toString('utf8'), 'after', 'content');
});

finish();
