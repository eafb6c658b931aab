import { App } from 'antd';
import { useState } from 'react';
import { saveFile } from '../../../api/client';
import { useT } from '../../../i18n/I18nProvider';

/** Runs an export call and hands the .xlsx to the browser; failures were reported by the client. */
export function useLogExport(run: () => Promise<{ blob: Blob; filename: string }>) {
  const t = useT();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  async function exportNow() {
    setExporting(true);
    try {
      const { blob, filename } = await run();
      saveFile(blob, filename);
      message.success(t('logs.exported', { name: filename }));
    } catch {
      // already shown
    } finally {
      setExporting(false);
    }
  }
  return { exporting, exportNow };
}
