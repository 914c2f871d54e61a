#!/usr/bin/env node
// `om` as the repository's root package installs it (pre-commit's `language: node`, see
// docs/pre-commit.md): the workspace packages travel inside that one package, under packages/ and
// apps/, so `@omkit/*` imports are resolved to them (resolve.mjs); everything else comes from the
// root package's dependencies.
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
await import('../../apps/om/dist/bin.js');
