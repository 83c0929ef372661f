// Runs a definition on aws-local-stepfunctions (the peer we compare with)
// and prints a digest of the output, so both engines do the same work.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const [defFile, inputFile] = process.argv.slice(2);
const sm = new StateMachine(JSON.parse(readFileSync(defFile, 'utf8')));
const out = await sm.run(JSON.parse(readFileSync(inputFile, 'utf8'))).result;
const text = JSON.stringify(out);
console.log(`peer output: ${text.length} bytes`);
