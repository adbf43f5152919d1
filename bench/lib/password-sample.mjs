/**
 * 1,000 passwords of 1 to 64 characters, the same on every run (a seeded
 * generator), shaped like what people type: common passwords, words with a
 * capital and a year, names with digits, keyboard walks, repeats, look-alike
 * substitutions, passphrases and random strings. Their words come from the
 * estimator's full dictionaries, at a rank drawn log-uniformly (as likely
 * between 1 and 10 as between 10,000 and 100,000: people pick common words
 * more often, yet the tail the trimming cuts is well represented), so
 * trimming the lists shows up in the agreement figure. Nothing of it is
 * stored in the repository.
 */
import { fullDictionaries } from '../../src/lib/password/estimator-config.mjs';

/** mulberry32: small, fast and good enough to pick samples. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WALKS = ['qwerty', 'asdfgh', 'zxcvbn', '1qaz2wsx', 'qazwsx', '123456', 'poiuy', '!@#$%^', 'mnbvcx', '147258'];
const SYMBOLS = '!@#$%^&*?-_.';
const LEET = { a: '4', e: '3', i: '1', o: '0', s: '$', t: '7' };
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-=?@^_~';

export function passwordSample(count = 1000, seed = 20251120) {
  const random = generator(seed);
  const lists = fullDictionaries();
  const pick = (items) => items[Math.floor(random() * items.length)];
  const word = (name) => lists[name][Math.floor(Math.exp(random() * Math.log(lists[name].length)))] ?? lists[name][0];
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const year = () => String(1950 + Math.floor(random() * 76));
  const shapes = [
    () => word('passwords-common'),
    () => capital(word('passwords-common')) + digits(1 + Math.floor(random() * 3)),
    () => capital(word('commonWords-en')) + year() + (random() < 0.5 ? '!' : ''),
    () => capital(word('firstnames-en')) + digits(2 + Math.floor(random() * 3)),
    () => capital(word('lastnames-en')) + pick(SYMBOLS) + year(),
    () => word('wikipedia-en') + word('wikipedia-en') + digits(2),
    () => pick(WALKS) + pick(WALKS),
    () => pick(ALPHABET).repeat(4 + Math.floor(random() * 12)),
    () => [...word('commonWords-en')].map((c) => (random() < 0.6 ? (LEET[c] ?? c) : c)).join('') + digits(2),
    () =>
      Array.from({ length: 3 + Math.floor(random() * 3) }, () => word('diceware-common')).join(
        random() < 0.5 ? '-' : ' ',
      ),
    () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => capital(word('commonWords-en'))).join(''),
    () => Array.from({ length: 1 + Math.floor(random() * 24) }, () => pick(ALPHABET)).join(''),
  ];
  const sample = [];
  while (sample.length < count) {
    const password = pick(shapes)();
    if (password.length >= 1 && password.length <= 64) sample.push(password);
  }
  return sample;
}
