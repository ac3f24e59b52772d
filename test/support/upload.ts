/**
 * The client's half of a presigned upload (in-process and e2e tests alike): PUT the bytes to
 * `upload.url` with exactly `upload.headers` (the run's s3rver through the real S3 adapter; issue 13
 * item 1). `headers` replaces them to play a client that ignores the signature.
 */
export async function putToTarget(target: { url: string; headers: Record<string, string> }, bytes: Buffer, headers = target.headers) {
  const res = await fetch(target.url, { method: 'PUT', headers, body: bytes });
  return { status: res.status, text: await res.text() };
}

/** The reader's half of a presigned read link (an operator's browser opening `readUrl`): GET it, the bytes back. */
export async function readFromLink(url: string) {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}
