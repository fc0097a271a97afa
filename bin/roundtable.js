#!/usr/bin/env node
// The roundtable command: runs the compiled CLI (npm ci builds it through the prepare script).
import { runProcess } from "../dist/cli/main.js";

await runProcess();
