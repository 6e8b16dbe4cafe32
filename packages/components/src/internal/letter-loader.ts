// SPDX-License-Identifier: MIT
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { readOioXmlDocument, type OioIssue, type ReadLetter } from '@samspil/sdk/oioxml';
import { redactCpr } from '@samspil/sdk';

/** What a viewer can be given instead of a model: the letter's text, a parsed Document, or its bytes. */
export type LetterSource = string | Document | Uint8Array;

/** Reads a model from a letter tree: one of the SDK's `readDischargeSummary`, `readRehabPlan`, … */
export type LetterReader<M> = (
  read: ReadLetter,
) => { ok: true; model: M; issues: readonly OioIssue[] } | { ok: false; issues: readonly OioIssue[] };

/** A letter that could not be loaded or read, with the issues that say why. */
export class LetterLoadError extends Error {
  override name = 'LetterLoadError';

  constructor(
    message: string,
    readonly issues: readonly OioIssue[] = [],
  ) {
    super(redactCpr(message));
  }
}

/** The properties a viewer exposes for its input. */
export interface LetterHost<M> extends ReactiveControllerHost, HTMLElement {
  model: M | undefined;
  src: string;
  letter: LetterSource | undefined;
}

/**
 * Loads a viewer's letter: the `model` as given, else the `letter` (text, Document or bytes), else `src`
 * fetched (aborted when it changes), read with the browser's XML parser and the given model reader.
 */
export function letterTask<M>(
  host: LetterHost<M>,
  reader: LetterReader<M>,
  events: { onLoad: (model: M) => void; onError: (error: LetterLoadError) => void },
): Task<[M | undefined, string, LetterSource | undefined], M | undefined> {
  return new Task(host, {
    args: () => [host.model, host.src, host.letter] as [M | undefined, string, LetterSource | undefined],
    task: async ([model, src, letter], { signal }) => {
      if (model) return model;
      let source = letter;
      if (source === undefined && src) {
        let response: Response;
        try {
          response = await fetch(src, { signal });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new LetterLoadError(`The letter could not be fetched: ${(error as Error).message}`);
        }
        if (!response.ok) throw new LetterLoadError(`The letter could not be fetched: HTTP ${response.status}`);
        source = new Uint8Array(await response.arrayBuffer());
      }
      if (source === undefined) return undefined;
      const read = readOioXmlDocument(source);
      if (!read.ok) throw new LetterLoadError(read.issues[0]?.message ?? 'The letter could not be read', read.issues);
      const result = reader(read);
      if (!result.ok)
        throw new LetterLoadError(result.issues[0]?.message ?? 'The letter could not be read', result.issues);
      return result.model;
    },
    onComplete: (model) => {
      if (model) events.onLoad(model);
    },
    onError: (error) => {
      events.onError(
        error instanceof LetterLoadError ? error : new LetterLoadError(String((error as Error)?.message ?? error)),
      );
    },
  });
}
