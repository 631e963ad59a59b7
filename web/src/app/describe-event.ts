/** One line about a recorded event, for the live "just now" note and the record page. */
import type { TFunction } from 'i18next';
import type { LiveEvent } from '../../../src/protocol/live.schema.ts';

interface Names {
  member: (id: string | null | undefined) => string;
  party: (id: string | null | undefined) => string;
}

export function describeEvent(e: Pick<LiveEvent, 'type' | 'actor'>, t: TFunction, names: Names): string {
  const who = names.member(e.actor) || t('common:someone');
  return t(`common:event.${e.type.replace('.', '_')}`, { who, defaultValue: t('common:event.other', { who, type: e.type }) });
}
