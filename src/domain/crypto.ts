// Encryption at rest for credentials we must be able to read back (directory API
// tokens and client secrets, signing keys): AES-256-GCM under ENCRYPTION_KEY.
// Values are "v1.<iv>.<tag>.<ciphertext>" in base64url, so the scheme can change later.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from '../config.ts';

export class Cipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new ConfigError('ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)');
    this.#key = key;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  decrypt(value: string): string {
    const [version, iv, tag, ciphertext] = value.split('.');
    if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('not an encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * HMAC-SHA256 of `value` (base64url) for tokens the server must recognise later without
   * storing them (the onboarding page's CSRF token): every instance with the same
   * ENCRYPTION_KEY computes the same one. The key is derived per `purpose` (HKDF), so a MAC
   * of one purpose is never valid for another and the encryption key itself never signs.
   */
  mac(purpose: string, value: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `integrations-api mac: ${purpose}`, 32));
    return createHmac('sha256', key).update(value).digest('base64url');
  }
}

export function parseKey(raw: string): Buffer {
  const trimmed = raw.trim();
  return /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
}

/** The cipher under loadKey's key. */
export async function loadCipher(config: Config): Promise<Cipher> {
  return new Cipher(await loadKey(config));
}

/**
 * ENCRYPTION_KEY when set. Otherwise, in the embedded mode, a key generated once into
 * DATA_DIR (next to the data it protects); with DATABASE_URL it is required, since a key
 * kept on one app server's disk would not reach the others.
 */
export async function loadKey(config: Config): Promise<Buffer> {
  if (config.encryptionKey) return parseKey(config.encryptionKey);
  if (config.databaseUrl)
    throw new ConfigError('ENCRYPTION_KEY is required with DATABASE_URL (32 bytes, hex or base64; e.g. `openssl rand -hex 32`)');
  const keyPath = path.join(config.dataDir, 'encryption.key');
  const existing = await readFile(keyPath, 'utf8').catch(() => undefined);
  if (existing) return parseKey(existing);
  await mkdir(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(keyPath, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  await chmod(keyPath, 0o600);
  return parseKey(await readFile(keyPath, 'utf8'));
}
