/**
 * The negotiation's shared reference data (who, what, where), cached per negotiation.
 * Every key starts with ['n', id] so the live channel can refresh them all at once.
 */
import { useQuery } from '@tanstack/react-query';
import { api, getAll } from '../api/client.ts';
import {
  MemberOut, NegotiationOverview, PartyOut, PersonOut, PointOut, SectionOut, page,
} from '../api/schemas.ts';

export const nKey = (id: string, ...rest: unknown[]) => ['n', id, ...rest] as const;

export const useOverview = (id: string) =>
  useQuery({ queryKey: nKey(id, 'overview'), queryFn: () => api.get(`/api/negotiations/${id}`, NegotiationOverview) });
export const useParties = (id: string) =>
  useQuery({ queryKey: nKey(id, 'parties'), queryFn: () => getAll(`/api/negotiations/${id}/parties`, page(PartyOut)) });
export const usePersons = (id: string) =>
  useQuery({ queryKey: nKey(id, 'persons'), queryFn: () => getAll(`/api/negotiations/${id}/persons`, page(PersonOut)) });
export const useMembers = (id: string) =>
  useQuery({ queryKey: nKey(id, 'members'), queryFn: () => getAll(`/api/negotiations/${id}/members`, page(MemberOut)) });
export const useSections = (id: string) =>
  useQuery({ queryKey: nKey(id, 'sections'), queryFn: () => getAll(`/api/negotiations/${id}/sections`, page(SectionOut)) });
export const usePoints = (id: string) =>
  useQuery({ queryKey: nKey(id, 'points'), queryFn: () => getAll(`/api/negotiations/${id}/points`, page(PointOut)) });
