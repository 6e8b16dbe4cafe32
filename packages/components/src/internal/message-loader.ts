// SPDX-License-Identifier: MIT
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Bundle } from '@medplum/fhirtypes';
import { redactCpr } from '@samspil/sdk';
import { fhirXmlParser } from './fhir-xml.js';

/** A FHIR message as a viewer can take it: the parsed Bundle, or its FHIR JSON or XML text or bytes. */
export type MessageSource = Bundle | string | Uint8Array;

/** A message that could not be loaded or read. */
export class MessageLoadError extends Error {
  override name = 'MessageLoadError';

  constructor(message: string) {
    super(redactCpr(message));
  }
}

/** The properties a message viewer exposes for its input. */
export interface MessagesHost extends ReactiveControllerHost, HTMLElement {
  /** The messages as given (property only). */
  messages: readonly MessageSource[] | undefined;
  /** URLs of messages to fetch, separated by white space. */
  src: string;
}

/** Parses one message: a Bundle as it is; JSON or XML text (or UTF-8 bytes) into a Bundle. */
export async function readMessage(source: MessageSource): Promise<Bundle> {
  if (typeof source === 'object' && !(source instanceof Uint8Array)) return source;
  const text = (typeof source === 'string' ? source : new TextDecoder().decode(source)).replace(/^\uFEFF/, '');
  const first = /\S/.exec(text)?.[0];
  if (first === '{') {
    try {
      return JSON.parse(text) as Bundle;
    } catch (error) {
      throw new MessageLoadError(`The message is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (first === '<') {
    const parse = fhirXmlParser();
    if (parse === undefined) {
      throw new MessageLoadError(
        "FHIR XML is not enabled: import '@samspil/components/fhir-xml.js' once to read messages in XML",
      );
    }
    const parsed = parse(text);
    if (!parsed.ok) throw new MessageLoadError(parsed.issues[0]?.message ?? 'The message is not valid FHIR XML');
    return parsed.resource as unknown as Bundle;
  }
  throw new MessageLoadError('The message is neither FHIR JSON nor FHIR XML');
}

async function fetchMessage(url: string, signal: AbortSignal): Promise<Bundle> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new MessageLoadError(`The message could not be fetched: ${(error as Error).message}`);
  }
  if (!response.ok) throw new MessageLoadError(`The message could not be fetched: HTTP ${response.status}`);
  return readMessage(new Uint8Array(await response.arrayBuffer()));
}

/**
 * Loads a viewer's messages: `messages` as given (texts parsed), else every URL in `src` fetched (aborted when it
 * changes). Resolves to `undefined` when there is nothing to show.
 */
export function messagesTask(
  host: MessagesHost,
  events: { onLoad: (messages: readonly Bundle[]) => void; onError: (error: MessageLoadError) => void },
): Task<[readonly MessageSource[] | undefined, string], readonly Bundle[] | undefined> {
  return new Task(host, {
    args: () => [host.messages, host.src] as [readonly MessageSource[] | undefined, string],
    task: async ([messages, src], { signal }) => {
      if (messages !== undefined) return Promise.all(messages.map(readMessage));
      const urls = src.split(/\s+/).filter((url) => url !== '');
      if (urls.length === 0) return undefined;
      return Promise.all(urls.map((url) => fetchMessage(url, signal)));
    },
    onComplete: (messages) => {
      if (messages) events.onLoad(messages);
    },
    onError: (error) => {
      events.onError(
        error instanceof MessageLoadError ? error : new MessageLoadError(String((error as Error)?.message ?? error)),
      );
    },
  });
}
