// Writes docs/errors.md from the error catalogue.
import { writeFileSync } from "node:fs";
import { errorsMarkdown } from "../src/core/shared/errors-doc.js";

writeFileSync("docs/errors.md", errorsMarkdown());
console.log("wrote docs/errors.md");
