// Generates tests/Gaia.Hub.Tests/Vectors/jsontokens-vectors.json: Gaia hub auth-token vectors
// produced with the real client library (jsontokens 3.1.1, TokenSigner 'ES256K').
//
// Run from the repository root (after `npm ci`):
//
//     node tests/vectors/make-vectors.mjs
//
// Every run regenerates the whole file: salts and the random keys change, so the tokens differ
// from run to run, but the expectations (valid / signingAddress / scopes ...) stay the same.
// Before writing, each case is re-checked against a small independent JavaScript model of the
// hub's validation rules (protocol spec, sections 3.1-3.9); the script exits non-zero if the
// model and the recorded expectation disagree.
//
// Case fields: name, kind ("v1" | "legacy"), serverName, address (URL/bucket address the header
// is presented for), authorization (full header value), valid, signingAddress (only when valid:
// the address used for whitelisting), scopes (when the token carries them), iat / exp (when the
// token carries them), highS (v1 tokens: whether the outer signature has s > n/2), note.
// Times are fixed absolute values (1600000000 = 2020-09-13 is "past", 4102444800 = 2100-01-01
// is "far future"), so the file does not go stale.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

import { TokenSigner, TokenVerifier, decodeToken } from 'jsontokens';
import * as secp from '@noble/secp256k1';
import { sha256 } from '@noble/hashes/sha256';
import { ripemd160 } from '@noble/hashes/ripemd160';
import { hmac } from '@noble/hashes/hmac';
import { getPublicKeyFromPrivate, publicKeyToBtcAddress } from '@stacks/encryption';

// The ESM build of noble-secp256k1 is a separate module instance from the CommonJS one that
// jsontokens loads, so it needs its own HMAC hook for deterministic (RFC 6979) signing.
secp.utils.hmacSha256Sync = (key, ...msgs) => {
  const h = hmac.create(sha256, key);
  for (const m of msgs) h.update(m);
  return h.digest();
};

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'Gaia.Hub.Tests', 'Vectors', 'jsontokens-vectors.json');

// ---------------------------------------------------------------- helpers

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const fromHex = (h) => Uint8Array.from(Buffer.from(h, 'hex'));
const utf8 = (s) => new TextEncoder().encode(s);

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + (hex(bytes) || '0'));
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

function base58Check(version, payload) {
  const body = new Uint8Array([version, ...payload]);
  const check = sha256(sha256(body)).slice(0, 4);
  return base58(new Uint8Array([...body, ...check]));
}

/** Bucket address as the hub computes it: always from the *compressed* key (spec 3.3). */
function hubAddress(pubHex) {
  const compressed = secp.Point.fromHex(pubHex).toRawBytes(true);
  return base58Check(0x00, ripemd160(sha256(compressed)));
}

const pubOf = (privHex, compressed = true) => hex(secp.getPublicKey(privHex, compressed));

const N = secp.CURVE.n;
function isHighS(jwt) {
  const sig = Buffer.from(jwt.split('.')[2], 'base64url');
  const s = BigInt('0x' + sig.subarray(32, 64).toString('hex'));
  return s > N / 2n;
}

const salt = () => randomBytes(16).toString('hex');
const sign = (privHex, payload) => new TokenSigner('ES256K', privHex).sign(payload);

// ---------------------------------------------------------------- fixed material (spec A.2)

const SERVER = 'test-server';
const challengeFor = (server, version = '0') =>
  JSON.stringify(['gaiahub', version, server, 'blockstack_storage_please_sign']);
const CHALLENGE = challengeFor(SERVER);

const key0 = 'e0a0eab434faf2c609cac5919b71a2348a747cdf7618cc8847c2d55d98e3df4e';
const key1 = 'bb75bbdd1ac307c4a9f7a72dc04e2982d055a39f9e468e9bad9e807e5ad38260';
const pub0 = pubOf(key0);
const pub1 = pubOf(key1);
const pub0Uncompressed = pubOf(key0, false);
const A0 = hubAddress(pub0);
const A1 = hubAddress(pub1);

