import { closeSync, openSync, readSync } from 'node:fs';

/**
 * `size` bytes from the kernel's random source, as node:crypto's randomBytes would give them,
 * without loading node:crypto: that costs every judged run ~6 ms of start-up, for the 16-byte
 * nonce and token it needs. Where /dev/urandom cannot be read, Web Crypto (global in Node) does it.
 */
export function kernelRandomBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, bytes, filled, size - filled, null);
        // /dev/urandom never ends; something else in its place might.
        if (read === 0) throw new Error('/dev/urandom ended');
        filled += read;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    globalThis.crypto.getRandomValues(bytes);
  }
  return bytes;
}
