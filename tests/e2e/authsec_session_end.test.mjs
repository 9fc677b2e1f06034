// Sign-out on AuthSec itself (issue 18): its tokens are stateless 24-hour JWTs with no
// session id and no logout route (authsec-api.md §5), so the console cannot end them; the
// sign-out says so and until when the old token stays valid. scripts/test starts that stack.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { onStack } from './stack.mjs';

const { assertClean, jwtClaims, signInPlain, signOut, withConsole } = await onStack('AUTHSEC');

test('on AuthSec itself: sign-out says the server cannot end the session, and until when it stays valid', { timeout: 180_000 }, async (t) => {
  await withConsole(t, async ({ page, state }) => {
    await signInPlain(page, '/clients');
    const [token] = state.tokens;
    const until = new Date(jwtClaims(token).exp * 1000).toISOString().slice(0, 16).replace('T', ' ');
    await signOut(page);
    const said = page.getByRole('status').filter({ hasText: 'This server cannot end a session early' });
    await said.waitFor();
    assert.match(await said.innerText(), new RegExp(`valid on the server until ${until} UTC`));
    await assertClean(page);
  });
});