// Sanity checks against the spec's Appendix A.2 and the client library.
function expectEq(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
}
expectEq(pub0, '03cc822fbe6349ecc5f4342205274041da53d54d6ab8e7c4ee343a11216e5540a7', 'key0 pubkey');
expectEq(pub1, '0210cbd9375a43820729b37203a4e6ba920054ca115239a460e18b4e34cab646b3', 'key1 pubkey');
expectEq(getPublicKeyFromPrivate(key0), pub0, 'key0 pubkey (@stacks/encryption)');
expectEq(A0, '16mHK3nMEhVGjSYGbzEGA37vej7HYzJ9Xn', 'key0 address');
expectEq(A1, '1FjG1mM47ydAe84j237QZMgcWYnwLo8tm2', 'key1 address');
expectEq(publicKeyToBtcAddress(pub0), A0, 'key0 address (@stacks/encryption)');
expectEq(publicKeyToBtcAddress(pub0Uncompressed), '17bfffikSJsmKfGq7HYULcw8Lgg61usWUs',
  'key0 uncompressed-bytes address');
expectEq(hubAddress(pub0Uncompressed), A0, 'key0 uncompressed pubkey -> hub address');

const PAST = 1600000000;
const FUTURE = 4102444800;

// ---------------------------------------------------------------- independent model of the hub
// Only used to cross-check the expectations written below (spec 3.1-3.9, no whitelist, no
// revocation, requireCorrectHubUrl off).

const SCOPE_NAMES = new Set(['putFile', 'putFilePrefix', 'deleteFile', 'deleteFilePrefix',
  'putFileArchival', 'putFileArchivalPrefix']);

function acceptedChallenges(server) {
  return ['0', '2018', '2019'].map((v) => challengeFor(server, v));
}

function verifyJwt(jwt, pubHex) {
  const parts = jwt.split('.');
  if (parts.length !== 3) return false;
  const sig = Buffer.from(parts[2], 'base64url');
  if (sig.length !== 64) return false;
  const digest = sha256(utf8(`${parts[0]}.${parts[1]}`));
  try {
    return secp.verify(secp.Signature.fromCompact(hex(sig)), digest, pubHex, { strict: false });
  } catch {
    return false;
  }
}

function modelValidate({ authorization, address, serverName }) {
  const now = Date.now() / 1000;
  if (!authorization.toLowerCase().startsWith('bearer')) return { valid: false };
  const authPart = authorization.slice(7);
  if (!authPart.includes(':')) {
    // legacy
    let obj;
    try {
      obj = JSON.parse(Buffer.from(authPart, 'base64').toString('utf8'));
    } catch {
      return { valid: false };
    }
    if (hubAddress(obj.publickey) !== address) return { valid: false };
    const ok = acceptedChallenges(serverName).some((c) => {
      try {
        return secp.verify(secp.Signature.fromDER(obj.signature), sha256(utf8(c)), obj.publickey,
          { strict: false });
      } catch {
        return false;
      }
    });
    return ok ? { valid: true, signingAddress: address } : { valid: false };
  }
  const version = authPart.slice(0, authPart.indexOf(':'));
  if (version !== 'v1') return { valid: false };
  const jwt = authPart.slice(authPart.indexOf(':') + 1);
  let payload;
  try {
    payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return { valid: false };
  }
  if (!payload.iss) return { valid: false };
  let issAddress;
  try {
    issAddress = hubAddress(payload.iss);
  } catch {
    return { valid: false };
  }
  if (issAddress !== address) return { valid: false };
  if (payload.scopes !== undefined) {
    if (!Array.isArray(payload.scopes) || payload.scopes.length > 8) return { valid: false };
    if (payload.scopes.some((s) => !SCOPE_NAMES.has(String(s.scope)))) return { valid: false };
  }
  if (!verifyJwt(jwt, payload.iss)) return { valid: false };
  if (!acceptedChallenges(serverName).includes(payload.gaiaChallenge)) return { valid: false };
  if (payload.exp && payload.exp < now) return { valid: false };
  let signingAddress = address;
  if (payload.associationToken) {
    const at = payload.associationToken;
    let ap;
    try {
      ap = JSON.parse(Buffer.from(at.split('.')[1], 'base64url').toString('utf8'));
    } catch {
      return { valid: false };
    }
    if (!ap.iss || !ap.childToAssociate || !ap.exp) return { valid: false };
    if (!verifyJwt(at, ap.iss)) return { valid: false };
    if (ap.exp < now) return { valid: false };
    if (hubAddress(ap.childToAssociate) !== address) return { valid: false };
    signingAddress = hubAddress(ap.iss);
  }
  return { valid: true, signingAddress };
}

