/**
 * Checks on the input before any reading (ING-IN): text, not binary; valid UTF-8; not
 * empty; within the size limit. Each failure is a typed Problem with a clear message.
 */
import { LIMITS } from "../shared/limits.js";
import { type Problem, problem } from "../shared/problem.js";

const MIB = 1024 * 1024;

function formatMiB(bytes: number): string {
  return `${(bytes / MIB).toFixed(1)} MiB`;
}

export function tooLargeProblem(bytes: number, atLeast: boolean): Problem {
  return problem(
    "input_too_large",
    `the text is ${atLeast ? "more than " : ""}${formatMiB(bytes)}; ingestion reads at most ${formatMiB(
      LIMITS.ingestTextBytes,
    )} (LIMITS.ingestTextBytes): split the input into smaller files`,
  );
}

export function emptyInputProblem(): Problem {
  return problem(
    "ingest_empty_input",
    "the text to ingest is empty: give a news report in French or English",
  );
}

/**
 * The UTF-8 length of `text`, counting at most up to `limit + 1` so that a huge string
 * is not walked to its end only to be refused.
 */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return bytes;
  }
  return bytes;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks the characters of a piece of text: a NUL character means a binary file; an
 * unpaired surrogate cannot be UTF-8. `base` is the piece's offset in the whole text.
 */
export function checkCharacters(text: string, base = 0): Problem | undefined {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    return problem(
      "ingest_binary_input",
      `the input holds a NUL character at offset ${base + nul}: it looks like a binary file, not text`,
    );
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return problem(
      "ingest_invalid_utf8",
      `the text holds an unpaired surrogate at offset ${base + lone.index}: it cannot be written as UTF-8`,
    );
  }
  return undefined;
}

/**
 * An incremental UTF-8 validator: feed it the bytes in pieces, in order; it reports the
 * first NUL byte or malformed sequence with its byte offset in the whole input. It
 * refuses overlong forms, surrogates and code points above U+10FFFF (RFC 3629).
 */
export class Utf8Validator {
  private offset = 0;
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;

  push(bytes: Uint8Array): Problem | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const at = this.offset + i;
      if (this.needed === 0) {
        if (b < 0x80) {
          if (b === 0) {
            return problem(
              "ingest_binary_input",
              `the input holds a NUL byte at byte ${at}: it looks like a binary file, not text`,
            );
          }
          continue;
        }
        this.sequenceStart = at;
        this.lower = 0x80;
        this.upper = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) this.needed = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
          this.needed = 2;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
          this.needed = 3;
        } else return this.invalid(at);
        continue;
      }
      if (b < this.lower || b > this.upper) return this.invalid(this.sequenceStart);
      this.lower = 0x80;
      this.upper = 0xbf;
      this.needed--;
    }
    this.offset += bytes.length;
    return undefined;
  }

  /** Call after the last bytes: a sequence cut short at the end is malformed. */
  end(): Problem | undefined {
    return this.needed > 0 ? this.invalid(this.sequenceStart) : undefined;
  }

  private invalid(at: number): Problem {
    return problem(
      "ingest_invalid_utf8",
      `the input is not valid UTF-8 (malformed byte sequence at byte ${at}); save the report as UTF-8 text`,
    );
  }
}
