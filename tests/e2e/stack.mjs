// The e2e files that run on a stack of their own (scripts/test's `start_stack NAME`,
// which sets NAME_CONSOLE_URL and NAME_SANDBOX_URL) point helpers.mjs at it with
// `const { … } = await onStack('NAME');` in place of importing helpers.mjs.

export async function onStack(name) {
  for (const to of ['CONSOLE_URL', 'SANDBOX_URL']) {
    const from = `${name}_${to}`;
    if (!process.env[from]) throw new Error(`${from} is not set: run with ./scripts/test --layer e2e`);
    process.env[to] = process.env[from];
  }
  return import('./helpers.mjs');
}
