import { parentPort } from 'node:worker_threads';
import { errorText } from '../../core/error-text.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { CheckSession } from './session.js';

/**
 * The worker thread of parallel-check.ts (bundled on its own as
 * dist/check-worker.js): one session, fed parse and check requests.
 */
let session: CheckSession | undefined;

function handle(m: Exclude<ToWorker, { type: 'init' }>): FromWorker {
  if (!session) throw new Error(`${m.type} before init`);
  if (m.type === 'parse') return { type: 'parsed', files: session.parse(m.files) };
  session.add(m.files);
  return { type: 'checked', projects: session.check(m.projects, new Date(m.now)) };
}

parentPort?.on('message', (m: ToWorker) => {
  if (m.type === 'init') {
    session = new CheckSession(m.tree);
    return;
  }
  let reply: FromWorker;
  try {
    reply = handle(m);
  } catch (e) {
    reply = { type: 'failed', message: errorText(e) };
  }
  parentPort!.postMessage(reply);
});
