/**
 * Point tags start from the PA-X Peace Agreements Database categories (PeaceRep,
 * University of Edinburgh; see docs/taxonomy.md): 14 categories and their issues, with the
 * PA-X numeric ids so tags can be matched against PA-X coded agreements. A negotiation may
 * add its own tags (any lower-case slug); these are the shared starting vocabulary.
 */
export interface TaxonomyEntry {
  /** Stable tag: `category` or `category/issue`, lower-case slugs. */
  tag: string;
  label: string;
  paxId: number;
  parent: string | null;
}

const tree: ReadonlyArray<[number, string, ReadonlyArray<[number, string]>]> = [
  [1, 'Groups', [[27, 'Children/youth'], [39, 'Disabled persons'], [49, 'Elderly/age'], [59, 'Migrant workers'], [73, 'Racial/ethnic/national group'], [80, 'Religious groups'], [95, 'Indigenous people'], [99, 'Other groups'], [103, 'Refugees/displaced persons'], [107, 'Social class']]],
  [2, 'Gender', [[25, 'Women, girls and gender'], [40, 'Men and boys'], [47, 'LGBTI'], [62, 'Family']]],
  [3, 'State definition', [[21, 'Nature of state (general)'], [34, 'State configuration'], [46, 'Self determination'], [56, 'Referendum'], [79, 'State symbols'], [86, 'Independence/secession'], [92, 'Accession/unification'], [98, 'Border delimitation'], [101, 'Cross-border provision']]],
  [4, 'Governance', [[17, 'Political institutions (new or reformed)'], [42, 'Elections'], [51, 'Electoral commission'], [63, 'Political parties reform'], [70, 'Civil society'], [87, 'Traditional/religious leaders'], [93, 'Public administration'], [97, 'Constitution']]],
  [5, 'Power sharing', [[18, 'Political power sharing'], [31, 'Territorial power sharing'], [52, 'Economic power sharing'], [68, 'Military power sharing']]],
  [6, 'Human rights and equality', [[22, 'Human rights/RoL general'], [41, 'Bill of rights/similar'], [45, 'Treaty incorporation'], [57, 'Civil and political rights'], [75, 'Socio-economic rights']]],
  [7, 'Rights related issues', [[28, 'Citizenship'], [33, 'Democracy'], [54, 'Detention procedures'], [60, 'Media and communication'], [69, 'Mobility/access'], [84, 'Protection measures'], [90, 'Other']]],
  [8, 'Rights institutions', [[23, 'NHRI'], [35, 'Regional or international human rights institutions']]],
  [9, 'Justice sector reform', [[15, 'Criminal justice and emergency law'], [38, 'State of emergency provisions'], [55, 'Judiciary and courts'], [65, 'Prisons and detention'], [76, 'Traditional Laws']]],
  [10, 'Socio-economic reconstruction', [[20, 'Development or socio-economic reconstruction'], [32, 'National economic plan'], [43, 'Natural resources'], [67, 'International funds'], [77, 'Business'], [83, 'Taxation'], [89, 'Banks']]],
  [11, 'Land, property and environment', [[19, 'Land reform/rights'], [29, 'Pastoralist/nomadism rights'], [48, 'Cultural heritage'], [66, 'Environment'], [71, 'Water or riparian rights or access']]],
  [12, 'Security sector', [[26, 'Security Guarantees'], [36, 'Ceasefire'], [53, 'Police'], [64, 'Armed forces'], [74, 'DDR'], [81, 'Intelligence services'], [88, 'Parastatal/rebel and opposition group forces'], [100, 'Withdrawal of foreign forces'], [102, 'Corruption'], [105, 'Crime/organised crime'], [108, 'Drugs'], [109, 'Terrorism']]],
  [13, 'Transitional justice', [[24, 'Transitional justice general'], [37, 'Amnesty/pardon'], [44, 'Courts'], [58, 'Mechanism'], [72, 'Prisoner release'], [82, 'Vetting'], [94, 'Victims'], [96, 'Missing persons'], [104, 'Reparations'], [106, 'Reconciliation']]],
  [14, 'Implementation', [[16, 'UN signatory'], [30, 'Other international signatory'], [50, 'Referendum for agreement'], [61, 'International mission/force/similar'], [78, 'Enforcement mechanism']]],
];

export function slugify(label: string): string {
  return label.toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const paxTaxonomy: readonly TaxonomyEntry[] = tree.flatMap(([id, label, issues]) => {
  const parent = slugify(label);
  return [
    { tag: parent, label, paxId: id, parent: null },
    ...issues.map(([iid, ilabel]) => ({ tag: `${parent}/${slugify(ilabel)}`, label: ilabel, paxId: iid, parent })),
  ];
});

const known = new Map(paxTaxonomy.map((e) => [e.tag, e]));
export const taxonomyEntry = (tag: string): TaxonomyEntry | undefined => known.get(tag);

/** A negotiation's own tags are slugs too, so they sort and compare like PA-X ones. */
export const TAG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*(\/[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*)?$/u;