// ---------------------------------------------------------------- cases

const cases = [];

function addV1(name, { key, payload, address, valid, signingAddress, note, serverName = SERVER,
  prefix = 'bearer v1:', jwt }) {
  const token = jwt ?? sign(key, payload);
  const decoded = decodeToken(token).payload;
  const c = {
    name,
    kind: 'v1',
    serverName,
    address,
    authorization: prefix + token,
    valid,
  };
  if (valid) c.signingAddress = signingAddress ?? address;
  if (decoded.scopes !== undefined) c.scopes = decoded.scopes;
  if (decoded.iat !== undefined) c.iat = decoded.iat;
  if (decoded.exp !== undefined) c.exp = decoded.exp;
  c.highS = isHighS(token);
  c.note = note;
  cases.push(c);
  return token;
}

function addLegacy(name, { key, challenge, address, valid, note, serverName = SERVER }) {
  const publickey = pubOf(key);
  // What old clients (blockstack.js makeLegacyAuthToken) did: DER ECDSA over SHA256(challenge),
  // low-S, hex; JSON {publickey, signature}; standard base64; no "v1:" prefix.
  const sig = secp.signSync(sha256(utf8(challenge)), key, { der: true, canonical: true });
  const token = Buffer.from(JSON.stringify({ publickey, signature: hex(sig) }), 'utf8')
    .toString('base64');
  const c = { name, kind: 'legacy', serverName, address, authorization: `bearer ${token}`, valid };
  if (valid) c.signingAddress = address;
  c.note = note;
  cases.push(c);
}

const basic = (iss, extra = {}) => ({ gaiaChallenge: CHALLENGE, iss, salt: salt(), ...extra });

// -- plain tokens
const plain0 = addV1('v1-plain-key0', {
  key: key0, payload: basic(pub0), address: A0, valid: true,
  note: 'Plain token like @stacks/storage minus hubUrl: no exp, no iat.',
});
addV1('v1-plain-key0-for-key1-address', {
  jwt: plain0, address: A1, valid: false,
  note: 'Same token as v1-plain-key0 presented for key1\'s bucket: address mismatch.',
});
addV1('v1-plain-key0-mixed-case-bearer', {
  jwt: plain0, address: A0, valid: true, prefix: 'BeArEr v1:',
  note: 'Same token as v1-plain-key0; the "bearer" prefix is case-insensitive.',
});
addV1('v1-plain-key0-unknown-version-prefix', {
  jwt: plain0, address: A0, valid: false, prefix: 'bearer v2:',
  note: 'Same token with a "v2:" prefix: only "v1" is accepted.',
});
{
  const parts = plain0.split('.');
  const sig = Buffer.from(parts[2], 'base64url');
  sig[63] ^= 0x01;
  addV1('v1-plain-key0-tampered-signature', {
    jwt: `${parts[0]}.${parts[1]}.${sig.toString('base64url')}`, address: A0, valid: false,
    note: 'v1-plain-key0 with one bit of the signature flipped.',
  });
  addV1('v1-plain-key0-truncated-signature', {
    jwt: `${parts[0]}.${parts[1]}.${sig.subarray(0, 63).toString('base64url')}`, address: A0,
    valid: false, note: 'Signature segment decodes to 63 bytes instead of 64.',
  });
}
addV1('v1-plain-key1', {
  key: key1, payload: basic(pub1), address: A1, valid: true, note: 'Plain token by key1.',
});

