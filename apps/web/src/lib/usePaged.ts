import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export type PageQuery = { page: number; pageSize: number };

/**
 * A server-paged list (`?page=&pageSize=` → `{items,total,page,pageSize}`) for an antd Table.
 * A new filter goes back to page 1; an answer that arrives after a newer request is dropped,
 * so typing fast in a search box never shows the results of an older query.
 */
export function usePaged<T, F extends object>(
  fetchPage: (q: F & PageQuery) => Promise<Page<T>>,
  filter: F,
  initialPageSize = 20,
) {
  const [paging, setPaging] = useState<PageQuery>({ page: 1, pageSize: initialPageSize });
  const [data, setData] = useState<{ items: T[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const filterKey = JSON.stringify(filter);
  const lastFilterKey = useRef(filterKey);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  if (lastFilterKey.current !== filterKey) {
    lastFilterKey.current = filterKey;
    if (paging.page !== 1) setPaging((p) => ({ ...p, page: 1 }));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filter; tick forces reloads
  useEffect(() => {
    const id = ++seq.current;
    setLoading(true);
    fetchRef
      .current({ ...(JSON.parse(filterKey) as F), ...paging })
      .then(
        (res) => {
          if (id === seq.current) setData({ items: res.items, total: res.total });
        },
        // The client has already shown the error; keep the old rows rather than an empty table.
        () => {},
      )
      .finally(() => {
        if (id === seq.current) setLoading(false);
      });
  }, [filterKey, paging, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);

  const pagination: TablePaginationConfig = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: data.total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };

  return { ...data, loading, reload, pagination };
}
