import { App, Button, Checkbox, Divider, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ApiError } from '../../../api/client';
import { type Ledger, ledgerApi, REPORT_CYCLES } from '../../../api/ledger';
import { useT } from '../../../i18n/I18nProvider';

/** The ledger's own rules: report schedule, warning thresholds (预警规则) and scoring (考核规则). */
export function SettingsTab({ ledger, onSaved }: { ledger: Ledger; onSaved: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const w = ledger.warningRules;
  const s = ledger.scoringRules;
  const save = async () => {
    const v = await form.validateFields();
    try {
      await ledgerApi.update(ledger.id, {
        version: ledger.version,
        title: v.title,
        reportCycle: v.reportCycle,
        reportDay: v.reportDay,
        warningRules: {
          dueSoonDays: v.dueSoonDays,
          behindYellowPct: v.behindYellowPct,
          behindRedPct: v.behindRedPct,
          reportGraceDays: v.reportGraceDays,
          missedReportsYellow: v.missedReportsYellow,
          missedReportsRed: v.missedReportsRed,
          remindBeforeReportDays: v.remindBeforeReportDays,
          urgingAnswerDays: v.urgingAnswerDays,
        },
        scoringRules: {
          weights: { reporting: v.wReporting, completion: v.wCompletion, targets: v.wTargets },
          targetCap: v.targetCap / 100,
          redPenalty: v.redPenalty,
          yellowPenalty: v.yellowPenalty,
          coReports: v.coReports,
        },
      });
      message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'VERSION_CONFLICT')
        modal.warning({ title: t('errors.VERSION_CONFLICT'), onOk: onSaved });
      else message.error(err.message);
    }
  };
  const num = (name: string, label: string, min: number, max: number, suffix?: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} suffix={suffix} style={{ width: 140 }} />
    </Form.Item>
  );
  return (
    <Form
      form={form}
      layout="vertical"
      name="ledgerSettings"
      style={{ maxWidth: 760 }}
      initialValues={{
        title: ledger.title,
        reportCycle: ledger.reportCycle,
        reportDay: ledger.reportDay,
        ...w,
        wReporting: s.weights.reporting,
        wCompletion: s.weights.completion,
        wTargets: s.weights.targets,
        targetCap: Math.round(s.targetCap * 100),
        redPenalty: s.redPenalty,
        yellowPenalty: s.yellowPenalty,
        coReports: s.coReports,
      }}
    >
      <Form.Item name="title" label={t('ledger.list.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="reportCycle" label={t('ledger.settings.reportCycle')}>
          <Select
            style={{ width: 140 }}
            options={REPORT_CYCLES.map((c) => ({ value: c, label: t(`ledger.cycle.${c}`) }))}
          />
        </Form.Item>
        {num('reportDay', t('ledger.settings.reportDay'), 1, 31)}
      </Space>
      <Divider titlePlacement="start">{t('ledger.settings.warning')}</Divider>
      <Space wrap>
        {num('dueSoonDays', t('ledger.settings.dueSoonDays'), 0, 365, t('ledger.settings.days'))}
        {num('behindYellowPct', t('ledger.settings.behindYellowPct'), 0, 100, '%')}
        {num('behindRedPct', t('ledger.settings.behindRedPct'), 0, 100, '%')}
        {num('reportGraceDays', t('ledger.settings.reportGraceDays'), 0, 60, t('ledger.settings.days'))}
        {num('missedReportsYellow', t('ledger.settings.missedReportsYellow'), 1, 24)}
        {num('missedReportsRed', t('ledger.settings.missedReportsRed'), 1, 24)}
        {num(
          'remindBeforeReportDays',
          t('ledger.settings.remindBeforeReportDays'),
          0,
          30,
          t('ledger.settings.days'),
        )}
        {num('urgingAnswerDays', t('ledger.settings.urgingAnswerDays'), 1, 60, t('ledger.settings.days'))}
      </Space>
      <Divider titlePlacement="start">{t('ledger.settings.scoring')}</Divider>
      <Space wrap>
        {num('wReporting', t('ledger.scores.reporting'), 0, 100)}
        {num('wCompletion', t('ledger.scores.completion'), 0, 100)}
        {num('wTargets', t('ledger.scores.targets'), 0, 100)}
        {num('targetCap', t('ledger.settings.targetCap'), 100, 300, '%')}
        {num('redPenalty', t('ledger.settings.redPenalty'), 0, 50)}
        {num('yellowPenalty', t('ledger.settings.yellowPenalty'), 0, 50)}
      </Space>
      <Form.Item name="coReports" valuePropName="checked">
        <Checkbox>{t('ledger.settings.coReports')}</Checkbox>
      </Form.Item>
      <Button type="primary" onClick={save}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
