import { debugChecks } from "../../src/core/shared/debug-checks.js";

// The test suite runs with every debug check on: after each priced round, the full scan of
// the ledger's invariants runs as well as the incremental check (issue 19).
debugChecks.fullInvariants = true;