// -- challenge variants
addV1('v1-challenge-2018', {
  key: key0, payload: basic(pub0, { gaiaChallenge: challengeFor(SERVER, '2018') }), address: A0,
  valid: true, note: 'Legacy 2018 challenge variant is accepted.',
});
addV1('v1-challenge-2019', {
  key: key0, payload: basic(pub0, { gaiaChallenge: challengeFor(SERVER, '2019') }), address: A0,
  valid: true, note: 'Legacy 2019 challenge variant is accepted.',
});
addV1('v1-challenge-wrong-text', {
  key: key0, payload: basic(pub0, { gaiaChallenge: 'bananas are tasty' }), address: A0,
  valid: false, note: 'Challenge is not one of the accepted texts.',
});
addV1('v1-challenge-other-server', {
  key: key0, payload: basic(pub0, { gaiaChallenge: challengeFor('gaia-0') }), address: A0,
  valid: false, note: 'Challenge names server gaia-0, hub is test-server.',
});
addV1('v1-challenge-with-spaces', {
  key: key0,
  payload: basic(pub0, { gaiaChallenge: JSON.stringify(JSON.parse(CHALLENGE), null, 1) }),
  address: A0, valid: false, note: 'Same array but serialised with whitespace: exact match only.',
});
addV1('v1-challenge-missing', {
  key: key0, payload: { iss: pub0, salt: salt() }, address: A0, valid: false,
  note: 'No gaiaChallenge claim.',
});
addV1('v1-iss-missing', {
  key: key0, payload: { garbage: 'in' }, address: A0, valid: false, note: 'No iss claim.',
});

// -- expiry / issued-at
addV1('v1-exp-past', {
  key: key0, payload: basic(pub0, { exp: PAST }), address: A0, valid: false,
  note: 'exp in the past: expired.',
});
addV1('v1-exp-1', {
  key: key0, payload: basic(pub0, { exp: 1 }), address: A0, valid: false,
  note: 'exp = 1 (hub test vector): expired.',
});
addV1('v1-exp-far-future', {
  key: key0, payload: basic(pub0, { exp: FUTURE }), address: A0, valid: true,
  note: 'exp in 2100.',
});
addV1('v1-exp-fractional-future', {
  key: key0, payload: basic(pub0, { exp: FUTURE + 0.5 }), address: A0, valid: true,
  note: 'Fractional exp is a plain number of seconds.',
});
addV1('v1-exp-zero', {
  key: key0, payload: basic(pub0, { exp: 0 }), address: A0, valid: true,
  note: 'exp = 0 is treated as "no expiry" (only a non-zero exp is checked).',
});
addV1('v1-iat-past', {
  key: key0, payload: basic(pub0, { iat: PAST, exp: FUTURE }), address: A0, valid: true,
  note: 'iat present (only used for revocation; no revocation in these vectors).',
});
addV1('v1-iat-future', {
  key: key0, payload: basic(pub0, { iat: FUTURE - 1 }), address: A0, valid: true,
  note: 'A future iat is not checked against the clock.',
});

// -- hubUrl
addV1('v1-hubUrl', {
  key: key0, payload: basic(pub0, { hubUrl: 'https://test-server' }), address: A0, valid: true,
  note: 'hubUrl claim = https://test-server (also passes with requireCorrectHubUrl).',
});
addV1('v1-hubUrl-stacks-storage-shape', {
  key: key0,
  payload: { gaiaChallenge: CHALLENGE, hubUrl: 'http://127.0.0.1:3000', iss: pub0, salt: salt(),
    associationToken: undefined },
  address: A0, valid: true,
  note: 'Exactly the claim set connectToGaiaHub() builds (associationToken undefined is dropped). ' +
    'hubUrl is not https://test-server, so this fails if requireCorrectHubUrl is on.',
});
addV1('v1-wallet-gaiaHubUrl', {
  key: key0, payload: { gaiaHubUrl: 'https://test-server', iss: pub0, salt: salt(),
    gaiaChallenge: CHALLENGE },
  address: A0, valid: true,
  note: 'Wallet-sdk shape: gaiaHubUrl instead of hubUrl (fails only with requireCorrectHubUrl).',
});

