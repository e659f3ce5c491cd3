import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/** An Ed25519 key pair as PEM text: the private key in PKCS#8, the public key in SPKI (made by `io/keypair.ts`). */
export interface KeyPair {
  privateKey: string;
  publicKey: string;
}

/** The public key of a private key (PEM), or undefined when the text is not an Ed25519 private key. */
export function publicKeyOf(privateKeyPem: string): string | undefined {
  try {
    const key = createPrivateKey(privateKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return undefined;
    return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return undefined;
  }
}

/** True when the text is an Ed25519 public key (PEM). */
export function isPublicKey(publicKeyPem: string): boolean {
  try {
    return createPublicKey(publicKeyPem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** `ed25519:` and the first 16 hex digits of the SHA-256 of the public key's DER: short, stable, comparable. */
export function fingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

/** Signs the content hash string (e.g. `sha256:…`); returns the signature in base64. */
export function signHash(privateKeyPem: string, hash: string): string {
  return sign(null, Buffer.from(hash, 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
}

/** Checks a base64 signature of the hash string against a public key; false for any malformed input. */
export function verifyHash(publicKeyPem: string, hash: string, signature: string): boolean {
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
    return verify(
      null,
      Buffer.from(hash, 'utf8'),
      createPublicKey(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
