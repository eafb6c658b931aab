import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/I18nProvider';
import type { LogFilterFields } from '../../../lib/logFilter';

interface Props {
  name: string;
  onSearch: (v: LogFilterFields) => void;
  onExport: () => void;
  exporting: boolean;
  /** Audit log only: the audited actions, by Chinese name. */
  actionOptions?: { value: string; label: string }[];
}

/** Time range, user, (action,) result; 查询 applies, 导出 downloads the same filter as .xlsx. */
export function LogFilterBar({ name, onSearch, onExport, exporting, actionOptions }: Props) {
  const t = useT();
  const [form] = Form.useForm<LogFilterFields>();
  const today = dayjs();
  return (
    <Form<LogFilterFields>
      form={form}
      name={name}
      layout="inline"
      initialValues={{ success: 'all' }}
      onFinish={onSearch}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item name="range" label={t('logs.filter.range')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: 250 }}
          presets={[
            { label: t('logs.filter.today'), value: [today, today] },
            { label: t('logs.filter.last7'), value: [today.subtract(6, 'day'), today] },
            { label: t('logs.filter.last30'), value: [today.subtract(29, 'day'), today] },
          ]}
        />
      </Form.Item>
      <Form.Item name="username" label={t('logs.fields.username')}>
        <Input allowClear style={{ width: 130 }} />
      </Form.Item>
      {actionOptions && (
        <Form.Item name="action" label={t('logs.fields.action')}>
          <Select
            allowClear
            style={{ width: 170 }}
            options={actionOptions}
            placeholder={t('logs.filter.actionPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
      )}
      <Form.Item name="success" label={t('logs.fields.success')}>
        <Select
          style={{ width: 100 }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('logs.success') },
            { value: 'false', label: t('logs.failure') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({ success: 'all' });
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {t('logs.export')}
        </Button>
      </Form.Item>
    </Form>
  );
}
