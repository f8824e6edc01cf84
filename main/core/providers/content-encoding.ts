// Upstreams may compress their answers; we always hand the client a decoded body (DESIGN: never copy
// content-encoding onto a re-framed body), so decode here.
import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

type Decoder = () => NodeJS.ReadWriteStream;

const DECODERS: Record<string, Decoder | undefined> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
  br: () => createBrotliDecompress(),
};

export function decodeBody(body: AsyncIterable<Buffer>, encoding: string | undefined): AsyncIterable<Buffer> {
  const name = encoding?.trim().toLowerCase();
  if (!name || name === 'identity') return body;
  const decoder = DECODERS[name];
  if (!decoder) throw new Error(`Unsupported content-encoding from upstream: ${name}`);
  const out = decoder();
  // pipeline (not pipe) so a failing source destroys the decoder and the reader sees the error
  pipeline(Readable.from(body), out, () => undefined);
  return out as unknown as AsyncIterable<Buffer>;
}

export async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
