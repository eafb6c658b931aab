// Side-by-side of a policy and the policy it carries out: which parent section each child section
// most likely implements, and which parent sections nothing in the child carries out. Pure.
//
// Similarity is TF-IDF weighted character bigrams on simplified text, compared by cosine.
// Bigrams need no dictionary (place names and new terms split badly with word tokenizers) and
// IDF over both documents' sections discounts what every section says (科技, 创新, 推进).
import type { Section, Span } from '@innocounty/policy';
import { t2s } from '../../text/script';

export interface AlignSection {
  id: string;
  path: string;
  heading: string;
  /** Heading and the section's own body (up to the next heading). */
  text: string;
}

export interface AlignmentPair {
  child: string;
  /** Best parent section, or null when nothing in the parent is close enough. */
  parent: string | null;
  score: number;
  /** Runners-up, best first, for a person to pick another. */
  alternatives: Array<{ parent: string; score: number }>;
}

export interface Alignment {
  pairs: AlignmentPair[];
  /** Parent sections (leaves of its outline) that no child section carries out. */
  gaps: string[];
}

/** Below this a "best" match is noise: different documents still share words like 科技创新. */
export const MIN_SCORE = 0.14;
const NEAR_TIE = 0.85;
/** Characters count for less than bigrams: alone they say little about the topic. */
const UNIGRAM_WEIGHT = 0.3;

/** Each section's text: heading plus its own body, up to where the next section begins. */
export function sectionTexts(
  originalText: string,
  sections: ReadonlyArray<Pick<Section, 'path' | 'heading'> & { span?: Span | null }>,
  ids: readonly string[],
): AlignSection[] {
  const starts = sections
    .map((s) => s.span?.[0])
    .filter((x): x is number => typeof x === 'number')
    .sort((a, b) => a - b);
  return sections.map((s, i) => {
    const start = s.span?.[0];
    if (start == null) return { id: ids[i], path: s.path, heading: s.heading, text: s.heading };
    const next = starts.find((x) => x > start) ?? originalText.length;
    return { id: ids[i], path: s.path, heading: s.heading, text: originalText.slice(start, next) };
  });
}

const HAN_OR_DIGIT = /[\p{Script=Han}0-9A-Za-z]+/gu;

/** Character bigrams of the runs of Han characters and digits (punctuation breaks a run). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of t2s(text).match(HAN_OR_DIGIT) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

type Vec = Map<string, number>;

/** Single characters, marked apart from bigrams: 督查 and 督促检查 share no bigram but 督 and 查. */
function unigrams(text: string): string[] {
  return [...(t2s(text).match(HAN_OR_DIGIT) ?? []).join('')].map((c) => `1${c}`);
}

function tf(text: string, heading: string): Map<string, number> {
  const m = new Map<string, number>();
  const add = (gs: string[], w: number) => {
    for (const g of gs) m.set(g, (m.get(g) ?? 0) + w);
  };
  add(bigrams(text), 1);
  add(unigrams(text), UNIGRAM_WEIGHT);
  // The heading names the task; count it again so a long body does not drown it.
  add(bigrams(heading), 2);
  add(unigrams(heading), 2 * UNIGRAM_WEIGHT);
  return m;
}

function norm(v: Vec): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

function cosine(a: Vec, b: Vec, na: number, nb: number): number {
  if (!na || !nb) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y) dot += x * y;
  }
  return dot / (na * nb);
}

/** Weighted vectors for all sections of both sides, with IDF over them all. */
function vectors(all: AlignSection[]): Vec[] {
  const tfs = all.map((s) => tf(s.text, s.heading));
  const df = new Map<string, number>();
  for (const m of tfs) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = all.length;
  return tfs.map((m) => {
    const v: Vec = new Map();
    for (const [k, c] of m) v.set(k, (1 + Math.log(c)) * (Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1));
    return v;
  });
}

const isAncestor = (a: string, b: string) => b.startsWith(`${a}/`);

export function alignSections(
  child: readonly AlignSection[],
  parent: readonly AlignSection[],
  minScore = MIN_SCORE,
): Alignment {
  const vs = vectors([...child, ...parent]);
  const cv = vs.slice(0, child.length);
  const pv = vs.slice(child.length);
  const cn = cv.map(norm);
  const pn = pv.map(norm);
  const pairs: AlignmentPair[] = child.map((c, i) => {
    const scored = parent
      .map((p, j) => ({ parent: p.id, score: cosine(cv[i], pv[j], cn[i], pn[j]) }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      child: c.id,
      parent: best && best.score >= minScore ? best.parent : null,
      score: best ? round(best.score) : 0,
      alternatives: scored
        .slice(1, 4)
        .filter((x) => x.score >= minScore)
        .map((x) => ({ parent: x.parent, score: round(x.score) })),
    };
  });
  // A child section that merges two parent tasks scores nearly as high on both: near-ties count
  // as carried out too, so they are not reported as gaps.
  const covered = new Set<string>();
  for (const p of pairs) {
    if (!p.parent) continue;
    covered.add(p.parent);
    for (const a of p.alternatives) if (a.score >= NEAR_TIE * p.score) covered.add(a.parent);
  }
  const gaps = parent
    .filter((p) => !parent.some((q) => isAncestor(p.path, q.path))) // leaves of the outline
    .filter((p) => !covered.has(p.id))
    .map((p) => p.id);
  return { pairs, gaps };
}
