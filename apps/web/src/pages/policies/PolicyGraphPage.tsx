import { Card, Empty, Form, Radio, Spin, Typography } from 'antd';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ISSUER_LEVELS, type PolicyGraph, policiesApi } from '../../api/policies';
import { OrgUnitPicker } from '../../components/OrgUnitPicker';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/I18nProvider';
import { layoutGraph } from '../../lib/policyGraph';

// Only the parts of ECharts this page draws: the graph series, tooltip, legend, canvas.
echarts.use([GraphChart, TooltipComponent, LegendComponent, CanvasRenderer]);

const LEVEL_COLORS = ['#cf1322', '#d46b08', '#1677ff', '#389e0d'];
const PLACEHOLDER = 4;

/** 贯彻关系图: which documents carry out which, with placeholders for cited ones not uploaded yet. */
export default function PolicyGraphPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [relation, setRelation] = useState<'implements' | 'all'>('implements');
  const [orgUnitCode, setOrgUnitCode] = useState<string | undefined>();
  const [graph, setGraph] = useState<PolicyGraph | null>(null);

  useEffect(() => {
    let live = true;
    setGraph(null);
    policiesApi.graph({ relation, orgUnitCode }).then(
      (g) => live && setGraph(g),
      () => live && setGraph({ nodes: [], edges: [], truncated: false }),
    );
    return () => {
      live = false;
    };
  }, [relation, orgUnitCode]);

  const option = useMemo(() => {
    if (!graph) return null;
    const pos = layoutGraph(graph);
    const categories = [
      ...ISSUER_LEVELS.map((l, i) => ({
        name: t(`policies.levels.${l}`),
        itemStyle: { color: LEVEL_COLORS[i] },
      })),
      { name: t('policies.graph.placeholder'), itemStyle: { color: '#bfbfbf' } },
    ];
    const short = (s: string) => (s.length > 18 ? `${s.slice(0, 18)}…` : s);
    return {
      // Drawn at once: county offices' machines are slow, and the picture is a map, not a show.
      animation: false,
      tooltip: {
        formatter: (p: {
          dataType: string;
          data: { fullTitle?: string; docNumber?: string | null; relation?: string };
        }) =>
          p.dataType === 'node'
            ? [p.data.fullTitle, p.data.docNumber].filter(Boolean).join('<br/>')
            : p.data.relation === 'implements'
              ? t('policies.relations.implements')
              : t('policies.relations.mentions'),
      },
      legend: [{ data: categories.map((c) => c.name), top: 0 }],
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          top: 40,
          categories,
          symbolSize: 18,
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 8,
          label: { show: true, position: 'bottom', width: 200, overflow: 'truncate' },
          lineStyle: { opacity: 0.8, curveness: 0.1 },
          data: graph.nodes.map((n) => {
            const p = pos.get(n.id)!;
            const category =
              n.kind === 'placeholder'
                ? PLACEHOLDER
                : n.issuerLevel
                  ? ISSUER_LEVELS.indexOf(n.issuerLevel)
                  : PLACEHOLDER;
            return {
              id: n.id,
              name: short(n.title || n.docNumber || ''),
              fullTitle: n.title,
              docNumber: n.docNumber,
              x: p.x,
              y: p.y,
              category,
              kind: n.kind,
              symbol: n.kind === 'placeholder' ? 'emptyCircle' : 'circle',
            };
          }),
          links: graph.edges.map((e) => ({
            source: e.source,
            target: e.target,
            relation: e.relation,
            lineStyle: { type: e.relation === 'implements' ? 'solid' : 'dashed' },
          })),
        },
      ],
    };
  }, [graph, t]);

  return (
    <>
      <PageTitle>{t('policies.menu.graph')}</PageTitle>
      <Card>
        <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
          <Form.Item label={t('policies.graph.show')}>
            <Radio.Group
              value={relation}
              onChange={(e) => setRelation(e.target.value)}
              options={[
                { value: 'implements', label: t('policies.graph.implementsOnly') },
                { value: 'all', label: t('policies.graph.all') },
              ]}
              optionType="button"
            />
          </Form.Item>
          <Form.Item label={t('policies.fields.orgUnit')} htmlFor="policyGraph_org">
            <OrgUnitPicker
              id="policyGraph_org"
              allowClear
              value={orgUnitCode}
              onChange={setOrgUnitCode}
              style={{ width: 240 }}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t('policies.graph.hint')}</Typography.Paragraph>
        {!graph || !option ? (
          <div style={{ display: 'flex', justifyContent: 'center', padding: 96 }}>
            <Spin />
          </div>
        ) : graph.nodes.length === 0 ? (
          <Empty description={t('policies.list.empty')} />
        ) : (
          <div data-testid="policy-graph">
            <ReactEChartsCore
              echarts={echarts}
              option={option}
              notMerge
              style={{ height: 'calc(100vh - 300px)', minHeight: 420 }}
              onEvents={{
                click: (p: { dataType: string; data: { id: string; kind: string } }) => {
                  if (p.dataType === 'node' && p.data.kind === 'policy') navigate(`/policies/${p.data.id}`);
                },
              }}
            />
            {graph.truncated && (
              <Typography.Text type="warning">{t('policies.graph.truncated')}</Typography.Text>
            )}
          </div>
        )}
      </Card>
    </>
  );
}
