import path from "node:path";
import { appendToDealText } from "../deal/edit.js";
import { type LoadResult, loadDeal } from "../deal/load.js";
import type { LoadedDeal } from "./deal-file.js";
import { CommandFailure } from "./failure.js";
import type { CliIo } from "./io.js";

/**
 * Appends entries to a deal file's lists (DEAL-6's editing: every other byte unchanged) and
 * checks that the edited deal loads. A problem
 * with the new entries is reported without line and column, which would be those of text
 * that is not in the file. Returns the edited deal, loaded, and `save`, which writes it
 * atomically: a caller checks what it must (that a round prices) before saving.
 */
export function appendToDealFile(
  io: CliIo,
  loaded: LoadedDeal,
  additions: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  what: string,
): { readonly edited: Extract<LoadResult, { ok: true }>; readonly save: () => void } {
  const file = loaded.file;
  const edited = appendToDealText(loaded.text, additions);
  if (!edited.ok) throw CommandFailure.of("deal_syntax", `cannot edit the deal file: ${edited.error}`, file);
  const check = loadDeal(edited.text, file);
  if (!check.ok) {
    throw new CommandFailure(
      check.diagnostics.map(({ line: _line, column: _column, ...d }) => ({
        ...d,
        message: `${what}: ${d.message}`,
      })),
      1,
    );
  }
  const save = () => {
    try {
      io.writeFileAtomic(path.resolve(io.cwd, file), edited.text);
    } catch (error) {
      throw CommandFailure.of(
        "file_unwritable",
        `cannot write the deal file: ${(error as Error).message}`,
        file,
      );
    }
  };
  return { edited: check, save };
}
