/**
 * Which deal a claim belongs to, as its sentence says it (ING-DEAL-T, docs/spec/ingest.md): the
 * round named nearest to the figure ("Series C", "seed", "série B") and the date given nearest
 * to it ("in December 2011", "en avril 2023", "in 2018", "last year" when the report's date is
 * known). A claim of an earlier round keeps the round and date it was given; two claims whose
 * deals are named or dated differently are two deals, never a conflict (ING-CONF-4).
 *
 * Works on folded text (lower case, accents removed, same length as the text).
 */

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  janvier: 1,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  decembre: 12,
};

/**
 * A year, with the month before it when there is one ("december 2011", "avril 2023", "2018").
 * The month names are written out: "may" alone is no month unless a year follows it.
 */
const DATE =
  /\b(?:(january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\s+)?((?:19|20)\d\d)(?![\d,.]*\s*(?:%|\$|€|£|millions?|milliards?|billions?|bn|mn|m\b))(?!\d)/g;

/** Dates that say something else than the deal's: a founding, a goal, a period ("founded in 2015", "d'ici 2030"). */
const NOT_DEAL_DATE =
  /\b(?:founded|fondee?s?|creee?s?|created|established|launched|lancee?s?|nee?s?|born|since|depuis|by|d'ici|until|jusqu'en|horizon|through|jusqu'a|a l'horizon)\s+(?:in\s+|en\s+|le\s+|the\s+)?(?:[a-z]+\s+)?$/;

/** "last year", "l'an dernier", "l'annee derniere", "l'an passe", "l'annee passee": the year before the report's. */
const LAST_YEAR = /\b(?:last year|l'an (?:dernier|passe)|l'annee (?:derniere|passee))\b/g;

/** The round names of a sentence (folded), as `roundLabelNear` finds them. */
const ROUND_NAME: Record<string, string> = { seed: "seed", preseed: "pre-seed" };

/** A round label ("c", "seed", "preseed") as people write it: "Series C", "seed", "pre-seed". */
export function roundDisplayName(label: string): string {
  return ROUND_NAME[label] ?? `Series ${label.toUpperCase()}`;
}

/**
 * The date nearest to `anchor` in the folded sentence, within `maxDistance` characters, as
 * "YYYY" or "YYYY-MM"; undefined when the sentence gives none. `sourceYear` (the report's year,
 * when known) reads "last year".
 */
export function dealDateNear(
  folded: string,
  anchor: number,
  sourceYear: number | undefined,
  maxDistance = 120,
): string | undefined {
  const hasDigits = /(?:19|20)\d\d/.test(folded);
  const hasLastYear = sourceYear !== undefined && (folded.includes("last year") || folded.includes("l'an"));
  if (!hasDigits && !hasLastYear) return undefined;
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const consider = (start: number, end: number, value: string) => {
    const d = end <= anchor ? anchor - end : start >= anchor ? start - anchor : 0;
    if (d < bestDistance) {
      bestDistance = d;
      best = value;
    }
  };
  if (hasDigits) {
    for (const m of folded.matchAll(DATE)) {
      if (NOT_DEAL_DATE.test(folded.slice(Math.max(0, m.index - 40), m.index))) continue;
      const year = m[2]!;
      const month = m[1] === undefined ? undefined : MONTHS[m[1]];
      consider(
        m.index,
        m.index + m[0].length,
        month === undefined ? year : `${year}-${String(month).padStart(2, "0")}`,
      );
    }
  }
  if (hasLastYear) {
    for (const m of folded.matchAll(LAST_YEAR))
      consider(m.index, m.index + m[0].length, String(sourceYear! - 1));
  }
  return best;
}
