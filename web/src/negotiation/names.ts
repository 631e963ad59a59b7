/** Names of parties, persons and members in the UI language, for labels and lists. */
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../i18n/text-direction.ts';
import { useMembers, useParties, usePersons } from './queries.ts';

export function useNames(id: string) {
  const { i18n, t } = useTranslation();
  const parties = useParties(id);
  const persons = usePersons(id);
  const members = useMembers(id);
  const pick = (texts: Record<string, string>) => {
    const l = pickLanguage(texts, i18n.language);
    return l ? texts[l]! : '';
  };
  return {
    ready: Boolean(parties.data && persons.data && members.data),
    parties: parties.data ?? [],
    persons: persons.data ?? [],
    members: members.data ?? [],
    party: (partyId: string | null | undefined) => {
      if (!partyId) return t('common:mediator');
      const p = parties.data?.find((x) => x.id === partyId);
      return p ? pick(p.name) || p.shortName : '…';
    },
    person: (personId: string | null | undefined) => {
      const p = persons.data?.find((x) => x.id === personId);
      return p ? pick(p.names) : '';
    },
    member: (memberId: string | null | undefined) => members.data?.find((x) => x.id === memberId)?.displayName ?? '',
  };
}
