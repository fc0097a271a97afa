// Writes schema/deal.schema.json from the deal format's zod definitions.
// CI runs the test that compares the committed file with a fresh generation.
import { mkdirSync, writeFileSync } from "node:fs";
import { dealJsonSchemaText } from "../src/deal/json-schema.js";

mkdirSync("schema", { recursive: true });
writeFileSync("schema/deal.schema.json", dealJsonSchemaText());
console.log("wrote schema/deal.schema.json");
