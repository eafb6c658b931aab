import { Select, type SelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { orgUnitsApi } from '../api/orgUnits';
import type { OrgUnitHit, OrgUnitSummary } from '../api/types';
import { useT } from '../i18n/I18nProvider';

interface Props {
  value?: string;
  onChange?: (code: string | undefined, unit?: OrgUnitSummary) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
}

type Option = { value: string; label: string; unit?: OrgUnitSummary; pathNames?: string };

const toOption = (u: OrgUnitSummary & Partial<Pick<OrgUnitHit, 'pathNames'>>): Option => ({
  value: u.code,
  label: `${u.name}（${u.code}）`,
  unit: u,
  pathNames: u.pathNames,
});

/**
 * Choose an org unit by typing part of its name or code (searches the server; the tree has
 * ~3,000 county-level units and far more townships, so nothing is preloaded).
 */
export function OrgUnitPicker({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  id,
  disabled,
  ...aria
}: Props) {
  const t = useT();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inflight = useRef<AbortController>(undefined);

  // A preset value (e.g. the user's own county) needs its name for the label.
  useEffect(() => {
    if (!value || options.some((o) => o.value === value)) return;
    let live = true;
    orgUnitsApi.get(value).then(
      (u) => live && setOptions((prev) => [toOption(u), ...prev.filter((o) => o.value !== u.code)]),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [value, options]);

  function search(text: string) {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return;
    // Wait for a pause in typing so each keystroke is not a request.
    timer.current = setTimeout(() => {
      inflight.current?.abort();
      const ctl = new AbortController();
      inflight.current = ctl;
      setLoading(true);
      orgUnitsApi
        .search(q, 30, ctl.signal)
        .then(
          (units) => {
            const selected = options.find((o) => o.value === value);
            const fresh = units.map(toOption);
            setOptions(selected && !fresh.some((o) => o.value === value) ? [selected, ...fresh] : fresh);
          },
          () => {},
        )
        .finally(() => {
          if (inflight.current === ctl) setLoading(false);
        });
    }, 250);
  }

  const handleChange: SelectProps<string, Option>['onChange'] = (code, opt) => {
    const unit = Array.isArray(opt) ? undefined : opt?.unit;
    onChange?.(code ?? undefined, unit);
  };

  return (
    <Select<string, Option>
      id={id}
      aria-label={aria['aria-label']}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={handleChange}
      options={options}
      loading={loading}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('orgUnits.pickerPlaceholder')}
      notFoundContent={loading ? t('common.loading') : t('orgUnits.pickerEmpty')}
      // Several units share a name (新城区, 城关镇 …): show where each one is.
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.pathNames && <div style={{ fontSize: 12, opacity: 0.65 }}>{o.data.pathNames}</div>}
        </div>
      )}
      style={style}
    />
  );
}
