/**
 * Checks that cost more than the work they guard, off by default and on in the test suite
 * (test/support/debug-checks.ts) and wherever a caller turns them on to hunt a bug.
 *
 * `fullInvariants`: after pricing a round, scan the whole cap table for the ledger's
 * invariants (LED-1), as well as the incremental check of what the round changed that
 * always runs. The full scan is linear in the securities; on a 100,000-holder cap table it
 * costs more than pricing the round (issue 19).
 */
export const debugChecks = { fullInvariants: false };
