/**
 * A MILP with divisible issues checks its rows to the solver's feasibility tolerance (1e-7 on
 * shares), so a party held exactly at its floor can come back a hair below it, and the engine,
 * which checks floors exactly (1e-9), would refuse the package. This moves that hair of share
 * from a party with room above its own floor to the one below, on an issue it values; a
 * package further below a floor than `tolerance` is not a rounding matter and is left alone.
 */
import { EPS, meetsFloor } from '../concepts.ts';
import type { PreparedCase, ScoredPackage } from '../model.ts';
import { utilitiesOf } from '../utility.ts';

const TOLERANCE = 1e-5;
/** Each move overshoots by this much, so the repaired party clears the exact check with room. */
const MARGIN = 1e-9;

export function repairFloors(c: PreparedCase, scored: ScoredPackage, floor: readonly number[]): ScoredPackage {
  if (meetsFloor(scored.utilities, floor)) return scored;
  const choice = scored.package.choice;
  const share = scored.package.share.map((s) => [...s]);
  let u = utilitiesOf(c, { choice, share });
  for (let round = 0; round < 4 * c.parties.length; round += 1) {
    const short = c.parties.findIndex((_, p) => u[p]! < floor[p]! - EPS);
    if (short < 0) return { package: { choice, share }, utilities: u };
    const need = floor[short]! - u[short]! + MARGIN;
    if (need > TOLERANCE) return scored;
    let moved = false;
    for (const [i, issue] of c.issues.entries()) {
      const w = c.weight[short]![i]!;
      if (!issue.divisible || w <= 0) continue;
      const delta = need / w;
      // The donor with the most room after the move; it may dip within tolerance below its own
      // floor, to be made whole on another issue in the next round (a chain of hairs).
      let donor = -1;
      let room = -TOLERANCE;
      c.parties.forEach((_, q) => {
        const after = u[q]! - c.weight[q]![i]! * delta - floor[q]!;
        if (q !== short && share[i]![q]! >= delta && after > room) {
          donor = q;
          room = after;
        }
      });
      if (donor < 0) continue;
      share[i]![donor] = share[i]![donor]! - delta;
      share[i]![short] = share[i]![short]! + delta;
      moved = true;
      break;
    }
    if (!moved) return scored;
    u = utilitiesOf(c, { choice, share });
  }
  return meetsFloor(u, floor) ? { package: { choice, share }, utilities: u } : scored;
}
