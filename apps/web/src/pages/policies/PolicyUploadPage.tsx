import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Form, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { policiesApi, type UploadResult } from '../../api/policies';
import { useUser } from '../../auth/AuthProvider';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { Rows } from './detail/Rows';

type Row = { uid: string; fileName: string; state: 'uploading' } | ({ uid: string } & UploadResult);

const ACCEPT = '.txt,.text,.htm,.html,.shtml,.xhtml,.docx,.pdf';

/**
 * 上传政策文件: drag in one file or many. Each goes up on its own request, so each gets its own
 * result on screen (入库, 已在库中 with a link, or the reason it could not be read).
 */
export default function PolicyUploadPage() {
  const { t, errorText } = useI18n();
  const user = useUser();
  const [orgUnitCode, setOrgUnitCode] = useState<string>(user.orgUnitCode);
  const [rows, setRows] = useState<Row[]>([]);

  const put = (row: Row) =>
    setRows((rs) =>
      rs.some((r) => r.uid === row.uid) ? rs.map((r) => (r.uid === row.uid ? row : r)) : [row, ...rs],
    );

  async function send(uid: string, file: File) {
    put({ uid, fileName: file.name, state: 'uploading' });
    try {
      const res = await policiesApi.upload(file, orgUnitCode);
      put({ uid, ...res.results[0] });
    } catch (e) {
      // The server answers a refused single file with its own result in details.
      const result =
        e instanceof ApiError ? (e.details as { results?: UploadResult[] } | null)?.results?.[0] : undefined;
      put(
        result
          ? { uid, ...result }
          : {
              uid,
              fileName: file.name,
              status: 'failed',
              error: { code: e instanceof ApiError ? e.code : 'UNEXPECTED', message: errorText(e) },
            },
      );
    }
  }

  return (
    <>
      <PageTitle>{t('policies.menu.upload')}</PageTitle>
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={t('policies.upload.unit')} htmlFor="policyUpload_org">
            <OrgUnitPicker
              id="policyUpload_org"
              value={orgUnitCode}
              onChange={(code) => code && setOrgUnitCode(code)}
              style={{ width: 260 }}
            />
          </Form.Item>
        </Form>
        <Upload.Dragger
          name="files"
          multiple
          accept={ACCEPT}
          showUploadList={false}
          // Our own request per file (multipart with the CSRF header), results listed below.
          customRequest={({ file, onSuccess }) => {
            const f = file as File & { uid: string };
            send(f.uid, f).finally(() => onSuccess?.({}));
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('policies.upload.drag')}</p>
          <p className="ant-upload-hint">{t('policies.upload.hint')}</p>
        </Upload.Dragger>
      </Card>
      {rows.length > 0 && (
        <Card title={t('policies.upload.results')} style={{ marginTop: 16 }}>
          <Rows
            testId="upload-results"
            itemTestId="upload-result"
            items={rows}
            itemKey={(r) => r.uid}
            render={(r) => (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{r.fileName}</Typography.Text>
                  {'state' in r ? (
                    <Tag color="processing">{t('policies.upload.uploading')}</Tag>
                  ) : r.status === 'created' ? (
                    <Tag color="success">{t('policies.upload.created')}</Tag>
                  ) : r.status === 'duplicate' ? (
                    <Tag color="warning">{t('policies.upload.duplicate')}</Tag>
                  ) : (
                    <Tag color="error">{t('policies.upload.failed')}</Tag>
                  )}
                  {!('state' in r) && r.status === 'created' && (
                    <Link to={`/policies/${r.id}`}>{t('policies.upload.open')}</Link>
                  )}
                  {!('state' in r) && r.status === 'duplicate' && (
                    <Link to={`/policies/${r.existingId}`}>{t('policies.upload.openExisting')}</Link>
                  )}
                </Space>
                {!('state' in r) && r.status === 'created' && (
                  <Typography.Text type="secondary">
                    {[r.title, r.docNumber].filter(Boolean).join(' · ')}
                    {' — '}
                    {t('policies.upload.counts', {
                      sections: r.counts.sections,
                      duties: r.counts.responsibilities,
                      targets: r.counts.targets,
                    })}
                  </Typography.Text>
                )}
                {!('state' in r) && r.status === 'failed' && (
                  <Alert type="error" showIcon title={r.error.message} description={r.error.code} />
                )}
              </Space>
            )}
          />
        </Card>
      )}
    </>
  );
}
