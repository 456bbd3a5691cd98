// downloadDataset against a local HTTP server on 127.0.0.1 (no internet here): verified
// downloads, a connection cut mid-file then resumed with a Range request, a corrupted file,
// a server that ignores Range, and HTTP errors. Hashes are injected for the test's files.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DATASET_MIRRORS, downloadDataset } from '../../src/data/download.js';
import { loadIdxFolderSplits } from '../../src/data/folder.js';
import { encodeIdx } from '../../src/data/idx.js';
import { Rng } from '../../src/tensor/rng.js';

/** The four files of a small MNIST-format dataset, gzipped, with noisy pixels so they do not compress away. */
function makeFiles(): Map<string, Buffer> {
  const rng = new Rng(1);
  const files = new Map<string, Buffer>();
  for (const [split, n] of [['train', 300], ['t10k', 50]] as const) {
    const pixels = Uint8Array.from({ length: n * 28 * 28 }, () => rng.int(256));
    const labels = Uint8Array.from({ length: n }, () => rng.int(10));
    files.set(`${split}-images-idx3-ubyte.gz`, gzipSync(encodeIdx({ dtype: 'uint8', shape: [n, 28, 28], data: pixels })));
    files.set(`${split}-labels-idx1-ubyte.gz`, gzipSync(encodeIdx({ dtype: 'uint8', shape: [n], data: labels })));
  }
  return files;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Behaviour {
  /** Cut the connection after this many bytes, on the next N requests for the file. */
  cut?: { file: string; afterBytes: number; times: number };
  corrupt?: string;
  ignoreRange?: boolean;
  missing?: string;
}

describe('downloadDataset (local server)', () => {
  const files = makeFiles();
  const hashes = Object.fromEntries([...files].map(([name, bytes]) => [name, sha256(bytes)]));
  const requests: { file: string; range: string | undefined }[] = [];
  let behaviour: Behaviour = {};
  let server: Server;
  let baseUrl = '';
  const root = mkdtempSync(join(tmpdir(), 'nabla-download-'));

  before(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const file = decodeURIComponent((req.url ?? '').replace(/^\/data\//, ''));
      requests.push({ file, range: req.headers.range });
      let body = files.get(file);
      if (!body || behaviour.missing === file) {
        res.writeHead(404).end('not found');
        return;
      }
      if (behaviour.corrupt === file) {
        body = Buffer.from(body);
        body[body.length >> 1] ^= 0xff;
      }
      let start = 0;
      const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (range && !behaviour.ignoreRange) {
        start = Number(range[1]);
        if (start >= body.length) {
          res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
          return;
        }
        res.writeHead(206, { 'Content-Length': body.length - start, 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` });
      } else {
        res.writeHead(200, { 'Content-Length': body.length });
      }
      const cut = behaviour.cut;
      if (cut && cut.file === file && cut.times > 0) {
        cut.times--;
        res.write(body.subarray(start, start + cut.afterBytes), () => res.destroy()); // connection dropped mid-file
        return;
      }
      res.end(body.subarray(start));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`;
  });

  after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  function fresh(name: string): string {
    behaviour = {};
    requests.length = 0;
    return join(root, name);
  }

  it('knows the public mirrors and a SHA-256 for each of the four files', () => {
    for (const mirror of Object.values(DATASET_MIRRORS)) {
      assert.match(mirror.baseUrl, /^https:\/\//);
      assert.equal(Object.keys(mirror.sha256).length, 4);
      for (const h of Object.values(mirror.sha256)) assert.match(h, /^[0-9a-f]{64}$/);
    }
  });

  it('refuses a body larger than maxBytes at once and leaves no .part behind', async () => {
    const dir = fresh('too-large');
    const first = [...files.keys()][0];
    const size = files.get(first)!.length;
    await assert.rejects(
      downloadDataset('mnist', dir, { baseUrl, sha256: hashes, maxBytes: size - 1 }),
      new RegExp(`${first}: the server sends more than ${size - 1} bytes \\(${size}, as its Content-Length says\\).*the partial download was deleted`),
    );
    assert.ok(!existsSync(join(dir, `${first}.part`)), 'no .part left');
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes, maxBytes: Math.max(...[...files.values()].map((b) => b.length)) });
  });

  it('downloads, verifies and renames all four files; a second run only verifies', async () => {
    const dir = fresh('plain');
    const outcomes: string[] = [];
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes, onFile: (f, o) => outcomes.push(`${f}:${o}`) });
    assert.deepEqual(readdirSync(dir).sort(), [...files.keys()].sort(), 'no .part files left');
    for (const [name, bytes] of files) assert.ok(readFileSync(join(dir, name)).equals(bytes), name);
    assert.ok(outcomes.every((o) => o.endsWith(':downloaded')));
    const [train, test] = await loadIdxFolderSplits(dir);
    assert.equal(train.length, 300);
    assert.equal(test.length, 50);
    requests.length = 0;
    outcomes.length = 0;
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes, onFile: (f, o) => outcomes.push(o) });
    assert.equal(requests.length, 0, 'nothing fetched again');
    assert.deepEqual(outcomes, ['verified', 'verified', 'verified', 'verified']);
  });

  it('a connection cut mid-file leaves a .part; the next run resumes it with a Range request', async () => {
    const dir = fresh('cut');
    const file = 'train-images-idx3-ubyte.gz';
    behaviour.cut = { file, afterBytes: 100_000, times: 1 };
    await assert.rejects(downloadDataset('mnist', dir, { baseUrl, sha256: hashes, retries: 0 }), /download interrupted after 100000 bytes.*run again to resume/);
    assert.equal(statSync(join(dir, `${file}.part`)).size, 100_000);
    assert.ok(!existsSync(join(dir, file)));
    requests.length = 0;
    const outcomes: string[] = [];
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes, retries: 0, onFile: (f, o) => outcomes.push(`${f}:${o}`) });
    assert.deepEqual(requests.find((r) => r.file === file), { file, range: 'bytes=100000-' });
    assert.ok(outcomes.includes(`${file}:resumed`));
    assert.ok(readFileSync(join(dir, file)).equals(files.get(file)!));
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), []);
  });

  it('within one call, interrupted transfers are retried from where they stopped', async () => {
    const dir = fresh('retry');
    const file = 'train-images-idx3-ubyte.gz';
    behaviour.cut = { file, afterBytes: 50_000, times: 2 };
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes });
    assert.deepEqual(requests.filter((r) => r.file === file).map((r) => r.range), [undefined, 'bytes=50000-', 'bytes=100000-']);
    assert.ok(readFileSync(join(dir, file)).equals(files.get(file)!));
  });

  it('a corrupted file is a clear SHA-256 error and is not kept', async () => {
    const dir = fresh('corrupt');
    behaviour.corrupt = 't10k-labels-idx1-ubyte.gz';
    await assert.rejects(
      downloadDataset('mnist', dir, { baseUrl, sha256: hashes }),
      new RegExp(`t10k-labels-idx1-ubyte.gz: SHA-256 mismatch: expected ${hashes['t10k-labels-idx1-ubyte.gz']}, got [0-9a-f]{64}; the corrupt download was deleted`),
    );
    assert.ok(!existsSync(join(dir, 't10k-labels-idx1-ubyte.gz')));
    assert.ok(!existsSync(join(dir, 't10k-labels-idx1-ubyte.gz.part')));
  });

  it('a server that ignores Range sends the whole file, which replaces the partial one', async () => {
    const dir = fresh('norange');
    const file = 'train-images-idx3-ubyte.gz';
    behaviour.cut = { file, afterBytes: 70_000, times: 1 };
    await assert.rejects(downloadDataset('mnist', dir, { baseUrl, sha256: hashes, retries: 0 }), /interrupted/);
    behaviour = { ignoreRange: true };
    await downloadDataset('mnist', dir, { baseUrl, sha256: hashes });
    assert.ok(readFileSync(join(dir, file)).equals(files.get(file)!));
  });

  it('HTTP errors name the URL and status; unknown datasets are refused', async () => {
    const dir = fresh('missing');
    behaviour.missing = 'train-labels-idx1-ubyte.gz';
    await assert.rejects(downloadDataset('mnist', dir, { baseUrl, sha256: hashes }), /\/data\/train-labels-idx1-ubyte.gz: HTTP 404/);
    await assert.rejects(downloadDataset('cifar' as never, dir), /unknown dataset 'cifar' \(known: mnist, fashion-mnist\)/);
  });
});
