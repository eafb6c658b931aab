import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../api/client';
import { type ImportResult, type Ledger, ledgerApi, type RowError } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';
import { RowErrors } from '../LedgerListPage';

/**
 * 导入台账: the exported file, with progress filled in, back into the ledger. A check first
 * (nothing written) or the import; any wrong row stops it and every wrong row is listed.
 */
export function ImportModal({
  ledger,
  open,
  onClose,
  onDone,
}: {
  ledger: Ledger;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      const r = await ledgerApi.importFile(ledger.id, file, dryRun);
      setResult(r);
      if (!dryRun) {
        message.success(t('ledger.io.imported', { reports: r.reports, updated: r.updated }));
        onDone();
      }
    } catch (e) {
      const err = e as ApiError;
      const details = err.details as { errors?: RowError[] } | null;
      setErrors(details?.errors ?? [{ row: 0, column: null, message: err.message }]);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setErrors([]);
    setResult(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('ledger.io.import')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={760}
    >
      <p>{t('ledger.io.importHint')}</p>
      <Space style={{ marginBottom: 12 }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setErrors([]);
            setResult(null);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button icon={<FileExcelOutlined />}>{t('ledger.io.chooseFile')}</Button>
        </Upload>
        <Button disabled={!file} loading={busy} onClick={() => run(true)}>
          {t('ledger.io.check')}
        </Button>
        <Button type="primary" disabled={!file} loading={busy} onClick={() => run(false)}>
          {t('ledger.io.doImport')}
        </Button>
      </Space>
      {result && (
        <Alert
          type={result.dryRun ? 'info' : 'success'}
          showIcon
          title={t(result.dryRun ? 'ledger.io.checked' : 'ledger.io.importedFull', {
            rows: result.rows,
            reports: result.reports,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('ledger.io.failed', { n: new Set(errors.map((e) => e.row)).size })}
        />
      )}
      <RowErrors errors={errors} />
    </Modal>
  );
}
