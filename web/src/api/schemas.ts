/** The protocol's answer schemas as the web app uses them (value and type of one name). */
import { z } from 'zod';
import * as n from '../../../src/protocol/negotiation.schema.ts';

export { AccountOut, MeOut, SessionOut } from '../../../src/protocol/accounts.schema.ts';
export { Written } from '../../../src/protocol/common.schema.ts';

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const NegotiationSummary = n.NegotiationSummary;
export type NegotiationSummary = z.infer<typeof n.NegotiationSummary>;
export const NegotiationOverview = n.NegotiationOverview;
export type NegotiationOverview = z.infer<typeof n.NegotiationOverview>;
export const PartyOut = n.PartyOut;
export type PartyOut = z.infer<typeof n.PartyOut>;
export const PersonOut = n.PersonOut;
export type PersonOut = z.infer<typeof n.PersonOut>;
export const MemberOut = n.MemberOut;
export type MemberOut = z.infer<typeof n.MemberOut>;
export const SectionOut = n.SectionOut;
export type SectionOut = z.infer<typeof n.SectionOut>;
export const PointOut = n.PointOut;
export type PointOut = z.infer<typeof n.PointOut>;
export const VersionSummaryOut = n.VersionSummaryOut;
export type VersionSummaryOut = z.infer<typeof n.VersionSummaryOut>;
export const VersionOut = n.VersionOut;
export type VersionOut = z.infer<typeof n.VersionOut>;
export const ImportPreviewOut = n.ImportPreviewOut;
export type ImportPreviewOut = z.infer<typeof n.ImportPreviewOut>;
export const AmendmentOut = n.AmendmentOut;
export type AmendmentOut = z.infer<typeof n.AmendmentOut>;
export const PositionOut = n.PositionOut;
export type PositionOut = z.infer<typeof n.PositionOut>;
export const RoundOut = n.RoundOut;
export type RoundOut = z.infer<typeof n.RoundOut>;
export const ReadoutOut = n.ReadoutOut;
export type ReadoutOut = z.infer<typeof n.ReadoutOut>;
export const StatementOut = n.StatementOut;
export type StatementOut = z.infer<typeof n.StatementOut>;
export const AgreementOut = n.AgreementOut;
export type AgreementOut = z.infer<typeof n.AgreementOut>;
export const EventOut = n.EventOut;
export type EventOut = z.infer<typeof n.EventOut>;
export const AccessLogEntry = n.AccessLogEntry;
export type AccessLogEntry = z.infer<typeof n.AccessLogEntry>;

export const NegotiationList = page(n.NegotiationSummary);

export { AnalysisOut, Explanation, PackageView, SettlementOut, Suggestion } from '../../../src/protocol/settlement.schema.ts';