// -- issuer encodings / key mismatch
addV1('v1-iss-uncompressed', {
  key: key0, payload: basic(pub0Uncompressed), address: A0, valid: true,
  note: 'iss is key0\'s 65-byte uncompressed key; the hub compresses before hashing (spec 3.3).',
});
addV1('v1-iss-uncompressed-naive-address', {
  key: key0, payload: basic(pub0Uncompressed), address: '17bfffikSJsmKfGq7HYULcw8Lgg61usWUs',
  valid: false,
  note: 'Uncompressed iss presented for the address of the raw uncompressed bytes: the hub ' +
    'maps it to 16mHK... instead.',
});
addV1('v1-iss-key1-signed-by-key0', {
  key: key0, payload: basic(pub1), address: A1, valid: false,
  note: 'iss claims key1 but key0 signed: signature check fails.',
});
addV1('v1-iss-not-a-point', {
  key: key0, payload: basic('02' + 'ff'.repeat(32)), address: A0, valid: false,
  note: 'iss is 33 bytes that are not a curve point (reference hub: 500; spec [C#]: 401).',
});

// -- scopes
const scopeCases = [
  ['putFile', 'foo/bar.txt'],
  ['putFilePrefix', 'photos/'],
  ['deleteFile', 'photos/a.jpg'],
  ['deleteFilePrefix', 'trash/'],
  ['putFileArchival', '/foo/bar'],
  ['putFileArchivalPrefix', 'baz'],
];
for (const [scope, domain] of scopeCases) {
  addV1(`v1-scope-${scope}`, {
    key: key0, payload: basic(pub0, { scopes: [{ scope, domain }] }), address: A0, valid: true,
    note: `Single ${scope} scope.`,
  });
}
addV1('v1-scopes-all-six', {
  key: key0, payload: basic(pub0, { scopes: scopeCases.map(([scope, domain]) => ({ scope, domain })) }),
  address: A0, valid: true, note: 'One of each scope; order must be preserved when read back.',
});
addV1('v1-scopes-eight', {
  key: key0,
  payload: basic(pub0, { scopes: Array.from({ length: 8 }, (_, i) => ({ scope: 'putFile', domain: `f${i}` })) }),
  address: A0, valid: true, note: 'Eight scopes is the maximum.',
});
addV1('v1-scopes-nine', {
  key: key0,
  payload: basic(pub0, { scopes: Array.from({ length: 9 }, (_, i) => ({ scope: 'putFile', domain: `f${i}` })) }),
  address: A0, valid: false, note: 'Nine scopes: too many.',
});
addV1('v1-scope-unknown-name', {
  key: key0, payload: basic(pub0, { scopes: [{ scope: 'invalid', domain: 'foo' }] }), address: A0,
  valid: false, note: 'Unrecognised scope name.',
});
addV1('v1-scopes-empty-array', {
  key: key0, payload: basic(pub0, { scopes: [] }), address: A0, valid: true,
  note: 'An empty scope list is valid and restricts nothing.',
});

// -- association tokens
const assoc = (signer, payload) => sign(signer, payload);
const goodAssoc = assoc(key1, { childToAssociate: pub0, iss: pub1, exp: FUTURE, iat: PAST, salt: salt() });
addV1('v1-association-valid', {
  key: key0, payload: basic(pub0, { associationToken: goodAssoc }), address: A0, valid: true,
  signingAddress: A1,
  note: 'Outer by key0 for key0\'s bucket; association signed by key1 with child = key0: the ' +
    'signing (whitelist) address is key1\'s.',
});
addV1('v1-association-valid-for-key1-address', {
  key: key0, payload: basic(pub0, { associationToken: goodAssoc }), address: A1, valid: false,
  note: 'The association token does not let key0 write to key1\'s bucket.',
});
addV1('v1-association-wallet-shape', {
  key: key0,
  payload: basic(pub0, {
    hubUrl: 'https://test-server',
    associationToken: assoc(key1, {
      childToAssociate: pub0, iss: pub1, exp: FUTURE + 0.123, iat: PAST + 0.456, salt: salt(),
    }),
  }),
  address: A0, valid: true, signingAddress: A1,
  note: 'Association token with fractional exp/iat as the wallet produces them.',
});
addV1('v1-association-missing-iss', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { childToAssociate: pub1, exp: FUTURE, salt: salt() }) }),
  address: A1, valid: false, note: 'Association token without iss.',
});
addV1('v1-association-missing-exp', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { childToAssociate: pub1, iss: pub0, salt: salt() }) }),
  address: A1, valid: false, note: 'Association token without exp (exp is required there).',
});
addV1('v1-association-missing-child', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { iss: pub0, exp: FUTURE, salt: salt() }) }),
  address: A1, valid: false, note: 'Association token without childToAssociate.',
});
addV1('v1-association-expired', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { childToAssociate: pub1, iss: pub0, exp: 1, salt: salt() }) }),
  address: A1, valid: false, note: 'Association token with exp = 1.',
});
addV1('v1-association-wrong-child', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { childToAssociate: pub0, iss: pub0, exp: FUTURE, salt: salt() }) }),
  address: A1, valid: false,
  note: 'Association child is key0 but the bearer (and bucket) is key1.',
});
addV1('v1-association-forged', {
  key: key1,
  payload: basic(pub1, { associationToken: assoc(key0, { childToAssociate: pub1, iss: pub1, exp: FUTURE, salt: salt() }) }),
  address: A1, valid: false,
  note: 'Association iss claims key1 but key0 signed it (reference hub: 500 or 401).',
});
addV1('v1-association-empty-string', {
  key: key0, payload: basic(pub0, { associationToken: '' }), address: A0, valid: true,
  note: 'An empty associationToken claim is ignored.',
});

