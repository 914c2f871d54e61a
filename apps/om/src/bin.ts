#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules loaded after this call in an on-disk cache
// (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such function.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { nodeIo } = await import('./io.js');
const { main } = await import('./main.js');

process.exitCode = await main(process.argv.slice(2), nodeIo());
