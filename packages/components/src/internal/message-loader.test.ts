// SPDX-License-Identifier: MIT
import { expect } from '@open-wc/testing';
import { exampleMessages } from '@samspil/sdk/examples';
import { serializeFhirXml } from '@samspil/sdk';
import { MessageLoadError, readMessage } from './message-loader.js';

const bundle = exampleMessages()[0]!.bundle;

describe('readMessage', () => {
  it('takes a Bundle as it is, and FHIR JSON as text or UTF-8 bytes', async () => {
    expect(await readMessage(bundle)).to.equal(bundle);
    const json = JSON.stringify(bundle);
    expect(await readMessage(json)).to.deep.equal(bundle);
    expect(await readMessage(new TextEncoder().encode(`\uFEFF${json}`))).to.deep.equal(bundle);
  });

  it('refuses what is neither JSON nor XML, and broken JSON, with a MessageLoadError', async () => {
    for (const text of ['hello', '{"resourceType":']) {
      let error: unknown;
      try {
        await readMessage(text);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(MessageLoadError);
    }
  });

  it('reads FHIR XML only once the fhir-xml entry is imported, and says how to enable it before', async () => {
    const xml = serializeFhirXml(bundle as unknown as Record<string, unknown>);
    let error: unknown;
    try {
      await readMessage(xml);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(MessageLoadError);
    expect((error as Error).message).to.contain('@samspil/components/fhir-xml.js');
    await import('../fhir-xml/define.js');
    expect(await readMessage(xml)).to.deep.equal(bundle);
  });
});
