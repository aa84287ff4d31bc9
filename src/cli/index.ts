import { main } from './main.js';
import { errorText } from '../core/error-text.js';

// A closed pipe (`ecs-codepipeline check | head`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

function internalError(e: unknown): void {
  // Users never see a stack trace; the message is enough to report the bug.
  process.stderr.write(`ecs-codepipeline: internal error: ${errorText(e)}; please report it with the files you checked\n`);
  process.exitCode = 2;
}

try {
  const code = main(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  });
  if (typeof code === 'number') process.exitCode = code;
  else code.then((c) => void (process.exitCode = c), internalError);
} catch (e) {
  internalError(e);
}
