/**
 * Folding for matching (ING-SENT-2): lower case, accents removed, typographic quotes,
 * apostrophes, dashes and spaces made plain. The folded text has exactly the length of
 * the input, so an offset found in it is an offset in the input: rules match on the
 * folded text and evidence is cut from the original.
 */

const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = ch;
  switch (ch) {
    case "\u2019":
    case "\u2018":
    case "\u02bc":
    case "\u00b4":
    case "\u2032":
      out = "'";
      break;
    case "\u201c":
    case "\u201d":
    case "\u00ab":
    case "\u00bb":
    case "\u201e":
      out = '"';
      break;
    case "\u2013":
    case "\u2014":
    case "\u2212":
    case "\u2010":
    case "\u2011":
      out = "-";
      break;
    case "\u00a0":
    case "\u202f":
    case "\u2009":
    case "\u2007":
    case "\u200a":
      out = " ";
      break;
    default: {
      // A precomposed letter decomposes into an ASCII base and combining marks: keep the base.
      const decomposed = ch.normalize("NFD");
      const base = decomposed[0];
      if (decomposed.length > 1 && base !== undefined && base.charCodeAt(0) < 0x80) {
        const rest = decomposed.slice(1);
        if (/^[\u0300-\u036f]+$/.test(rest)) out = base.toLowerCase();
      }
    }
  }
  // One UTF-16 code unit in, one out: anything else is kept as it is.
  if (out.length !== ch.length) out = ch;
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

/** Folds `text` for matching; the result has the same length as `text`. */
export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const l = ch.toLowerCase();
      out += l.length === 1 ? l : ch;
    }
    lower = out;
  }
  // Only non-ASCII code units need work; each is replaced by exactly one code unit.
  return lower.replace(/[\u0080-\uffff]/g, foldChar);
}

/** Folds a name for comparison: folded, "'s" removed, punctuation and spaces squeezed. */
export function foldName(name: string): string {
  return squeezeFoldedName(foldText(name.trim()));
}

/** `foldName` for text already folded (a slice of a folded sentence). */
export function squeezeFoldedName(folded: string): string {
  const s = folded.replace(/'s$/, "");
  if (!/[.,;:!?()"]|\s\s|^\s|\s$/.test(s)) return s;
  return s
    .replace(/[.,;:!?()"]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
