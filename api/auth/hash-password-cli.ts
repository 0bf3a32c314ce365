// `npm run hash-password`: reads a password from standard input (typed without echo on a
// terminal, or piped) and prints its passwordHash for the configuration. Never an argument: those
// end up in shell histories and process lists.
import { hashPassword } from './passwords.js';

async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write('Password (not shown): ');
    input.setRawMode(true);
  }
  return new Promise((resolve) => {
    let value = '';
    if (!input.isTTY) {
      input.on('data', (chunk: Buffer) => (value += chunk.toString('utf8')));
      input.on('end', () => resolve(value.split(/\r?\n/)[0] ?? ''));
      return;
    }
    input.on('data', (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          input.setRawMode(false);
          input.pause();
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    });
  });
}

const password = await readPassword();
if (password.length === 0 || password.length > 256) {
  console.error('A password is 1 to 256 characters.');
  process.exit(1);
}
console.log(await hashPassword(password));
