export { type ImportedSpreadsheet, type ImportOptions, importSpreadsheet } from "./import.js";
export type { LayoutName } from "./layouts.js";
export { type Mapping, MappingSchema, parseMapping } from "./mapping.js";
export type { ImportProblem } from "./problems.js";
export { describePlace } from "./sheet.js";
