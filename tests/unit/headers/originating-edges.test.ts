/**
 * The trust boundary's walk on hop shapes the fixtures do not have: a hop
 * with no `by`, one into another organisation, an exchanger named by a label
 * deeper in the name, and what the origin reports. Each test kills a mutant
 * that survived the other header tests (README "Mutation testing").
 */
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../../src/lib/headers/ip';
import { findOrigin } from '../../../src/lib/headers/originating';
import { parseReceived } from '../../../src/lib/headers/received';
import { receivingSide } from '../../../src/lib/headers/receiving-side';

const DATE = 'Tue, 5 Nov 2024 10:00:00 +0000';
/** The receiving side's own top hop: corp.example delivering to its mailbox store. */
const TOP = `from a.corp.example ([10.0.0.1]) by store.corp.example; ${DATE}`;
const SENDER = `from sender.example.org (sender.example.org [198.51.100.7]) by mx.corp.example; ${DATE}`;

function walk(...received: string[]) {
  return findOrigin(received.map(parseReceived), null);
}

describe('findOrigin: which hops are the receiving side’s own', () => {
  it('skips its own relay on a public address when the line names no `by` host', () => {
    const relay = `from relay.corp.example (relay.corp.example [203.0.113.5]) with ESMTP id 1; ${DATE}`;
    expect(walk(TOP, relay, SENDER)?.ip.text).toBe('198.51.100.7');
  });

  it('skips its own relay when the line’s `by` is no domain name ("localhost")', () => {
    const relay = `from relay.corp.example (relay.corp.example [203.0.113.5]) by localhost; ${DATE}`;
    expect(walk(TOP, relay, SENDER)?.ip.text).toBe('198.51.100.7');
  });

  it('stops at a line written by another organisation, whatever name it gives the sender', () => {
    const partner = `from b.corp.example (b.corp.example [198.51.100.20]) by gateway.partner.example; ${DATE}`;
    const below = `from sender.example.org (sender.example.org [198.51.100.7]) by b.corp.example; ${DATE}`;
    expect(walk(TOP, partner, below)?.ip.text).toBe('198.51.100.20');
  });

  it('stops at an inbound exchanger named by any label before the domain (mx1.eu.corp.example)', () => {
    const inbound = `from relay.corp.example (relay.corp.example [203.0.113.5]) by mx1.eu.corp.example; ${DATE}`;
    expect(walk(TOP, inbound, SENDER)?.ip.text).toBe('203.0.113.5');
  });

  it('does not take the organisation’s own domain for an exchanger label (gate.example)', () => {
    const own = `from relay.gate.example (relay.gate.example [203.0.113.5]) by store.gate.example; ${DATE}`;
    const sender = `from sender.example.org (sender.example.org [198.51.100.7]) by relay.gate.example; ${DATE}`;
    expect(walk(`from a.gate.example ([10.0.0.1]) by store.gate.example; ${DATE}`, own, sender)?.ip.text).toBe(
      '198.51.100.7',
    );
  });

  it('stops at Exchange Online’s inbound servers (*.mail.protection.outlook.com) between two tenants', () => {
    const origin = walk(
      `from DM6PR12MB1234.namprd12.prod.outlook.com (2603:10b6:5:1::1) by DM6PR12MB9999.namprd12.prod.outlook.com with HTTPS; ${DATE}`,
      `from EUR05-DB8-obe.outbound.protection.outlook.com (EUR05-DB8-obe.outbound.protection.outlook.com [40.107.22.58]) by BN2PEPF000044A8.mail.protection.outlook.com with Microsoft SMTP Server; ${DATE}`,
      `from AM0PR01MB5555.eurprd01.prod.exchangelabs.com (2603:10a6:208:1::2) by EUR05-DB8-obe.outbound.protection.outlook.com with Microsoft SMTP Server; ${DATE}`,
    );
    expect(origin?.ip.text).toBe('40.107.22.58');
  });
});

describe('findOrigin: what the origin reports', () => {
  it('names the sender by its reverse-DNS name, else by its HELO name, and names the receiver', () => {
    expect(walk(TOP, `from helo.example.org (rdns.example.org [198.51.100.7]) by mx.corp.example; ${DATE}`)).toEqual({
      hop: 1,
      ip: parseIp('198.51.100.7'),
      senderName: 'rdns.example.org',
      receiver: 'mx.corp.example',
      how: 'first-outside-hop',
      skipped: 1,
    });
    expect(walk(TOP, `from helo.example.org ([198.51.100.7]) by mx.corp.example; ${DATE}`)?.senderName).toBe(
      'helo.example.org',
    );
  });

  it('reports no receiver for an outside hop whose line names no `by` host', () => {
    const origin = walk(`from sender.example.org (sender.example.org [198.51.100.7]) with SMTP; ${DATE}`);
    expect(origin).toMatchObject({ ip: parseIp('198.51.100.7'), receiver: null, how: 'first-outside-hop' });
  });

  it('finds the checked address past lines with no sender address or no from clause', () => {
    const hops = [
      `by 2002:a05:7022:4a1::1 with SMTP id x; ${DATE}`,
      `from helo.example by store.corp.example with LMTP; ${DATE}`,
      `from filter.example.net (filter.example.net [203.0.113.80]) by mx.corp.example; ${DATE}`,
      SENDER,
    ].map(parseReceived);
    expect(findOrigin(hops, parseIp('198.51.100.7'))).toMatchObject({ hop: 3, how: 'spf-check', skipped: 3 });
  });
});

describe('receivingSide', () => {
  it('is empty, and matches nothing, when no line names a `by` host', () => {
    const hops = [`from sender.example.org (sender.example.org [198.51.100.7]) with SMTP; ${DATE}`].map(parseReceived);
    expect(receivingSide(hops)).toEqual({ domains: new Set(), internalRanges: [] });
    expect(receivingSide([])).toEqual({ domains: new Set(), internalRanges: [] });
  });

  it('is read from the topmost line whose `by` is a host name, past internal notes', () => {
    const hops = [
      `from localhost by 2002:a05:7022:4a1::1 with SMTP id x; ${DATE}`,
      `from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id y; ${DATE}`,
    ].map(parseReceived);
    expect([...receivingSide(hops).domains]).toEqual(['google.com']);
    expect([...receivingSide([parseReceived(`from x.example ([10.0.0.1]); ${DATE}`), ...hops]).domains]).toEqual([
      'google.com',
    ]);
  });
});
