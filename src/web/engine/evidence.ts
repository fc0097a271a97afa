/** A piece of a text: `text.slice(start, end)`, offsets in UTF-16 code units. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Where a claim's evidence is in its source's text (SPEC DEAL-7): at its stated offsets
 * when the text there is the evidence, else its first occurrence; undefined when the text
 * does not hold it.
 */
export function findEvidence(
  text: string,
  evidence: { readonly text: string; readonly start?: number | undefined; readonly end?: number | undefined },
): TextSpan | undefined {
  if (evidence.text.length === 0) return undefined;
  const { start, end } = evidence;
  if (start !== undefined && end !== undefined && text.slice(start, end) === evidence.text)
    return { start, end };
  const at = text.indexOf(evidence.text);
  return at < 0 ? undefined : { start: at, end: at + evidence.text.length };
}
