// Interop of the .NET client (Gaia.Client, gaia) with the real @stacks/storage, through a running hub.
//
//   node tests/clients/interop.mjs write <hub URL> <app key hex> <dir>
//       putFile of every file of the matrix (text and binary, empty and 1 MiB; encrypted by default,
//       encrypted and signed, signed without encryption); writes <dir>/node-manifest.json and the plaintexts.
//   node tests/clients/interop.mjs read <hub URL> <app key hex> <manifest.json>...
//       getFile (decrypt and/or verify as the entry's mode says) of every entry of the manifests, compared with the
//       plaintext the writer left beside the manifest.
//
// A manifest is a JSON array of {path, kind: "text"|"binary", mode: "encrypted"|"encrypted-signed"|"signed", plaintext}
// (plaintext: a file name relative to the manifest). Prints `ok - …` / `not ok - …` per file, then `N passed, N failed`.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Storage } from '@stacks/storage';
import { AppConfig, UserSession } from '@stacks/auth';
import { config as stacksConfig } from '@stacks/common';

stacksConfig.logLevel = 'none';

const [command, hubArg, appPrivateKey, ...rest] = process.argv.slice(2);
const hubUrl = (hubArg || '').replace(/\/+$/, '');
if (!['write', 'read'].includes(command) || !hubUrl || !appPrivateKey || rest.length === 0) {
  console.error('usage: interop.mjs write|read <hub URL> <app key hex> <dir | manifest.json...>');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const MiB = 1024 * 1024;
const modes = {
  encrypted: { put: {}, get: { decrypt: true } },
  'encrypted-signed': { put: { encrypt: true, sign: true }, get: { decrypt: true, verify: true } },
  signed: { put: { encrypt: false, sign: true }, get: { decrypt: false, verify: true } },
};

const session = new UserSession({
  appConfig: new AppConfig(['store_write'], 'http://localhost:8080'),
  sessionOptions: { userData: { appPrivateKey, hubUrl, username: '', profile: {}, authResponseToken: '' } },
});
const storage = new Storage({ userSession: session });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${String(e?.message ?? e).replace(/\s+/g, ' ')}`);
  }
}

/** Exactly `size` bytes of UTF-8 text with multi-byte characters in it. */
function textOf(size) {
  const line = Buffer.from('héllo wörld, Gaia 🌞 from @stacks/storage\n');
  const bytes = Buffer.alloc(size, 'x');
  for (let at = 0; at + line.length <= size; at += line.length) line.copy(bytes, at);
  return bytes.toString('utf8');
}

if (command === 'write') {
  const dir = rest[0];
  mkdirSync(dir, { recursive: true });
  const run = randomBytes(4).toString('hex');
  const manifest = [];
  for (const mode of Object.keys(modes)) {
    for (const [kind, size] of [['text', 0], ['text', MiB], ['binary', 0], ['binary', MiB]]) {
      const name = `${mode}-${kind}-${size}`;
      const path = `interop-${run}/node/${name}${kind === 'text' ? '.txt' : '.bin'}`;
      const content = kind === 'text' ? textOf(size) : new Uint8Array(randomBytes(size));
      await check(`putFile ${path} (${mode})`, async () => {
        await storage.putFile(path, content, modes[mode].put);
        writeFileSync(join(dir, name), kind === 'text' ? Buffer.from(content, 'utf8') : content);
        manifest.push({ path, kind, mode, plaintext: name });
      });
    }
  }
  writeFileSync(join(dir, 'node-manifest.json'), JSON.stringify(manifest, null, 2));
} else {
  for (const manifestPath of rest) {
    const entries = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const entry of entries) {
      await check(`getFile ${entry.path} (${entry.kind}, ${entry.mode})`, async () => {
        const expected = readFileSync(join(dirname(manifestPath), entry.plaintext));
        const got = await storage.getFile(entry.path, modes[entry.mode].get);
        if (entry.kind === 'text') {
          if (typeof got !== 'string') throw new Error(`expected a string, got ${Object.prototype.toString.call(got)}`);
          if (got !== expected.toString('utf8')) throw new Error(`text differs (${Buffer.byteLength(got)} bytes, expected ${expected.length})`);
        } else {
          if (typeof got === 'string') throw new Error('expected bytes, got a string');
          const bytes = Buffer.from(got instanceof ArrayBuffer ? new Uint8Array(got) : got);
          if (Buffer.compare(bytes, expected) !== 0) throw new Error(`bytes differ (${bytes.length} bytes, expected ${expected.length})`);
        }
      });
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
