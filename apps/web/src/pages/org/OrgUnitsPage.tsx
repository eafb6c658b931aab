import { Button, Card, Col, Descriptions, Empty, Input, Row, Spin, Tree } from 'antd';
import type { EventDataNode } from 'antd/es/tree';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { COUNTRY_CODE, orgUnitsApi } from '../../api/orgUnits';
import type { OrgUnit, OrgUnitHit, OrgUnitSummary } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n/I18nProvider';
import { ancestorsWithin, findNode, type LazyNode, withChildren } from '../../lib/tree';
import { SearchResults } from './orgUnits/SearchResults';

// Townships are the bottom of the tree. Above them a zero childCount is only believed once
// loading the children confirms it (the node then turns into a leaf), so a count that is wrong
// or stale never hides a branch.
const toNode = (u: OrgUnitSummary): LazyNode => ({
  key: u.code,
  title: u.name,
  isLeaf: u.childCount === 0 && u.level === 'township',
});

type TreeRef = { scrollTo: (o: { key: string; align?: 'top' | 'bottom' | 'auto' }) => void };

/** 行政区划: browse the GB/T 2260 tree from the user's own unit down, or find a unit by name/code. */
export default function OrgUnitsPage() {
  const t = useT();
  const me = useUser();
  const navigate = useNavigate();
  const rootCode = me.role === 'admin' ? COUNTRY_CODE : me.orgUnitCode;
  const [tree, setTree] = useState<LazyNode[]>([]);
  const treeRef = useRef<LazyNode[]>([]);
  treeRef.current = tree;
  const [expanded, setExpanded] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<OrgUnit | null>(null);
  const [detailLoading, setDetailLoading] = useState(false);
  const [results, setResults] = useState<OrgUnitHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const treeComp = useRef<TreeRef>(null);

  const loadChildren = useCallback(async (code: string) => {
    const node = findNode(treeRef.current, code);
    if (node?.children) return;
    const kids = (await orgUnitsApi.children(code)).map(toNode);
    treeRef.current = withChildren(treeRef.current, code, kids);
    setTree(treeRef.current);
  }, []);

  useEffect(() => {
    orgUnitsApi.get(rootCode).then(
      async (root) => {
        treeRef.current = [toNode(root)];
        setTree(treeRef.current);
        setSelected(root.code);
        await loadChildren(root.code);
        setExpanded([root.code]);
      },
      () => {},
    );
  }, [rootCode, loadChildren]);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setDetailLoading(true);
    orgUnitsApi
      .get(selected)
      .then(
        (u) => live && setDetail(u),
        () => {},
      )
      .finally(() => live && setDetailLoading(false));
    return () => {
      live = false;
    };
  }, [selected]);

  async function search(text: string) {
    const q = text.trim();
    if (!q) {
      setResults(null);
      return;
    }
    setSearching(true);
    try {
      setResults(await orgUnitsApi.search(q, 50));
    } catch {
      // reported by the client
    } finally {
      setSearching(false);
    }
  }

  /** Opens the tree down to a unit found by search and selects it. */
  async function reveal(code: string) {
    setSelected(code);
    try {
      const unit = await orgUnitsApi.get(code);
      const chain = ancestorsWithin(unit.path, rootCode, code);
      if (!chain) return;
      for (const c of chain) await loadChildren(c);
      setExpanded((prev) => [...new Set([...prev, ...chain])]);
      // Wait one frame for the opened branches to render before scrolling to the node.
      requestAnimationFrame(() => treeComp.current?.scrollTo({ key: code, align: 'top' }));
    } catch {
      // reported by the client
    }
  }

  const level = (l: OrgUnit['level']) => t(`orgUnits.levels.${l}`);

  return (
    <>
      <PageTitle>{t('menu.orgUnits')}</PageTitle>
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card>
            <Input.Search
              aria-label={t('orgUnits.search')}
              placeholder={t('orgUnits.searchPlaceholder')}
              allowClear
              enterButton
              loading={searching}
              onSearch={search}
              style={{ marginBottom: 12 }}
            />
            {results && <SearchResults results={results} onPick={reveal} />}
            {tree.length === 0 ? (
              <Spin style={{ display: 'block', margin: 48 }} />
            ) : (
              <Tree
                ref={treeComp as never}
                treeData={tree}
                height={460}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => keys.length && setSelected(String(keys[0]))}
                loadData={(node: EventDataNode<LazyNode>) => loadChildren(String(node.key)).catch(() => {})}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title={t('orgUnits.detail')} loading={detailLoading && !detail}>
            {detail ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'name', label: t('orgUnits.fields.name'), children: detail.name },
                  { key: 'code', label: t('orgUnits.fields.code'), children: detail.code },
                  { key: 'level', label: t('orgUnits.fields.level'), children: level(detail.level) },
                  {
                    key: 'path',
                    label: t('orgUnits.fields.path'),
                    children: detail.path.map((p) => p.name).join(' / ') || '—',
                  },
                  { key: 'children', label: t('orgUnits.fields.childCount'), children: detail.childCount },
                ]}
              />
            ) : (
              <Empty description={t('orgUnits.pick')} />
            )}
            {detail && (detail.level === 'county' || detail.level === 'city') && (
              <Button
                style={{ marginTop: 16 }}
                onClick={() => navigate(`/org/departments?orgUnitCode=${encodeURIComponent(detail.code)}`)}
              >
                {t('orgUnits.viewDepartments')}
              </Button>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
