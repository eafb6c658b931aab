// What the task ledger (issue 4) reads from the policy library: one policy in the actor's scope,
// as people corrected it, with stable ids for its sections, duties and targets.
import type { Policy } from '@innocounty/policy';
import type { Actor } from '../../auth/actor';
import type { Queryable } from '../../db/client';
import type { ItemIds } from './corrections';
import { displayTitle } from './derive';
import { effectiveOf, loadPolicyRow } from './service';

export interface LedgerPolicy {
  id: string;
  /** The org unit that owns the document in the library. */
  orgUnitCode: string;
  /** The 通知's title, else the plan's, else the file name. */
  title: string;
  docNumber: string | null;
  fileName: string;
  /**
   * The effective Policy JSON (extraction with people's corrections applied). Each extracted item
   * keeps its `span` into the original text; items people added have none.
   */
  policy: Policy;
  /**
   * Stable ids, index-aligned with policy.sections / responsibilities / targets / phases / cites.
   * They survive re-parsing by a newer engine and people's edits of the item, so a ledger item
   * can keep pointing at "its" duty or target.
   */
  itemIds: ItemIds;
}

/** Throws notFound (404) when the policy does not exist, was deleted, or is outside the actor's scope. */
export async function loadPolicyForLedger(
  q: Queryable,
  actor: Pick<Actor, 'orgPath'>,
  policyId: string,
): Promise<LedgerPolicy> {
  const row = await loadPolicyRow(q, actor, policyId);
  const { policy, itemIds } = await effectiveOf(q, row);
  return {
    id: row.id,
    orgUnitCode: row.orgUnitCode,
    title: displayTitle(policy.meta, row.fileName),
    docNumber: policy.meta.docNumber,
    fileName: row.fileName,
    policy,
    itemIds,
  };
}
