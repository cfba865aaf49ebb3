/**
 * Cryptographic functions (Search Reference, "Cryptographic functions"; docs/eval/crypto.md):
 * md5, sha1, sha256, sha512 of a value's text (UTF-8), as lower-case hex.
 */
import { createHash } from 'node:crypto';
import { asString } from '../coerce.js';
import { plain, type EvalFunction } from './define.js';

function digest(name: string, algorithm: string): EvalFunction {
  return plain(name, [1, 1], ([v]) => {
    const s = asString(v!);
    return s === null ? null : createHash(algorithm).update(s, 'utf8').digest('hex');
  });
}

export const CRYPTO_FUNCTIONS: readonly EvalFunction[] = [
  digest('md5', 'md5'),
  digest('sha1', 'sha1'),
  digest('sha256', 'sha256'),
  digest('sha512', 'sha512'),
];
