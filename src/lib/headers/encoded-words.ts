/**
 * RFC 2047 encoded words ("=?UTF-8?B?...?=") decoded for display only.
 *
 * Values a person copies (an address, an IP) are never taken from decoded
 * text: decoding can produce look-alike characters, and the raw value is
 * what the blocklist matches.
 */

const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;
// Whitespace between two encoded words is not part of the text (RFC 2047 section 6.2).
const BETWEEN_WORDS = /(\?=)[ \t]+(?==\?[^?\s]+\?[BbQq]\?)/g;

function base64Bytes(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    const hex = text.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (char === '_') {
      bytes.push(0x20);
    } else {
      bytes.push(char.charCodeAt(0) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeWord(whole: string, charset: string, encoding: string, text: string): string {
  const bytes = encoding.toUpperCase() === 'B' ? base64Bytes(text) : quotedPrintableBytes(text);
  if (!bytes) return whole;
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    // A charset the browser does not know: show the word as it was written.
    return whole;
  }
}

export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return value.replace(BETWEEN_WORDS, '$1').replace(ENCODED_WORD, decodeWord);
}
