// SPDX-License-Identifier: MIT
// The few HTTP chores the hub needs: reading a body up to a limit without holding more than the limit, and
// writing a JSON answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactCpr } from '@samspil/sdk';

/** An answer to write: status, JSON body (none for 204) and extra headers. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** An error answer: `{ "error": code, "message": text }`, the text CPR-redacted (it may echo an id). */
export function problem(status: number, error: string, message: string, headers?: Record<string, string>): Reply {
  return { status, body: { error, message: redactCpr(message) }, ...(headers ? { headers } : {}) };
}

/** The body, or `too-large` as soon as it is known to exceed the limit (the rest is never read). */
export type BodyResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false };

/** Reads a request body, counting as it streams: a body over `limit` bytes is refused without being buffered. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ ok: true, bytes: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onClose = (): void => {
      if (!req.complete) onError(new Error('The client went away before sending the whole body'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * Writes a reply as JSON. `close` asks the client to close the connection: when the hub is shutting down, or
 * when part of the request body was never read.
 */
export function writeReply(res: ServerResponse, reply: Reply, close: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const body = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { 'cache-control': 'no-store', ...reply.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = Buffer.byteLength(body);
  }
  if (close) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(body);
}
