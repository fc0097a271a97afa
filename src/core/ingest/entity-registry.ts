/**
 * The companies and people of one ingestion (ING-ENT). Names are compared folded (case,
 * accents and punctuation ignored). A name links to a known stakeholder through its name
 * or aliases; a short form links to a longer name when the words it drops are company
 * designators ("Meridian" → "Meridian Capital", "Cirrus" → "Cirrus Cloud"), in either
 * order of appearance; "Amazon" and "Amazon Web Services" stay apart ("Web" is no
 * designator) and the second records the first as its parent.
 */
import { LIMITS } from "../shared/limits.js";
import { DESIGNATOR_WORDS, NAME_COMPLETION_WORDS, SHORTENED_TAIL_WORDS } from "./names.js";
import { foldName } from "./text-fold.js";
import type { IngestEntity, KnownStakeholder } from "./types.js";

export type EntityType = "organisation" | "person";

interface EntityRecord {
  readonly key: string;
  name: string;
  tokens: string[];
  type: EntityType;
  readonly known: boolean;
  readonly stakeholderId: string | undefined;
  readonly aliases: Set<string>;
  mentionCount: number;
  readonly mentions: { start: number; end: number }[];
  mergedInto: string | undefined;
  /** The entity whose name this one's starts with ("Amazon" for "Amazon Web Services"). */
  parent: string | undefined;
}

function tokensOf(folded: string): string[] {
  return folded.length === 0 ? [] : folded.split(" ");
}

function slug(name: string): string {
  const s = foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.length > 0 ? s : "entity";
}

export class EntityRegistry {
  private readonly records = new Map<string, EntityRecord>();
  private readonly byFolded = new Map<string, string>();
  private readonly byFirstToken = new Map<string, string[]>();
  /** ING-ENT-9: the last word of each person's full name ("Carlsson" for "Kjell Carlsson"). */
  private readonly bySurname = new Map<string, string>();
  /** ING-ENT-12: how often each written form (folded) was resolved, at most LIMITS.ingestEntities forms. */
  private readonly formCounts = new Map<string, number>();
  private nextKey = 1;
  /** True once LIMITS.ingestEntities is reached; later new names are not recorded. */
  truncated = false;

  constructor(known: readonly KnownStakeholder[]) {
    for (const stakeholder of known) {
      const record = this.create(stakeholder.name, "organisation", true, stakeholder.id);
      for (const alias of stakeholder.aliases ?? []) this.addAlias(record.key, alias);
    }
  }

  private create(name: string, type: EntityType, known: boolean, stakeholderId?: string): EntityRecord {
    const key = `e${this.nextKey++}`;
    const folded = foldName(name);
    const record: EntityRecord = {
      key,
      name,
      tokens: tokensOf(folded),
      type,
      known,
      stakeholderId,
      aliases: new Set(),
      mentionCount: 0,
      mentions: [],
      mergedInto: undefined,
      parent: undefined,
    };
    this.records.set(key, record);
    this.index(folded, key);
    return record;
  }

  private index(folded: string, key: string): void {
    if (folded.length === 0 || this.byFolded.has(folded)) return;
    this.byFolded.set(folded, key);
    const first = tokensOf(folded)[0]!;
    const list = this.byFirstToken.get(first);
    if (list) list.push(key);
    else this.byFirstToken.set(first, [key]);
  }

  /** The key an entity was merged into, or the key itself. */
  canonical(key: string): string {
    let k = key;
    for (let guard = 0; guard < 64; guard++) {
      const next = this.records.get(k)?.mergedInto;
      if (next === undefined) return k;
      k = next;
    }
    return k;
  }

  private record(key: string): EntityRecord {
    return this.records.get(this.canonical(key))!;
  }

  name(key: string): string {
    return this.record(key).name;
  }

  type(key: string): EntityType {
    return this.record(key).type;
  }

  /** Records that `key` belongs to `parent` ("AWS, filiale d'Amazon"). */
  setParent(key: string, parent: string): void {
    const record = this.record(key);
    if (this.canonical(parent) !== record.key) record.parent = this.canonical(parent);
  }

  parent(key: string): string | undefined {
    const p = this.record(key).parent;
    return p === undefined ? undefined : this.canonical(p);
  }

  /** True when the folded name was seen before (known, or named earlier in the text). */
  has(folded: string): boolean {
    return this.byFolded.has(folded);
  }

  addAlias(key: string, alias: string): void {
    const record = this.record(key);
    const folded = foldName(alias);
    if (folded === foldName(record.name)) return;
    record.aliases.add(alias);
    this.index(folded, record.key);
  }

  noteMention(key: string, start: number, end: number, type: EntityType): void {
    const record = this.record(key);
    record.mentionCount++;
    if (record.mentions.length < LIMITS.ingestMentionsPerEntity) record.mentions.push({ start, end });
    if (type === "person" && !record.known) {
      record.type = "person";
      if (record.tokens.length >= 2) this.bySurname.set(record.tokens[record.tokens.length - 1]!, record.key);
    }
  }

  /** ING-ENT-9: the person a lone surname stands for ("Carlsson" after "Kjell Carlsson"), if one. */
  personBySurname(folded: string): string | undefined {
    const key = this.bySurname.get(folded);
    return key === undefined ? undefined : this.canonical(key);
  }

