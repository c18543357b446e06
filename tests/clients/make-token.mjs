// Prints shell assignments for the README's curl walkthrough: a bucket key, its address and a
// hub token made by the real client (@stacks/storage connectToGaiaHub), for the given hub.
//
//     eval "$(node tests/clients/make-token.mjs http://localhost:3000)"
//
// Reuses the key in env GAIA_KEY (hex) when set, so a later run addresses the same bucket.
import { connectToGaiaHub } from '@stacks/storage';
import { makeECPrivateKey } from '@stacks/encryption';
import { config } from '@stacks/common';

config.logLevel = 'none';
const hubUrl = (process.argv[2] || 'http://localhost:3000').replace(/\/+$/, '');
const key = process.env.GAIA_KEY || makeECPrivateKey();
try {
  const hub = await connectToGaiaHub(hubUrl, key);
  console.log(`export GAIA_KEY=${key}`);
  console.log(`export ADDRESS=${hub.address}`);
  console.log(`export TOKEN='${hub.token}'`);
} catch (error) {
  console.error(`make-token: cannot reach the hub at ${hubUrl}: ${error.message}`);
  process.exit(1);
}
