// Type-checks every Block Kit payload CoachLoop sends against the official @slack/types, with tsc.
// The payloads are written by the .NET test EveryBlockKitPayloadTests (run first by scripts/test.sh) into payloads/;
// each becomes `export const payload = <json> satisfies KnownBlock[] | ModalView | HomeView;` in .generated/, and tsc
// must report no error for it. A deliberately wrong payload proves the check can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const payloads = join(here, 'payloads');
const generated = join(here, '.generated');
const types = { message: 'KnownBlock[]', modal: 'ModalView', home: 'HomeView' };

function source(kind, payload) {
  const type = types[kind];
  assert.ok(type, `unknown payload kind ${kind}`);
  return `import type { HomeView, KnownBlock, ModalView } from '@slack/types';\n` +
    `export const payload = ${JSON.stringify(payload, null, 2)} satisfies ${type};\n` +
    `export type Unused = HomeView | KnownBlock | ModalView;\n`;
}

const files = existsSync(payloads) ? readdirSync(payloads).filter((f) => f.endsWith('.json')).sort() : [];
rmSync(generated, { recursive: true, force: true });
mkdirSync(generated);
for (const file of files) {
  const { kind, payload } = JSON.parse(readFileSync(join(payloads, file), 'utf8'));
  writeFileSync(join(generated, file.replace(/\.json$/, '.ts')), source(kind, payload));
}
const control = { type: 'actions', elements: [{ type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'Go' }, style: 'green' }] };
writeFileSync(join(generated, 'control-bad-style.ts'), source('message', [control]));
const header = { type: 'header', text: { type: 'mrkdwn', text: '*bold*' } };
writeFileSync(join(generated, 'control-mrkdwn-header.ts'), source('message', [header]));

const tsc = spawnSync(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(here, 'tsconfig.json')], { encoding: 'utf8' });
const output = `${tsc.stdout}${tsc.stderr}`;
const errorsIn = (name) => output.split('\n').filter((line) => line.includes(name) && line.includes('error TS'));

test('the .NET suite wrote payloads of every surface to check', () => {
  assert.ok(files.length >= 10, `only ${files.length} payload files in ${payloads}; run dotnet test first`);
  for (const kind of Object.keys(types)) {
    assert.ok(files.some((f) => f.endsWith(`-${kind}.json`)), `no ${kind} payload`);
  }
});

test('tsc ran', () => {
  assert.ok(tsc.status !== null && !output.includes('error TS5'), output);
});

for (const file of files) {
  const name = file.replace(/\.json$/, '.ts');
  test(`${file} type-checks against @slack/types`, () => {
    assert.deepEqual(errorsIn(name), []);
  });
}

test('a button style Slack does not know is rejected (the check can fail)', () => {
  assert.notDeepEqual(errorsIn('control-bad-style.ts'), []);
});

test('mrkdwn in a header is rejected (the check can fail)', () => {
  assert.notDeepEqual(errorsIn('control-mrkdwn-header.ts'), []);
});
