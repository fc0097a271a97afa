// Runs the CLI from source (no build): `npx tsx scripts/dev-cli.ts model examples/openai-round.yaml`.
import { runProcess } from "../src/cli/main.js";

await runProcess();