// -- legacy tokens
addLegacy('legacy-key0', {
  key: key0, challenge: CHALLENGE, address: A0, valid: true,
  note: 'Legacy base64-JSON token over the current challenge.',
});
addLegacy('legacy-key0-2018-challenge', {
  key: key0, challenge: challengeFor(SERVER, '2018'), address: A0, valid: true,
  note: 'Legacy token over the 2018 challenge.',
});
addLegacy('legacy-key0-for-key1-address', {
  key: key0, challenge: CHALLENGE, address: A1, valid: false,
  note: 'Legacy token presented for another bucket.',
});
addLegacy('legacy-key0-wrong-challenge', {
  key: key0, challenge: '["potatos"]', address: A0, valid: false,
  note: 'Legacy token signed over a wrong challenge.',
});
cases.push({
  name: 'legacy-spec-A1-storage.blockstack.org',
  kind: 'legacy',
  serverName: 'storage.blockstack.org',
  address: '1AotVNASQouiNiBtfxv49WWvSNcQUzGYuU',
  authorization: 'bearer eyJwdWJsaWNrZXkiOiIwMjQxYTViMDQ2Mjg1ZjVlMjgwMDRmOTJjY2M0MjNmY2RkODYyZmYzYjgwODUwNzE4MDY4MGIyNDA3ZTIyOWE3NzgiLCJzaWduYXR1cmUiOiIzMDQ0MDIyMDY5ODUwNmNjYjg3MDg1ZmY5ZGI3ZTc4MTIwYTVmMjY1YzExZmY0ODc4OTBlNDQ1MWZjYWM3NjA4NTkyMDhjZWMwMjIwNTZkY2I0OGUyYzE4Y2YwZjQ1NDZiMmQ3M2I2MDY4MWM5ODEyMzQyMmIzOTRlZjRkMWI2MjE3NTYyODQ4MzUwNCJ9',
  valid: true,
  signingAddress: '1AotVNASQouiNiBtfxv49WWvSNcQUzGYuU',
  note: 'Fixed legacy vector from the reference hub tests (spec A.1); signs the 2018 challenge.',
});

