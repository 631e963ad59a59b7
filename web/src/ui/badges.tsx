/**
 * The position scale and visibility as badges: colour AND a shape and label, so nothing
 * depends on colour alone (WCAG 1.4.1).
 */
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from './icons.tsx';

export type Level = 'accept' | 'discuss' | 'wording' | 'reject' | 'redline';
export type Status = 'agreed' | 'close' | 'contested' | 'blocked';
export type VisibilityLevel = 'party' | 'mediator' | 'parties' | 'public';

export const LEVEL_ICON: Record<Level, IconName> = { accept: 'check', discuss: 'dots', wording: 'pencil', reject: 'cross', redline: 'stop' };
export const STATUS_ICON: Record<Status, IconName> = { agreed: 'circle-full', close: 'circle-half', contested: 'circle-empty', blocked: 'square' };
export const VISIBILITY_ICON: Record<VisibilityLevel, IconName> = { party: 'lock', mediator: 'mediator', parties: 'people', public: 'globe' };

export function LevelBadge({ level, compact = false }: { level: Level; compact?: boolean }) {
  const { t } = useTranslation();
  const label = t(`common:level.${level}`);
  return (
    <span className={`badge level level-${level}`} title={compact ? label : undefined}>
      <Icon name={LEVEL_ICON[level]} className="symbol" />
      {compact ? <span className="visually-hidden">{label}</span> : <span>{label}</span>}
    </span>
  );
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status status-${status}`}>
      <Icon name={STATUS_ICON[status]} className="symbol" />
      <span>{t(`common:status.${status}`)}</span>
    </span>
  );
}

export function VisibilityBadge({ visibility }: { visibility: VisibilityLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`badge visibility visibility-${visibility}`} title={t(`common:visibilityHelp.${visibility}`)}>
      <Icon name={VISIBILITY_ICON[visibility]} className="symbol" />
      <span>{t(`common:visibility.${visibility}`)}</span>
    </span>
  );
}
