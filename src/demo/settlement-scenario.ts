/**
 * The demo's settlement analysis. The report tells where each side stands (Russia: no
 * solution without territory; Kyiv: giving up the whole Donbas or NATO is a non-starter;
 * the allies: the plan leans towards Moscow), not what the sides would trade. So the options
 * below follow the public debate and every number is ILLUSTRATIVE, invented to show the
 * tool, not anyone's real preference. The United States brokers the plan and does not score.
 */
export interface DemoSettlementIssue {
  key: string;
  label: string;
  point: string | null;
  options: { key: string; label: string }[];
}

export const settlementParties = ['ru', 'ua', 'eu'] as const;

export const settlementIssues: DemoSettlementIssue[] = [
  { key: 'territory', label: 'Donbas and the line of contact', point: 'donbas', options: [
    { key: 'whole-donbas', label: 'Whole Donbas to Russia' },
    { key: 'dmz', label: 'Demilitarised zone in the unheld Donbas' },
    { key: 'current-line', label: 'Freeze on the current line' },
    { key: 'pre-2022', label: 'Return to the lines before February 2022' },
  ] },
  { key: 'nato', label: 'NATO membership', point: 'nato', options: [
    { key: 'renounce', label: 'Renounced in the constitution' },
    { key: 'moratorium', label: 'Twenty-year moratorium' },
    { key: 'open', label: 'The door stays open' },
  ] },
  { key: 'guarantees', label: 'Security guarantees', point: 'guarantees', options: [
    { key: 'art5-like', label: 'Guarantee modelled on Article 5' },
    { key: 'coalition', label: 'Coalition of guarantors, no troops' },
    { key: 'none', label: 'No external guarantees' },
  ] },
  { key: 'army', label: 'Size of the armed forces', point: 'armed-forces', options: [
    { key: 'cap-600k', label: 'Capped at 600,000' },
    { key: 'cap-800k', label: 'Capped at 800,000' },
    { key: 'no-cap', label: 'No cap' },
  ] },
  { key: 'sanctions', label: 'Sanctions relief', point: 'sanctions', options: [
    { key: 'lifted', label: 'Lifted on signature' },
    { key: 'phased', label: 'Phased, tied to compliance' },
    { key: 'kept', label: 'Kept until full withdrawal' },
  ] },
  { key: 'assets', label: 'Frozen Russian assets', point: null, options: [
    { key: 'returned', label: 'Returned to Russia' },
    { key: 'split', label: 'Half to a reconstruction fund' },
    { key: 'reconstruction', label: 'All to reconstruction' },
  ] },
];

type Ratings = Record<string, Record<string, number>>;
export interface DemoScores { by: string; share: 'none' | 'mediator' | 'parties'; weights: Record<string, number>; ratings: Ratings; unacceptable: string[]; batna: number }

export const settlementScores: Record<(typeof settlementParties)[number], DemoScores> = {
  ru: {
    by: 'ushakov', share: 'mediator', batna: 25,
    weights: { territory: 35, nato: 25, guarantees: 10, army: 10, sanctions: 12, assets: 8 },
    ratings: {
      territory: { 'whole-donbas': 100, dmz: 70, 'current-line': 35, 'pre-2022': 0 },
      nato: { renounce: 100, moratorium: 55, open: 0 },
      guarantees: { 'art5-like': 0, coalition: 50, none: 100 },
      army: { 'cap-600k': 100, 'cap-800k': 70, 'no-cap': 0 },
      sanctions: { lifted: 100, phased: 55, kept: 0 },
      assets: { returned: 100, split: 45, reconstruction: 0 },
    },
    // "Without territory, no solution."
    unacceptable: ['territory:pre-2022', 'nato:open'],
  },
  ua: {
    by: 'ua-team', share: 'parties', batna: 20,
    weights: { territory: 30, nato: 15, guarantees: 30, army: 10, sanctions: 5, assets: 10 },
    ratings: {
      territory: { 'whole-donbas': 0, dmz: 35, 'current-line': 70, 'pre-2022': 100 },
      nato: { renounce: 0, moratorium: 50, open: 100 },
      guarantees: { 'art5-like': 100, coalition: 60, none: 0 },
      army: { 'cap-600k': 20, 'cap-800k': 75, 'no-cap': 100 },
      sanctions: { lifted: 0, phased: 60, kept: 100 },
      assets: { returned: 0, split: 50, reconstruction: 100 },
    },
    // Handing over the whole Donbas and giving up NATO are "non-starters".
    unacceptable: ['territory:whole-donbas', 'nato:renounce'],
  },
  eu: {
    by: 'eu-team', share: 'mediator', batna: 30,
    weights: { territory: 15, nato: 15, guarantees: 30, army: 10, sanctions: 20, assets: 10 },
    ratings: {
      territory: { 'whole-donbas': 0, dmz: 40, 'current-line': 75, 'pre-2022': 100 },
      nato: { renounce: 0, moratorium: 60, open: 100 },
      guarantees: { 'art5-like': 100, coalition: 70, none: 0 },
      army: { 'cap-600k': 10, 'cap-800k': 70, 'no-cap': 100 },
      sanctions: { lifted: 0, phased: 70, kept: 100 },
      assets: { returned: 0, split: 60, reconstruction: 100 },
    },
    unacceptable: ['guarantees:none'],
  },
};

/** The mediator's first sketch, shared with the parties and taken as the baseline. */
export const settlementSketch: Record<string, string> = {
  territory: 'current-line', nato: 'moratorium', guarantees: 'coalition', army: 'cap-600k', sanctions: 'phased', assets: 'split',
};
