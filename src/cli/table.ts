export { type Column, renderTable } from "../report/table.js";
export { renderCsv } from "../report/text-formats.js";
