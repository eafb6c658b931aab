// Extraction: normalised text → the Policy object of ../shared/spec/policy-extraction.md.
import { extractCites } from './cites.js';
import { Doc } from './doc.js';
import { extractDuties } from './duties.js';
import type { Budget } from './errors.js';
import { analyseLayout } from './layout.js';
import { extractMeta } from './meta.js';
import type { NormalisedText } from './normalise/index.js';
import { extractPhases } from './phases.js';
import { extractSections, SectionIndex } from './sections.js';
import { extractTableDuties, extractTableTargets } from './tables.js';
import { extractTargets } from './targets.js';
import type { Policy } from './types.js';

export interface ExtractOptions {
  budget?: Budget;
}

export function extract(norm: NormalisedText, opts: ExtractOptions = {}): Policy {
  const check = (stage: string) => opts.budget?.check(stage);
  const doc = new Doc(norm, check);
  const layout = analyseLayout(doc);
  check('layout');
  const { meta, ownTitles } = extractMeta(doc, layout);
  check('meta');
  const sections = extractSections(doc, layout);
  const index = new SectionIndex(sections, layout.bodyStarts, doc.paras);
  check('sections');
  const responsibilities = [
    ...extractDuties(doc, layout, index),
    ...extractTableDuties(doc, layout, sections),
  ];
  check('duties');
  const targets = [
    ...extractTargets(doc, layout, index, meta.planPeriod),
    ...extractTableTargets(
      doc,
      layout,
      (o) => index.pathAt(o),
      meta.planPeriod,
      meta.signedDate ? Number(meta.signedDate.slice(0, 4)) : null,
    ),
  ];
  check('targets');
  const cites = extractCites(doc, layout, index, ownTitles, meta.docNumber);
  const phases = extractPhases(doc, layout);
  check('phases');
  return {
    meta,
    cites,
    sections: sections.map(({ path, marker, heading, level, span }) => ({
      path,
      marker,
      heading,
      level,
      span,
    })),
    responsibilities,
    targets,
    phases,
  };
}
