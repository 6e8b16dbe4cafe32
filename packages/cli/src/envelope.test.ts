// SPDX-License-Identifier: MIT
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { officialExamples, sharedDir } from '@samspil/fixtures';
import { unwrapVansEnvelope, vansReceipt, type VansMessageEnvelope } from '@samspil/sdk/transport';
import { runCli as run } from './test-support.js';

const SENDER = '5790001382445';
const RECEIVER = '5790000121526';
const TEST_CPR = '2509479989';
const care = officialExamples().find((e) => e.name === 'Bundle-0d5b3c18-fab6-4d93-9d88-c9c8abf1f18c');
const dir = mkdtempSync(join(tmpdir(), 'samspil-envelope-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function wrapToFile(name: string, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await run('envelope', 'wrap', '--sender', SENDER, '--receiver', RECEIVER, ...args);
  assert.equal(code, 0, stderr);
  const file = join(dir, name);
  writeFileSync(file, stdout);
  return file;
}

describe('samspil envelope wrap', () => {
  it('prints an envelope carrying the file byte for byte', async () => {
    assert.ok(care);
    const file = await wrapToFile('care.xml', care.json);
    const envelope = unwrapVansEnvelope(readFileSync(file, 'utf8')) as VansMessageEnvelope;
    assert.equal(envelope.senderId, SENDER);
    assert.equal(envelope.receiverId, RECEIVER);
    assert.equal(envelope.message.name, 'MCM:FDIS91#examination-results');
    assert.deepEqual(envelope.message.bytes, new Uint8Array(readFileSync(care.json)));
  });

  it('converts a FHIR message to the --format asked for', async () => {
    assert.ok(care?.xml);
    const asXml = unwrapVansEnvelope(
      readFileSync(await wrapToFile('as-xml.xml', '--format', 'xml', care.json), 'utf8'),
    );
    assert.equal((asXml as VansMessageEnvelope).message.mime, 'application/fhir+xml');
    const asJson = unwrapVansEnvelope(
      readFileSync(await wrapToFile('as-json.xml', '--format', 'json', care.xml), 'utf8'),
    );
    const message = (asJson as VansMessageEnvelope).message;
    assert.equal(message.mime, 'application/fhir+json');
    assert.deepEqual(JSON.parse(message.text()), JSON.parse(readFileSync(care.json, 'utf8')));
  });

  it('wraps an OIOXML letter', async () => {
    const letter = join(sharedDir(), 'medcom', 'oioxml', 'examples', 'xdis01', 'DIS01_1.xml');
    const envelope = unwrapVansEnvelope(readFileSync(await wrapToFile('dis01.xml', letter), 'utf8'));
    assert.equal((envelope as VansMessageEnvelope).message.format, 'XML');
    assert.deepEqual((envelope as VansMessageEnvelope).message.bytes, new Uint8Array(readFileSync(letter)));
  });

  it('exits 1, naming the rule and never the value, for a bad GLN or a message that cannot be wrapped', async () => {
    assert.ok(care);
    const badGln = await run('envelope', 'wrap', '--sender', TEST_CPR, '--receiver', RECEIVER, care.json);
    assert.equal(badGln.code, 1);
    assert.match(badGln.stderr, /sender: must be a GLN/);
    assert.ok(!badGln.stderr.includes(TEST_CPR));
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, `{"cpr":"${TEST_CPR}"}`);
    const notMessage = await run('envelope', 'wrap', '--sender', SENDER, '--receiver', RECEIVER, junk);
    assert.equal(notMessage.code, 1);
    assert.ok(!notMessage.stderr.includes(TEST_CPR));
  });

  it('exits 2 for usage errors and unreadable files', async () => {
    assert.ok(care);
    assert.equal((await run('envelope', 'wrap', '--receiver', RECEIVER, care.json)).code, 2);
    assert.equal((await run('envelope', 'wrap', '--sender', SENDER, '--receiver', RECEIVER)).code, 2);
    assert.equal(
      (await run('envelope', 'wrap', '--sender', SENDER, '--receiver', RECEIVER, '--format', 'yaml', care.json)).code,
      2,
    );
    assert.equal(
      (await run('envelope', 'wrap', '--sender', SENDER, '--receiver', RECEIVER, join(dir, 'missing'))).code,
      2,
    );
    assert.equal((await run('envelope', 'seal', care.json)).code, 2);
    assert.equal((await run('envelope')).code, 2);
  });
});

describe('samspil envelope unwrap', () => {
  it('prints the message, or with --json the metadata', async () => {
    assert.ok(care);
    const file = await wrapToFile('unwrap.xml', care.json);
    const plain = await run('envelope', 'unwrap', file);
    assert.equal(plain.code, 0);
    assert.equal(plain.stdout, readFileSync(care.json, 'utf8'));
    const json = await run('envelope', 'unwrap', '--json', file);
    assert.equal(json.code, 0);
    const metadata = JSON.parse(json.stdout) as { kind: string; senderId: string; message: Record<string, unknown> };
    assert.equal(metadata.kind, 'message');
    assert.equal(metadata.senderId, SENDER);
    assert.equal(metadata.message['name'], 'MCM:FDIS91#examination-results');
    assert.equal(metadata.message['identifier'], '025bdfdd-397b-43e2-9e8c-272664a6e471');
    assert.equal(metadata.message['bytes'], undefined);
  });

  it('describes a receipt', async () => {
    assert.ok(care);
    const original = unwrapVansEnvelope(readFileSync(await wrapToFile('original.xml', care.json), 'utf8'));
    const file = join(dir, 'receipt.xml');
    writeFileSync(file, vansReceipt('NegativeMessage', original, { error: { code: '4', description: 'Afvist' } }));
    const plain = await run('envelope', 'unwrap', file);
    assert.equal(plain.code, 0);
    assert.match(
      plain.stdout,
      new RegExp(`^NegativeMessage receipt for envelope ${original.envelopeId}\n  error 4: Afvist\n$`),
    );
    const json = JSON.parse((await run('envelope', 'unwrap', '--json', file)).stdout) as {
      kind: string;
      receipt: { type: string; errors: unknown[]; originalMessage: { name: string } };
    };
    assert.equal(json.kind, 'receipt');
    assert.deepEqual(json.receipt.errors, [{ code: '4', description: 'Afvist' }]);
    assert.equal(json.receipt.originalMessage.name, 'MCM:FDIS91#examination-results');
  });

  it('exits 1 with the element path for a malformed envelope, and 2 for usage errors', async () => {
    assert.ok(care);
    const file = join(dir, 'broken.xml');
    writeFileSync(
      file,
      readFileSync(await wrapToFile('good.xml', care.json), 'utf8').replace(/<SizeInBytes>\d+/, '<SizeInBytes>1'),
    );
    const broken = await run('envelope', 'unwrap', file);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /VANSEnvelope\/Message\/MetaInformation\/Document\/SizeInBytes: does not match/);
    assert.equal((await run('envelope', 'unwrap')).code, 2);
    assert.equal((await run('envelope', 'unwrap', join(dir, 'missing.xml'))).code, 2);
  });
});
