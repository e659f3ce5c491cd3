import { generateKeyPairSync } from 'node:crypto';
import type { KeyPair } from '../core/signoff/keys.js';

/** A new Ed25519 key pair (randomness lives here, not in core, which only verifies and fingerprints). */
export function generateKeyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
}