// -- fixed JWTs from the protocol spec, Appendix A.3 (regression vectors; never regenerated)
const SPEC_A3 = [
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImh1YlVybCI6Imh0dHBzOi8vdGVzdC1zZXJ2ZXIiLCJpc3MiOiIwM2NjODIyZmJlNjM0OWVjYzVmNDM0MjIwNTI3NDA0MWRhNTNkNTRkNmFiOGU3YzRlZTM0M2ExMTIxNmU1NTQwYTciLCJzYWx0IjoiMDAxMTIyMzM0NDU1NjY3Nzg4OTlhYWJiY2NkZGVlZmYifQ.EFB416kk-BJvIyLtHgkIhNGME2TrL_vl3QKx-0Z5P_BoZdViO899DXmAtghcdBL3SfCMwCAcSF65eoze1-Z4JA',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsInNhbHQiOiJmZmVlZGRjY2JiYWE5OTg4Nzc2NjU1NDQzMzIyMTEwMCJ9.z2ELUFkelH1H6Cm08bQZx2O_N0CgD-CyKnpMAISF7yqfeyovSmnzIU9wNuBwz5ZAIvs7j7SMCSE9tV_mEMqEYw',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImV4cCI6MSwic2FsdCI6ImRkIn0.zXk5GpI0etWE6jWGYjeSSPZqATnBQqgcve1pGJlVyPZ7uZg6WzOiOmCNYBvi548DmwK9XBBa9ef88OTMVHC0iQ',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImlhdCI6MTYwMDAwMDAwMCwiZXhwIjo0MTAyNDQ0ODAwLCJzYWx0IjoiYWEifQ.H3RaAT-nRpjUtlUgm91qMQY9rBwDdY_aJv4XwIGfuut4q_ebOL0xKHL_O082-vXYA3cVHxeK6p2rMvK9xZ12Mw',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsInNhbHQiOiJlZSIsInNjb3BlcyI6W3sic2NvcGUiOiJwdXRGaWxlUHJlZml4IiwiZG9tYWluIjoicGhvdG9zLyJ9LHsic2NvcGUiOiJkZWxldGVGaWxlIiwiZG9tYWluIjoicGhvdG9zL2EuanBnIn1dfQ.J7F9DCLHgnFSOrAlQ4Yv5PNqaPC3doLvwAlS2pLuX1N4TY68KyxN03zQHcKhDxq8cJSy6JHSJGB0Fo0PRB2sGA',
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NksifQ.eyJnYWlhQ2hhbGxlbmdlIjoiW1wiZ2FpYWh1YlwiLFwiMFwiLFwidGVzdC1zZXJ2ZXJcIixcImJsb2Nrc3RhY2tfc3RvcmFnZV9wbGVhc2Vfc2lnblwiXSIsImlzcyI6IjAzY2M4MjJmYmU2MzQ5ZWNjNWY0MzQyMjA1Mjc0MDQxZGE1M2Q1NGQ2YWI4ZTdjNGVlMzQzYTExMjE2ZTU1NDBhNyIsImFzc29jaWF0aW9uVG9rZW4iOiJleUowZVhBaU9pSktWMVFpTENKaGJHY2lPaUpGVXpJMU5rc2lmUS5leUpqYUdsc1pGUnZRWE56YjJOcFlYUmxJam9pTUROall6Z3lNbVppWlRZek5EbGxZMk0xWmpRek5ESXlNRFV5TnpRd05ERmtZVFV6WkRVMFpEWmhZamhsTjJNMFpXVXpORE5oTVRFeU1UWmxOVFUwTUdFM0lpd2lhWE56SWpvaU1ESXhNR05pWkRrek56VmhORE00TWpBM01qbGlNemN5TUROaE5HVTJZbUU1TWpBd05UUmpZVEV4TlRJek9XRTBOakJsTVRoaU5HVXpOR05oWWpZME5tSXpJaXdpWlhod0lqbzBNVEF5TkRRME9EQXdMQ0pwWVhRaU9qRTJNREF3TURBd01EQXNJbk5oYkhRaU9pSmlZaUo5Lk9lSHhrOUkzWlZrU0t6YzR3bS1DX3VoVUNSS3ZKTFh3QkVVMFdHam44NmxaNENZU1BJNGI0Z3N1am9jUlZqa1N3MkZ4MEl4UzVlQnFOYVhfZEl0OVd3Iiwic2FsdCI6ImNjIn0.2k1nwrNNDoDun-kvnWRFF73ugO3ZfoTnYLUVHHUYR5dfst1VBdkIF7-rbL8bHF6zhjGVqYi67iejK9C-SUx_eg',
];
addV1('spec-A3-1-valid-hubUrl', {
  jwt: SPEC_A3[0], address: A0, valid: true,
  note: 'Spec A.3 #1: hubUrl https://test-server, no exp/iat, low-S.',
});
addV1('spec-A3-1-for-key1-address', {
  jwt: SPEC_A3[0], address: A1, valid: false, note: 'Spec A.3 #1 presented for key1\'s bucket.',
});
addV1('spec-A3-2-high-s', {
  jwt: SPEC_A3[1], address: A0, valid: true, note: 'Spec A.3 #2: high-S signature, no hubUrl.',
});
addV1('spec-A3-3-expired', {
  jwt: SPEC_A3[2], address: A0, valid: false, note: 'Spec A.3 #3: exp = 1.',
});
addV1('spec-A3-4-iat', {
  jwt: SPEC_A3[3], address: A0, valid: true,
  note: 'Spec A.3 #4: iat 1600000000, exp 4102444800 (revocation vector).',
});
addV1('spec-A3-5-scoped', {
  jwt: SPEC_A3[4], address: A0, valid: true,
  note: 'Spec A.3 #5: putFilePrefix photos/, deleteFile photos/a.jpg.',
});
addV1('spec-A3-6-association', {
  jwt: SPEC_A3[5], address: A0, valid: true, signingAddress: A1,
  note: 'Spec A.3 #6: outer by key0, association token by key1 (child key0, exp 4102444800).',
});
{
  const t = SPEC_A3[0];
  const last2 = t.slice(-2) === 'AA' ? 'BB' : 'AA';
  addV1('spec-A3-7-tampered', {
    jwt: t.slice(0, -2) + last2, address: A0, valid: false,
    note: 'Spec A.3 #7: #1 with the last two signature characters changed.',
  });
}