  /**
   * The entity a name written in the text stands for, creating it when new. Returns
   * undefined only when the entity limit is reached.
   */
  resolve(surface: string, type: EntityType, foldedSurface?: string): string | undefined {
    const folded = foldedSurface ?? foldName(surface);
    const count = this.formCounts.get(folded);
    if (count !== undefined || this.formCounts.size < LIMITS.ingestEntities)
      this.formCounts.set(folded, (count ?? 0) + 1);
    const exact = this.byFolded.get(folded);
    if (exact !== undefined) return this.canonical(exact);
    const tokens = tokensOf(folded);
    const first = tokens[0];
    if (first === undefined) return undefined;
    const candidates = (this.byFirstToken.get(first) ?? []).map((k) => this.record(k));
    // A short form of a longer name already seen ("Meridian" after "Meridian Capital").
    const longer = candidates.filter(
      (r) =>
        r.tokens.length > tokens.length &&
        tokens.every((t, i) => r.tokens[i] === t) &&
        r.tokens.slice(tokens.length).every((t) => DESIGNATOR_WORDS.has(t)),
    );
    const uniqueLonger = new Set(longer.map((r) => r.key));
    if (uniqueLonger.size === 1) {
      const target = longer[0]!;
      this.addAlias(target.key, surface);
      return target.key;
    }
    // The longest name already seen that this one extends.
    let prefix: EntityRecord | undefined;
    for (const r of candidates) {
      if (r.tokens.length >= tokens.length || !r.tokens.every((t, i) => tokens[i] === t)) continue;
      if (!prefix || r.tokens.length > prefix.tokens.length) prefix = r;
    }
    if (prefix && tokens.slice(prefix.tokens.length).every((t) => NAME_COMPLETION_WORDS.has(t))) {
      // A long form of a short name seen first ("Meridian Capital" after "Meridian").
      if (!prefix.known) {
        prefix.aliases.add(prefix.name);
        prefix.name = surface;
        prefix.tokens = tokens;
      } else {
        prefix.aliases.add(surface);
      }
      this.index(folded, prefix.key);
      return prefix.key;
    }
    if (this.records.size >= LIMITS.ingestEntities) {
      this.truncated = true;
      return undefined;
    }
    // ING-ENT-17: "GM" after "General Motors": an acronym made of the initials of one name seen.
    if (/^\p{Lu}{2,4}$/u.test(surface)) {
      const initials = [...this.records.values()].filter(
        (r) =>
          r.type === "organisation" &&
          r.tokens.length === surface.length &&
          r.tokens.every((t, i) => t[0] === folded[i]),
      );
      if (initials.length === 1) {
        this.addAlias(initials[0]!.key, surface);
        return initials[0]!.key;
      }
    }
    const created = this.create(surface, type, false);
    // The parent: the longest shorter name or alias this one starts with ("Amazon" in "Amazon Web Services").
    for (let n = tokens.length - 1; n >= 1; n--) {
      const owner = this.byFolded.get(tokens.slice(0, n).join(" "));
      if (owner !== undefined) {
        created.parent = this.canonical(owner);
        break;
      }
    }
    return created.key;
  }

  /**
   * ING-ENT-12: the company raising money is displayed in the short form the text uses at
   * least as often as its long one, when the long one only adds a life-science sector noun
   * ("Walking Fish" for "Walking Fish Therapeutics … Walking Fish", "Akero" for "Akero
   * Therapeutics"), as that press names such companies. Other designators are part of the
   * name as written ("Corvid Materials", "Mistral AI"). Known stakeholders keep their name.
   */
  preferShortForm(key: string): void {
    const record = this.record(key);
    if (record.known) return;
    const forms = [record.name, ...record.aliases].map((name) => {
      const folded = foldName(name);
      return { name, tokens: tokensOf(folded), uses: this.formCounts.get(folded) ?? 0 };
    });
    const current = forms[0]!;
    let best = current;
    for (const f of forms) {
      if (f.tokens.length === 0 || f.tokens.length >= best.tokens.length || f.uses < current.uses) continue;
      if (!f.tokens.every((t, i) => current.tokens[i] === t)) continue;
      if (!current.tokens.slice(f.tokens.length).every((t) => SHORTENED_TAIL_WORDS.has(t))) continue;
      best = f;
    }
    if (best === current) return;
    record.aliases.add(record.name);
    record.aliases.delete(best.name);
    record.name = best.name;
  }

  /** The entities that were mentioned, known ones with their ids, others with proposed ids. */
  entities(claimed: ReadonlySet<string>): { list: IngestEntity[]; ids: Map<string, string> } {
    const ids = new Map<string, string>();
    const used = new Set<string>();
    const mentioned = [...this.records.values()].filter(
      (r) => r.mergedInto === undefined && r.mentionCount > 0,
    );
    for (const r of this.records.values()) if (r.stakeholderId) used.add(r.stakeholderId);
    for (const r of mentioned) {
      if (r.stakeholderId) {
        ids.set(r.key, r.stakeholderId);
        continue;
      }
      const base = slug(r.name);
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      ids.set(r.key, id);
    }
    const list = mentioned
      .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0))
      .map(
        (r): IngestEntity => ({
          id: ids.get(r.key)!,
          name: r.name,
          type: r.type,
          known: r.known,
          proposed: !r.known && claimed.has(r.key),
          aliases: [...r.aliases].sort(),
          mentionCount: r.mentionCount,
          mentions: r.mentions,
        }),
      );
    return { list, ids };
  }
}
