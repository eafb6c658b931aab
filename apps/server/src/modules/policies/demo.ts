// Demo content of the policy library: the documents of demo/documents.ts, uploaded into the demo
// county's library. Their originals are generated from code, so they need no files on disk.
import { and, eq, isNull } from 'drizzle-orm';
import { policies } from '../../db/schema';
import { registerDemoLoader } from '../demo/registry';
import { DEMO_COUNTY } from '../demo/users';
import { insertPolicy, parseUpload } from './commands';
import { DEMO_DOCUMENTS } from './demo/documents';
import { renderDemo } from './demo/render';
import { sha256 } from './files';

/** storagePath of a demo original: readOriginal renders it again on demand. */
export const DEMO_STORAGE_PREFIX = 'demo:'; // files.ts reads these back

registerDemoLoader({
  name: 'policies',
  async load({ db, who, now }) {
    let created = 0;
    for (const doc of DEMO_DOCUMENTS) {
      // Idempotent by file name: a second load, or a DOCX rendered with a new timestamp, adds nothing.
      const [exists] = await db
        .select({ id: policies.id })
        .from(policies)
        .where(
          and(
            eq(policies.orgUnitCode, DEMO_COUNTY.code),
            eq(policies.fileName, doc.fileName),
            eq(policies.isDemo, true),
            isNull(policies.deletedAt),
          ),
        );
      if (exists) continue;
      const { bytes, mime } = await renderDemo(doc);
      const file = { fileName: doc.fileName, mime, bytes };
      const parsed = await parseUpload(file);
      await db.transaction((tx) =>
        insertPolicy(tx, who, {
          orgUnitCode: DEMO_COUNTY.code,
          file,
          parsed,
          hash: sha256(bytes),
          storagePath: `${DEMO_STORAGE_PREFIX}${doc.fileName}`,
          createdBy: null,
          isDemo: true,
          now,
        }),
      );
      created++;
    }
    return { policies: created };
  },
});
