// SPDX-License-Identifier: MIT
// The demo server's own routes, as dev-server (Koa) middleware: the hub's API proxied under the pages' origin, and
// folders served byte for byte (Storybook's build, MedCom's example letters). They answer before the dev server's
// plugins see the request, so nothing is transformed or re-encoded (the letters may be windows-1252).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { DevServerConfig } from '@web/dev-server';

/** A dev-server middleware. */
export type Middleware = NonNullable<DevServerConfig['middleware']>[number];
/** The request context a middleware gets. */
export type Context = Parameters<Middleware>[0];

/** The request headers passed on to the hub, and the response headers passed back. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept'];
const RESPONSE_HEADERS = ['content-type', 'www-authenticate', 'allow', 'retry-after'];
/** The hub takes envelopes up to 100 MB; a little more gets through so the hub itself answers 413. */
const MAX_PROXY_BODY = 101 * 1024 * 1024;

/** Reads a request body up to `limit` bytes; rejects with `too-large` beyond it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Answers with a JSON body. */
export function json(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.set('cache-control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

interface HubAnswer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/** One request to the hub; rejects when the hub drops the connection (an injected fault does that). */
function forward(target: URL, method: string, headers: Record<string, string>, body: Buffer): Promise<HubAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(target, { method, headers: { ...headers, 'content-length': String(body.length) } });
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Proxies `<prefix>/…` to the hub at `hubUrl` (the prefix stripped), so the pages talk to the hub on their own
 * origin: no CORS, and the hub stays on its own loopback port. A connection the hub drops becomes `502`, which the
 * SDK's transport retries like the dropped connection it stands for.
 */
export function hubProxy(prefix: string, hubUrl: string): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)) return next();
    const target = new URL(`${ctx.path.slice(prefix.length) || '/'}${ctx.search}`, hubUrl);
    const headers: Record<string, string> = {};
    for (const name of REQUEST_HEADERS) {
      const value = ctx.get(name);
      if (value) headers[name] = value;
    }
    let answer: HubAnswer;
    try {
      const body = ['GET', 'HEAD', 'DELETE'].includes(ctx.method)
        ? Buffer.alloc(0)
        : await readBody(ctx.req, MAX_PROXY_BODY);
      answer = await forward(target, ctx.method, headers, body);
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === 'too-large';
      json(ctx, tooLarge ? 413 : 502, {
        error: tooLarge ? 'too-large' : 'bad-gateway',
        message: tooLarge ? 'The envelope is over 100 MB' : 'The hub closed the connection without an answer',
      });
      return;
    }
    ctx.status = answer.status;
    ctx.set('cache-control', 'no-store');
    for (const name of RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') ctx.set(name, value);
    }
    // A 204 has no body; Koa would otherwise turn an empty body into its own status.
    if (answer.status !== 204 && answer.status !== 304) ctx.body = answer.body;
  };
}

/**
 * Serves the files under `dir` at `<prefix>/…`, read-only and byte for byte; a folder serves its `index.html`.
 * `missing` answers a request when the folder itself does not exist (e.g. Storybook not built); `types` overrides
 * the content type by file extension (e.g. Markdown as plain text, so browsers show it).
 */
export function serveFolder(
  prefix: string,
  dir: string,
  missing: string,
  types: Readonly<Record<string, string>> = {},
): Middleware {
  const root = normalize(dir);
  return async (ctx, next) => {
    if (ctx.path === prefix) {
      ctx.redirect(`${prefix}/`);
      return;
    }
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('allow', 'GET, HEAD');
      return;
    }
    if (!existsSync(root)) {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = missing;
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path.slice(prefix.length + 1));
    } catch {
      ctx.status = 400;
      return;
    }
    let file = normalize(join(root, relative));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) {
      ctx.status = 404;
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      ctx.status = 404;
      ctx.type = 'text/plain';
      ctx.body = 'Not found';
      return;
    }
    ctx.status = 200;
    ctx.type = types[extname(file)] ?? (extname(file) || 'application/octet-stream');
    ctx.set('cache-control', 'no-cache');
    ctx.length = statSync(file).size;
    // Koa answers HEAD without a body by itself; a stream opened for it would only leak.
    if (ctx.method === 'GET') ctx.body = createReadStream(file);
  };
}
