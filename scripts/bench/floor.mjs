// The raw-read floor: stream the file and count newlines, nothing else.
import { createReadStream } from 'node:fs';

let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
}
process.stdout.write(`${lines} lines\n`);
