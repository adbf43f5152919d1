import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsNamed, firstField, parseFields, serializeFields } from '../../../src/lib/headers/fields';
import { unfold } from '../../../src/lib/headers/unfold';

describe('unfold', () => {
  it('joins folded lines, keeping the whitespace that starts the continuation', () => {
    expect(unfold('Subject: one\r\n two\r\n\tthree\r\nTo: a@example.com').lines.map((line) => line.text)).toEqual([
      'Subject: one two\tthree',
      'To: a@example.com',
    ]);
  });

  it('joins continuation lines that lost their indentation', () => {
    const { lines } = unfold(
      'Received: from a.example (a.example [192.0.2.1])\nby b.example with ESMTP id 1\nfor <x@example.com>; Tue, 5 Nov 2024 10:00:00 +0000\nTo: x@example.com',
    );
    expect(lines.map((line) => line.text)).toEqual([
      'Received: from a.example (a.example [192.0.2.1]) by b.example with ESMTP id 1 for <x@example.com>; Tue, 5 Nov 2024 10:00:00 +0000',
      'To: x@example.com',
    ]);
  });

  it('does not take a DKIM tag list for a new field', () => {
    const { lines } = unfold('DKIM-Signature: v=1; d=example.com;\nh=from:to:subject;\nb=abc\nFrom: a@example.com');
    expect(lines).toHaveLength(2);
  });

  it('stops at the first blank line when a whole message is pasted, and skips leading blank lines', () => {
    const result = unfold('\n\nFrom: a@example.com\nSubject: hi\n\nBody: not a header\n');
    expect(result.lines.map((line) => line.text)).toEqual(['From: a@example.com', 'Subject: hi']);
    expect(result.bodyFollows).toBe(true);
    expect(result.lines[0]!.line).toBe(3);
  });

  it('keeps stray text before the first field apart', () => {
    expect(unfold('From MAILER-DAEMON Tue Nov  5 10:00:00 2024\nFrom: a@example.com').stray).toEqual([
      'From MAILER-DAEMON Tue Nov  5 10:00:00 2024',
    ]);
  });
});

describe('parseFields', () => {
  it('keeps order and duplicates', () => {
    const headers = parseFields('Received: one\nX-A: 1\nReceived: two\nreceived: three');
    expect(fieldsNamed(headers, 'Received').map((field) => field.value)).toEqual(['one', 'two', 'three']);
    expect(headers.fields.map((field) => field.index)).toEqual([0, 1, 2, 3]);
    expect(firstField(headers, 'x-a')?.name).toBe('X-A');
  });
});

const fieldName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
// Printable ASCII and some non-ASCII, no line breaks; outer spaces trimmed as the parser does.
const fieldValue = fc
  .string({ unit: fc.constantFrom(...'abcXYZ019 .,;:<>@()[]"=/-_\u00e9\u4e2d'.split('')), maxLength: 200 })
  .map((value) => value.trim());

describe('round trip', () => {
  it('parseFields reads back what serializeFields wrote, folded or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fieldName, value: fieldValue }), { maxLength: 12 }),
        fc.integer({ min: 20, max: 100 }),
        (fields, width) => {
          const parsed = parseFields(serializeFields(fields, width)).fields;
          expect(parsed.map(({ name, value }) => ({ name, value }))).toEqual(fields);
        },
      ),
    );
  });
});
