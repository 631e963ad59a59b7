/**
 * A version is the working text frozen: each point's number, section and texts at that
 * moment, plus a content hash that parties initial. The hash covers the text only, not
 * who made the version or when, so two versions that read the same hash the same.
 */
import type { Section, VersionPoint } from '../model.ts';
import { canonicalJson, sha256Hex } from '../record/hash-event.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';

export function snapshotWorkingText(state: NegotiationState): { points: VersionPoint[]; sections: Section[] } {
  const points = activePoints(state).map((p) => ({
    pointId: p.id, number: p.number, sectionId: p.sectionId, texts: p.texts, tags: p.tags, illustrative: p.illustrative,
  }));
  const used = new Set(points.map((p) => p.sectionId));
  const sections = [...state.sections.values()].filter((s) => used.has(s.id)).sort((a, b) => a.order - b.order);
  return { points, sections };
}

export function versionContentHash(content: { points: readonly VersionPoint[]; sections: readonly Section[] }): string {
  return sha256Hex(canonicalJson({ points: content.points, sections: content.sections }));
}
