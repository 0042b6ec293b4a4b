/**
 * Runs one mixed load in a process of its own (see run-in-child.ts): options
 * as JSON on stdin, the result as JSON on stdout.
 */
import { runMixedLoad, type MixedLoadOptions } from "./mixed-load";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const result = await runMixedLoad(JSON.parse(input) as MixedLoadOptions);
process.stdout.write(JSON.stringify(result), () => process.exit(0));
