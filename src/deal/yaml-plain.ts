import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import { LIMITS } from "../core/shared/limits.js";

/** Why a parsed YAML document cannot become plain data, and where (an offset in the text). */
export interface YamlPlainProblem {
  readonly code: "deal_syntax" | "input_too_large";
  readonly message: string;
  readonly offset?: number;
}

export type YamlPlainResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: YamlPlainProblem };

class Refused extends Error {
  constructor(readonly problem: YamlPlainProblem) {
    super(problem.message);
  }
}

/**
 * Turns a parsed YAML document (free of syntax errors) into plain data, with its aliases
 * bounded before anything is built (SPEC DEAL-2). An alias repeats the node its anchor
 * names, so a few bytes of aliases can stand for gigabytes of data: a count of aliases
 * alone does not bound that (99 aliases of one large list expand 99 times). So the
 * document's size with every alias written out — its nodes plus its scalars' characters —
 * is computed first, each anchored node's size once, and a document over
 * `LIMITS.yamlExpandedSize` is refused with `input_too_large` naming the limit. An alias
 * with no anchor before it, an alias inside the node it names (a cycle, which no JSON
 * value can hold), more than `LIMITS.yamlAliases` aliases, or nesting deeper than the
 * stack allows, are `deal_syntax` problems at the alias. Nothing here throws.
 */
export function yamlToPlain(doc: Document.Parsed): YamlPlainResult {
  try {
    const targets = resolveAliases(doc);
    if (targets.size > 0) checkExpandedSize(doc, targets);
    return { ok: true, value: doc.toJS({ maxAliasCount: -1 }) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    if (error instanceof RangeError)
      return {
        ok: false,
        problem: { code: "deal_syntax", message: "the document is nested too deeply to be read" },
      };
    throw error;
  }
}

const offsetOf = (node: { range?: readonly number[] | null | undefined }) => node.range?.[0];

/**
 * The node each alias names: the last node with that anchor before it in document order,
 * as YAML 1.2 reads it (section 7.1). Counts the aliases on the way.
 */
function resolveAliases(doc: Document.Parsed): Map<Node, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  const walk = (node: unknown): void => {
    if (node === null || node === undefined) return;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const offset = offsetOf(node);
      if (target === undefined)
        throw new Refused({
          code: "deal_syntax",
          message: `the alias *${node.source} names no anchor &${node.source} written before it`,
          ...(offset === undefined ? {} : { offset }),
        });
      targets.set(node, target);
      if (targets.size > LIMITS.yamlAliases)
        throw new Refused({
          code: "deal_syntax",
          message: `the document uses more than ${LIMITS.yamlAliases} aliases (*name), the limit; write the values out`,
          ...(offset === undefined ? {} : { offset }),
        });
      return;
    }
    if (isPair(node)) {
      walk(node.key);
      walk(node.value);
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as Node);
    if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(doc.contents);
  return targets;
}

/** Refuses a document whose aliases, written out, would exceed the expanded-size limit. */
function checkExpandedSize(doc: Document.Parsed, targets: ReadonlyMap<Node, Node>): void {
  const sizes = new Map<unknown, number>();
  const inProgress = new Set<unknown>();
  const limit = LIMITS.yamlExpandedSize;
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size: number;
    if (isAlias(node)) {
      const target = targets.get(node)!;
      if (inProgress.has(target)) {
        const offset = offsetOf(node);
        throw new Refused({
          code: "deal_syntax",
          message: `the alias *${node.source} stands inside the node it names: a value cannot contain itself`,
          ...(offset === undefined ? {} : { offset }),
        });
      }
      size = sizeOf(target);
    } else {
      inProgress.add(node);
      if (isScalar(node)) size = 1 + String(node.value ?? "").length;
      else if (isPair(node)) size = sizeOf(node.key) + sizeOf(node.value);
      else if (isMap(node) || isSeq(node)) {
        size = 1;
        for (const item of node.items) {
          size += sizeOf(item);
          if (size > limit) break;
        }
      } else size = 1;
      inProgress.delete(node);
    }
    if (size > limit)
      throw new Refused({
        code: "input_too_large",
        message: `the document's aliases (*name) expand it beyond the ${limit} limit on its size written out (nodes and characters, LIMITS.yamlExpandedSize); write the values out or make the document smaller`,
      });
    sizes.set(node, size);
    return size;
  };
  sizeOf(doc.contents);
}