// -- fresh random keys: exercises both low-S and high-S signatures
let randomCount = 0;
let high = 0;
let low = 0;
while (randomCount < 20 || high < 5 || low < 5) {
  const priv = hex(secp.utils.randomPrivateKey());
  const pub = pubOf(priv);
  const address = base58Check(0x00, ripemd160(sha256(fromHex(pub))));
  expectEq(publicKeyToBtcAddress(pub), address, 'random key address (@stacks/encryption)');
  const token = sign(priv, basic(pub, { hubUrl: 'https://test-server' }));
  const hs = isHighS(token);
  if (randomCount >= 20 && ((hs && high >= 5) || (!hs && low >= 5))) continue;
  if (hs) high++;
  else low++;
  randomCount++;
  addV1(`v1-random-${String(randomCount).padStart(2, '0')}`, {
    jwt: token, address, valid: true,
    note: `Fresh random key (private key ${priv}); ${hs ? 'high' : 'low'}-S signature.`,
  });
}

// ---------------------------------------------------------------- cross-check and write

let mismatches = 0;
for (const c of cases) {
  const r = modelValidate(c);
  const ok = r.valid === c.valid && (!c.valid || r.signingAddress === c.signingAddress);
  if (!ok) {
    mismatches++;
    console.error(`MISMATCH ${c.name}: expected valid=${c.valid} signing=${c.signingAddress}, ` +
      `model says valid=${r.valid} signing=${r.signingAddress}`);
  }
  if (c.kind === 'v1' && c.valid) {
    // The client library itself must also accept the signature of every valid token.
    const jwt = c.authorization.slice(c.authorization.indexOf(':') + 1);
    const iss = decodeToken(jwt).payload.iss;
    if (!new TokenVerifier('ES256K', iss).verify(jwt)) {
      mismatches++;
      console.error(`MISMATCH ${c.name}: jsontokens TokenVerifier rejects the signature`);
    }
  }
}
const names = new Set(cases.map((c) => c.name));
if (names.size !== cases.length) {
  console.error('duplicate case names');
  mismatches++;
}
if (mismatches > 0) {
  console.error(`${mismatches} case(s) failed the cross-check; not writing ${outFile}`);
  process.exit(1);
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(cases, null, 2) + '\n');
const v1 = cases.filter((c) => c.kind === 'v1');
console.log(`wrote ${cases.length} cases (${v1.length} v1, ${cases.length - v1.length} legacy; ` +
  `${v1.filter((c) => c.highS).length} high-S, ${v1.filter((c) => !c.highS).length} low-S; ` +
  `${cases.filter((c) => c.valid).length} valid) to ${outFile}`);
