import { z } from 'zod';

/**
 * Warning (预警) and scoring (考核) rules are data kept per ledger, not code: every county sets
 * its own thresholds and assessment weights (DESIGN: "do the same for … scoring rules").
 * Stored rules are partial; these defaults fill what a ledger leaves out.
 */
export const warningRulesSchema = z.object({
  /** Yellow when the due date is this many days away or fewer. */
  dueSoonDays: z.number().int().min(0).max(365),
  /** Yellow when % done trails 序时进度 (share of time elapsed) by more than this many points. */
  behindYellowPct: z.number().min(0).max(100),
  /** Red when it trails by more than this many points ("far behind"). */
  behindRedPct: z.number().min(0).max(100),
  /** Days after a report deadline before the report counts as missing. */
  reportGraceDays: z.number().int().min(0).max(60),
  /** Yellow from this many missing reports, red from `missedReportsRed`. */
  missedReportsYellow: z.number().int().min(1).max(24),
  missedReportsRed: z.number().int().min(1).max(24),
  /** In-app reminders this many days before a due date. */
  remindBeforeDueDays: z.array(z.number().int().min(0).max(90)).max(5),
  /** In-app reminder this many days before a report deadline (0 = none). */
  remindBeforeReportDays: z.number().int().min(0).max(30),
  /** Default days a department has to answer a 督办单. */
  urgingAnswerDays: z.number().int().min(1).max(60),
});
export type WarningRules = z.infer<typeof warningRulesSchema>;

export const DEFAULT_WARNING_RULES: WarningRules = {
  dueSoonDays: 15,
  behindYellowPct: 10,
  behindRedPct: 30,
  reportGraceDays: 0,
  missedReportsYellow: 1,
  missedReportsRed: 2,
  remindBeforeDueDays: [7, 3, 1],
  remindBeforeReportDays: 3,
  urgingAnswerDays: 5,
};

export const scoringRulesSchema = z.object({
  /** Points of each part; a part with nothing to judge (no targets) is left out and the rest rescaled to 100. */
  weights: z.object({
    reporting: z.number().min(0).max(100),
    completion: z.number().min(0).max(100),
    targets: z.number().min(0).max(100),
  }),
  /** Highest attainment credited: 1 = no credit beyond 100%, 1.2 = up to 20% extra for overshooting. */
  targetCap: z.number().min(1).max(3),
  /** Points taken off per red item the department leads, and per yellow one. */
  redPenalty: z.number().min(0).max(50),
  yellowPenalty: z.number().min(0).max(50),
  /** Whether co-operating departments are judged on their own reports for items they co-operate on. */
  coReports: z.boolean(),
});
export type ScoringRules = z.infer<typeof scoringRulesSchema>;

export const DEFAULT_SCORING_RULES: ScoringRules = {
  weights: { reporting: 20, completion: 40, targets: 40 },
  targetCap: 1,
  redPenalty: 2,
  yellowPenalty: 0,
  coReports: true,
};

export const warningRulesPatch = warningRulesSchema.partial();
export const scoringRulesPatch = scoringRulesSchema.partial().extend({
  weights: scoringRulesSchema.shape.weights.partial().optional(),
});

/** Stored (possibly partial or older) rules with the defaults filled in. */
export function effectiveWarningRules(stored: unknown): WarningRules {
  const parsed = warningRulesPatch.safeParse(stored ?? {});
  const rules = { ...DEFAULT_WARNING_RULES, ...(parsed.success ? parsed.data : {}) };
  // Red must not be reachable before yellow.
  if (rules.behindRedPct < rules.behindYellowPct) rules.behindRedPct = rules.behindYellowPct;
  if (rules.missedReportsRed < rules.missedReportsYellow) rules.missedReportsRed = rules.missedReportsYellow;
  return rules;
}

export function effectiveScoringRules(stored: unknown): ScoringRules {
  const parsed = scoringRulesPatch.safeParse(stored ?? {});
  const p = parsed.success ? parsed.data : {};
  return {
    ...DEFAULT_SCORING_RULES,
    ...p,
    weights: { ...DEFAULT_SCORING_RULES.weights, ...(p.weights ?? {}) },
  };
}
