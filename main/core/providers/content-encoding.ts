// Upstreams may compress their answers; we always hand the client a decoded body (DESIGN: never copy
// content-encoding onto a re-framed body), so decode here. An encoding we do not know, or a body that
// does not decode, is UPSTREAM_BAD_ENCODING (rendered in the caller's dialect like any upstream error),
// and the upstream body is released so its connection does not stay open.
import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { GatewayError } from '../../../shared/errors';

type Decoder = () => NodeJS.ReadWriteStream;

const DECODERS: Record<string, Decoder | undefined> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};

export const SUPPORTED_ENCODINGS = Object.keys(DECODERS);

export function decodeBody(body: AsyncIterable<Buffer>, encoding: string | undefined): AsyncIterable<Buffer> {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return body;
  const decoder = DECODERS[name];
  if (!decoder) {
    release(body);
    throw new GatewayError(
      'UPSTREAM_BAD_ENCODING',
      `Upstream answered with content-encoding "${name.slice(0, 40)}", which Switchboard cannot decode (it decodes ${SUPPORTED_ENCODINGS.join(', ')})`,
    );
  }
  const out = decoder();
  // pipeline (not pipe) so a failing source destroys the decoder and the reader sees the error
  pipeline(Readable.from(body), out, () => undefined);
  return decodeErrors(out as unknown as AsyncIterable<Buffer>, name);
}

async function* decodeErrors(decoded: AsyncIterable<Buffer>, name: string): AsyncIterable<Buffer> {
  try {
    yield* decoded;
  } catch (error) {
    // zlib's errors (Z_DATA_ERROR…) are the upstream's fault, not ours: name the encoding, not a stack
    if (!isZlibError(error)) throw error;
    throw new GatewayError('UPSTREAM_BAD_ENCODING', `Upstream sent a ${name} body that could not be decoded (${(error as NodeJS.ErrnoException).code})`, { cause: error });
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1');
}

/** Ends an upstream body nobody will read, so its socket is released rather than left waiting. */
function release(body: AsyncIterable<Buffer>): void {
  const destroy = (body as { destroy?: () => void }).destroy;
  if (typeof destroy === 'function') destroy.call(body);
  else void body[Symbol.asyncIterator]().return?.();
}

/** The whole body as one Buffer (the body's own `bytes()` when it has one: an upstream answer read as is). */
export async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const whole = (body as { bytes?: () => Promise<Uint8Array> }).bytes;
  if (typeof whole === 'function') {
    // undici's consumer resolves a plain Uint8Array: viewed as a Buffer (no copy) so toString('utf8') works
    const bytes = await whole.call(body);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
