/**
 * The demo negotiation, read off the seed report (src/demo/seed, an Urdu news report of
 * the Kremlin round of 2 December 2025). Everything the report says is modelled as it
 * says it; what it does not give (the plan's wording) is written here as illustrative text
 * and flagged `illustrative`, never passed off as the real plan.
 */

export const DEMO_NEGOTIATION_ID = 'd5d1f4a1-2c48-4223-9000-000000000001';
export const SEED_FILE = '000_d5d1f4a12c482239.txt';

type L = Record<string, string>;

export interface DemoPerson { key: string; names: L; aliases: string[]; title: L; party: string }
export interface DemoPoint { key: string; section: string; tags: string[]; texts: L }

export const negotiation = {
  title: {
    en: 'Ukraine peace framework (demo built from a news report)',
    ur: 'یوکرین امن فریم ورک (ایک خبر سے بنایا گیا نمونہ)',
    ru: 'Рамочный мирный план по Украине (демо по новостному сообщению)',
    uk: 'Рамковий мирний план щодо України (демо за новинним повідомленням)',
  },
  description: {
    en: 'Built from one Urdu news report of the Russia–United States talks in Moscow on 2 December 2025. Parties, people, rounds, positions and quotations follow the report; the plan\'s point texts are illustrative, not the real plan.',
    ur: '2 دسمبر 2025 کو ماسکو میں روس اور امریکہ کے مذاکرات کی ایک اردو خبر سے بنایا گیا۔ منصوبے کے نکات کی عبارت صرف مثال کے طور پر ہے، اصل منصوبہ نہیں۔',
    ru: 'Построено по одному сообщению на урду о переговорах России и США в Москве 2 декабря 2025 года. Тексты пунктов плана иллюстративны и не являются реальным планом.',
  },
  languages: ['en', 'ur', 'ru', 'uk'],
  draftingLanguage: 'en',
};

export const parties = [
  { key: 'ru', shortName: 'Russia', broker: false, name: { en: 'Russia', ur: 'روس', ru: 'Россия', uk: 'Росія' } },
  { key: 'us', shortName: 'United States', broker: true, name: { en: 'United States', ur: 'امریکہ', ru: 'США', uk: 'США' } },
  { key: 'ua', shortName: 'Ukraine', broker: false, name: { en: 'Ukraine', ur: 'یوکرین', ru: 'Украина', uk: 'Україна' } },
  { key: 'eu', shortName: 'European allies', broker: false, name: { en: "Ukraine's European allies", ur: 'یوکرین کے یورپی اتحادی', ru: 'европейские союзники Украины', uk: 'європейські союзники України' } },
] as const;

/** Names as the report spells them (Urdu), with English and Russian forms and the short forms reports use. */
export const persons: DemoPerson[] = [
  { key: 'putin', party: 'ru', names: { en: 'Vladimir Putin', ur: 'ولادیمیر پوتن', ru: 'Владимир Путин' }, aliases: ['Putin', 'پوتن', 'Путин', 'Путін'], title: { en: 'President of Russia', ur: 'روس کے صدر', ru: 'Президент России' } },
  { key: 'ushakov', party: 'ru', names: { en: 'Yuri Ushakov', ur: 'یوری اوشاکوف', ru: 'Юрий Ушаков' }, aliases: ['Ushakov', 'اوشاکوف', 'Ушаков'], title: { en: 'Senior adviser to President Putin', ur: 'صدر پوتن کے سینئر مشیر', ru: 'Помощник президента России' } },
  { key: 'witkoff', party: 'us', names: { en: 'Steve Witkoff', ur: 'سٹیو وِٹکوف', ru: 'Стив Уиткофф' }, aliases: ['Witkoff', 'وِٹکوف', 'وٹکوف', 'اسٹیو وٹکوف', 'Уиткофф', 'Віткофф'], title: { en: 'US special envoy', ur: 'امریکی خصوصی ایلچی', ru: 'Специальный посланник США' } },
  { key: 'kushner', party: 'us', names: { en: 'Jared Kushner', ur: 'جیرڈ کشنر', ru: 'Джаред Кушнер' }, aliases: ['Kushner', 'کشنر', 'Кушнер'], title: { en: "President Trump's son-in-law", ur: 'صدر ٹرمپ کے داماد', ru: 'Зять президента Трампа' } },
  { key: 'trump', party: 'us', names: { en: 'Donald Trump', ur: 'ڈونلڈ ٹرمپ', ru: 'Дональд Трамп' }, aliases: ['Trump', 'ٹرمپ', 'Трамп'], title: { en: 'President of the United States', ur: 'امریکی صدر', ru: 'Президент США' } },
  { key: 'rubio', party: 'us', names: { en: 'Marco Rubio', ur: 'مارکو روبیو', ru: 'Марко Рубио' }, aliases: ['Rubio', 'روبیو', 'Рубио'], title: { en: 'US Secretary of State', ur: 'امریکی وزیر خارجہ', ru: 'Государственный секретарь США' } },
];

/** Who acts in the demo. The report names no Ukrainian or European official, so those seats are offices. */
export const members = [
  { key: 'putin', party: 'ru', role: 'principal', person: 'putin', displayName: 'Vladimir Putin' },
  { key: 'ushakov', party: 'ru', role: 'negotiator', person: 'ushakov', displayName: 'Yuri Ushakov' },
  { key: 'trump', party: 'us', role: 'principal', person: 'trump', displayName: 'Donald Trump' },
  { key: 'witkoff', party: 'us', role: 'negotiator', person: 'witkoff', displayName: 'Steve Witkoff' },
  { key: 'kushner', party: 'us', role: 'advisor', person: 'kushner', displayName: 'Jared Kushner' },
  { key: 'rubio', party: 'us', role: 'negotiator', person: 'rubio', displayName: 'Marco Rubio' },
  { key: 'ua-head', party: 'ua', role: 'principal', person: null, displayName: 'Head of the Ukrainian delegation' },
  { key: 'ua-team', party: 'ua', role: 'negotiator', person: null, displayName: 'Ukrainian negotiating team' },
  { key: 'eu-head', party: 'eu', role: 'principal', person: null, displayName: "European allies' coordinator" },
  { key: 'eu-team', party: 'eu', role: 'negotiator', person: null, displayName: "European allies' drafting team" },
  { key: 'eu-observer', party: 'eu', role: 'observer', person: null, displayName: 'European observer' },
] as const;

export const sections = [
  { key: 'sovereignty', title: { en: 'Sovereignty and security', ur: 'خودمختاری اور سلامتی', ru: 'Суверенитет и безопасность' } },
  { key: 'territory', title: { en: 'Territory', ur: 'علاقے', ru: 'Территории' } },
  { key: 'economy', title: { en: 'Economy and reconstruction', ur: 'معیشت اور تعمیر نو', ru: 'Экономика и восстановление' } },
  { key: 'implementation', title: { en: 'Humanitarian questions and implementation', ur: 'انسانی مسائل اور عمل درآمد', ru: 'Гуманитарные вопросы и выполнение' } },
];

const note = '[Illustrative text: the report does not give the plan\'s wording.] ';

/** Version 1: "Trump's peace plan, made public last month". Illustrative wording throughout. */
export const planV1: DemoPoint[] = [
  { key: 'sovereignty', section: 'sovereignty', tags: ['state-definition/nature-of-state', 'security-sector'], texts: {
    en: `${note}The sovereignty of Ukraine is confirmed.`,
    ur: 'یوکرین کی خودمختاری کی توثیق کی جاتی ہے۔',
    ru: 'Суверенитет Украины подтверждается.' } },
  { key: 'non-aggression', section: 'sovereignty', tags: ['security-sector/ceasefire'], texts: {
    en: `${note}Russia, Ukraine and Europe conclude a comprehensive non-aggression agreement; outstanding questions of the last thirty years are considered settled.`,
    ur: 'روس، یوکرین اور یورپ ایک جامع عدم جارحیت معاہدہ کریں گے۔',
    ru: 'Россия, Украина и Европа заключают всеобъемлющее соглашение о ненападении.' } },
  { key: 'guarantees', section: 'sovereignty', tags: ['security-sector/security-guarantees'], texts: {
    en: `${note}Ukraine receives reliable security guarantees.`,
    ur: 'یوکرین کو قابل اعتماد سلامتی کی ضمانتیں دی جائیں گی۔',
    ru: 'Украина получает надёжные гарантии безопасности.' } },
  { key: 'nato', section: 'sovereignty', tags: ['security-sector/security-guarantees', 'alliances/nato-membership'], texts: {
    en: `${note}Ukraine agrees to enshrine in its constitution that it will not join NATO, and NATO agrees not to admit Ukraine in the future.`,
    ur: 'یوکرین اپنے آئین میں درج کرے گا کہ وہ نیٹو میں شامل نہیں ہو گا۔',
    ru: 'Украина закрепляет в конституции отказ от вступления в НАТО.' } },
  { key: 'armed-forces', section: 'sovereignty', tags: ['security-sector/armed-forces'], texts: {
    en: `${note}The Armed Forces of Ukraine are limited to 600,000 personnel.`,
    ur: 'یوکرین کی مسلح افواج کی تعداد 600,000 تک محدود ہو گی۔',
    ru: 'Численность Вооружённых сил Украины ограничивается 600 000 человек.' } },
  { key: 'donbas', section: 'territory', tags: ['state-definition/border-delimitation', 'land-property-and-environment'], texts: {
    en: `${note}Ukrainian forces withdraw from the part of the Donetsk region they control; the whole of the Donbas is recognised de facto as Russian.`,
    ur: 'یوکرینی افواج دونیتسک کے زیر کنٹرول حصے سے نکل جائیں گی؛ پورے ڈونباس کو عملاً روسی تسلیم کیا جائے گا۔',
    ru: 'Украинские силы выводятся из контролируемой ими части Донецкой области; весь Донбасс де-факто признаётся российским.' } },
  { key: 'line-of-contact', section: 'territory', tags: ['security-sector/ceasefire', 'state-definition/border-delimitation'], texts: {
    en: `${note}In the Kherson and Zaporizhzhia regions the front is frozen along the line of contact.`,
    ur: 'خیرسون اور زاپوریژیا کے علاقوں میں محاذ رابطے کی لکیر پر منجمد کر دیا جائے گا۔',
    ru: 'В Херсонской и Запорожской областях фронт замораживается по линии соприкосновения.' } },
  { key: 'sanctions', section: 'economy', tags: ['socio-economic-reconstruction', 'sanctions'], texts: {
    en: `${note}Sanctions on Russia are lifted in stages and Russia is invited back into the G8.`,
    ur: 'روس پر پابندیاں مرحلہ وار ختم کی جائیں گی۔',
    ru: 'Санкции против России снимаются поэтапно.' } },
  { key: 'reconstruction', section: 'economy', tags: ['socio-economic-reconstruction/international-funds'], texts: {
    en: `${note}Frozen Russian assets fund the reconstruction of Ukraine under US-led management.`,
    ur: 'منجمد روسی اثاثے امریکی قیادت میں یوکرین کی تعمیر نو پر خرچ ہوں گے۔',
    ru: 'Замороженные российские активы направляются на восстановление Украины.' } },
  { key: 'humanitarian', section: 'implementation', tags: ['transitional-justice/prisoner-release', 'groups/refugees-displaced-persons'], texts: {
    en: `${note}All prisoners and bodies are exchanged on an all-for-all basis; civilian detainees and children are returned.`,
    ur: 'تمام قیدیوں کا تبادلہ "سب کے بدلے سب" کی بنیاد پر ہو گا۔',
    ru: 'Обмен всех пленных по принципу «всех на всех».' } },
  { key: 'elections', section: 'implementation', tags: ['governance/elections'], texts: {
    en: `${note}Ukraine holds elections within 100 days of signature.`,
    ur: 'یوکرین دستخط کے 100 دن کے اندر انتخابات کرائے گا۔',
    ru: 'Украина проводит выборы в течение 100 дней после подписания.' } },
  { key: 'peace-council', section: 'implementation', tags: ['implementation/enforcement-mechanism'], texts: {
    en: `${note}Implementation is monitored by a Peace Council chaired by the President of the United States.`,
    ur: 'عمل درآمد کی نگرانی امریکی صدر کی سربراہی میں امن کونسل کرے گی۔',
    ru: 'Выполнение контролирует Совет мира под председательством президента США.' } },
];

/** "Then that version was revised": after the Florida round the broker reworded and cut points. */
export interface DemoAmendment { key: string; kind: 'replace' | 'insert' | 'delete'; point: string | null; after?: string; justification: string; texts: L }

export const revisionV2: { label: string; note: string; amendments: DemoAmendment[] } = {
  label: 'v2 (revised after Florida)',
  note: 'Revised after the talks in Florida between US officials and the Ukrainian team.',
  amendments: [
    { key: 'us-armed-forces', kind: 'replace', point: 'armed-forces', justification: 'Raised the ceiling after talks with the Ukrainian team.', texts: {
      en: `${note}The Armed Forces of Ukraine are limited to 800,000 personnel in peacetime.`,
      ur: 'امن کے زمانے میں یوکرین کی مسلح افواج کی تعداد 800,000 تک محدود ہو گی۔',
      ru: 'Численность Вооружённых сил Украины в мирное время ограничивается 800 000 человек.' } },
    { key: 'us-donbas', kind: 'replace', point: 'donbas', justification: 'Territorial questions left to the leaders.', texts: {
      en: `${note}The future of the Donetsk and Luhansk regions is to be settled by the leaders at a meeting after the other points are agreed.`,
      ur: 'دونیتسک اور لوہانسک کے مستقبل کا فیصلہ دیگر نکات پر اتفاق کے بعد رہنماؤں کی ملاقات میں ہو گا۔',
      ru: 'Будущее Донецкой и Луганской областей решается лидерами на встрече после согласования остальных пунктов.' } },
    { key: 'us-reconstruction', kind: 'delete', point: 'reconstruction', justification: 'Moved to a separate economic track.', texts: {} },
  ],
};

/** "And now a few more points have come up": added before the Kremlin round, then versioned. */
export const additionsV3 = {
  label: 'v3 (points added before the Kremlin round)',
  note: 'A few more points came up before the talks in Moscow.',
  points: [
    { key: 'nuclear-plant', section: 'economy', tags: ['socio-economic-reconstruction/natural-resources'], texts: {
      en: `${note}The Zaporizhzhia nuclear power plant restarts under IAEA supervision and its electricity is shared.`,
      ur: 'زاپوریژیا جوہری بجلی گھر آئی اے ای اے کی نگرانی میں دوبارہ چلایا جائے گا۔',
      ru: 'Запорожская АЭС возобновляет работу под надзором МАГАТЭ.' } },
    { key: 'amnesty', section: 'implementation', tags: ['transitional-justice/amnesty-pardon'], texts: {
      en: `${note}All parties to the conflict receive a full amnesty for acts committed during the war.`,
      ur: 'جنگ کے دوران کیے گئے اقدامات پر تنازع کے تمام فریقوں کو عام معافی دی جائے گی۔',
      ru: 'Все стороны конфликта получают полную амнистию за действия во время войны.' } },
    { key: 'exchange', section: 'implementation', tags: ['transitional-justice/prisoner-release'], texts: {
      en: `${note}Within thirty (30) days of the signature of this Agreement, the Parties shall exchange all prisoners of war, civilian detainees and political prisoners on an "all for all" basis, under the supervision of the International Committee of the Red Cross. Persons detained since 24 February 2022 shall be released first, and no later than 1 March 2026. The remains of the dead shall be returned within ninety (90) days, together with personal effects, documents and identification. Each Party shall submit complete lists of detainees, burial sites and missing persons, and shall cooperate toward the identification of at least eighty per cent of the missing within twelve (12) months. Families shall be informed through the Red Cross, the ombudspersons or appointed representatives.`,
      ur: 'اس معاہدے پر دستخط کے تیس (30) دن کے اندر فریقین «سب کے بدلے سب» کی بنیاد پر تمام جنگی قیدیوں اور زیرِ حراست شہریوں کا تبادلہ کریں گے۔ 24 فروری 2022 سے زیرِ حراست افراد کو پہلے رہا کیا جائے گا۔',
      ru: 'В течение тридцати (30) дней с момента подписания настоящего Соглашения Стороны обменяются всеми военнопленными и задержанными гражданскими лицами по принципу «всех на всех» под наблюдением Международного комитета Красного Креста. Лица, задержанные с 24 февраля 2022 г., освобождаются в первую очередь. Останки погибших передаются в течение девяноста (90) дней. Стороны передают полные списки задержанных, мест захоронений и пропавших без вести и ведут совместный поиск ещё не найденных лиц.' } },
  ] satisfies DemoPoint[],
};

/**
 * Wording variants the mediator approved on version 3, besides every one the app suggested:
 * equivalent phrasings a drafter would accept, each a slot that survives retyping (docs/tracing.md).
 * Illustrative, like the text they vary.
 */
export const approvedVariantsV3: { point: string; lang: string; original: string; alternative: string }[] = [
  { point: 'exchange', lang: 'en', original: 'no later than', alternative: 'not later than' },
  { point: 'exchange', lang: 'en', original: 'the signature of this Agreement', alternative: 'the signing of this Agreement' },
  { point: 'exchange', lang: 'en', original: 'shall be released first', alternative: 'shall be the first released' },
  { point: 'exchange', lang: 'en', original: 'The remains of the dead', alternative: 'The remains of the deceased' },
  { point: 'exchange', lang: 'en', original: 'Each Party', alternative: 'Every Party' },
  { point: 'exchange', lang: 'en', original: 'complete lists', alternative: 'full lists' },
  { point: 'exchange', lang: 'en', original: 'at least', alternative: 'no less than' },
  { point: 'exchange', lang: 'en', original: 'shall cooperate', alternative: 'shall co-operate' },
  { point: 'exchange', lang: 'en', original: 'Families shall be informed', alternative: 'Families shall be notified' },
  { point: 'exchange', lang: 'en', original: 'under the supervision of', alternative: 'under the oversight of' },
  { point: 'exchange', lang: 'en', original: 'together with', alternative: 'along with' },
  { point: 'exchange', lang: 'ru', original: 'в первую очередь', alternative: 'прежде всего' },
];

/** The European allies' amendments: proposed, and called "absolutely unacceptable" by Moscow. */
export const europeanAmendments: DemoAmendment[] = [
  { key: 'eu-nato', kind: 'replace', point: 'nato', justification: 'Membership of the Alliance is for its members and Ukraine to decide; no party outside NATO may veto it.', texts: {
    en: `${note}Ukraine's accession to NATO depends on the consensus of Alliance members, which does not exist at present.`,
    ur: 'نیٹو میں یوکرین کی شمولیت اتحاد کے ارکان کے اتفاق رائے پر منحصر ہے۔',
    ru: 'Вступление Украины в НАТО зависит от консенсуса членов Альянса.' } },
  { key: 'eu-territory', kind: 'replace', point: 'donbas', justification: 'Territorial talks must start from the line of contact, not from withdrawal.', texts: {
    en: `${note}Territorial questions are negotiated starting from the current line of contact.`,
    ur: 'علاقائی معاملات پر بات چیت موجودہ رابطے کی لکیر سے شروع ہو گی۔',
    ru: 'Территориальные вопросы обсуждаются начиная с текущей линии соприкосновения.' } },
  { key: 'eu-guarantees', kind: 'insert', point: null, after: 'guarantees', justification: 'Guarantees must be as strong as those between allies.', texts: {
    en: `${note}Security guarantees for Ukraine mirror Article 5 of the North Atlantic Treaty.`,
    ur: 'یوکرین کے لیے سلامتی کی ضمانتیں شمالی اٹلانٹک معاہدے کی شق 5 کے مطابق ہوں گی۔',
    ru: 'Гарантии безопасности Украине аналогичны статье 5 Североатлантического договора.' } },
];

type Level = 'accept' | 'discuss' | 'wording' | 'reject' | 'redline';
type Vis = 'party' | 'mediator' | 'parties' | 'public';
export interface DemoPosition { by: string; party: string; point?: string; amendment?: string; level: Level; reason?: string; visibility: Vis }

/** The positions the report describes, plus the broker's and allies' that it implies. */
export const positions: DemoPosition[] = [
  // Russia: territory is a red line ("no compromise so far", "no solution to the crisis" without it).
  { by: 'ushakov', party: 'ru', point: 'donbas', level: 'redline', visibility: 'mediator', reason: 'No compromise on territories has been reached so far; without it the Kremlin sees no solution to the crisis.' },
  // "Some American proposals seem more or less acceptable, but they need to be discussed."
  { by: 'ushakov', party: 'ru', point: 'non-aggression', level: 'discuss', visibility: 'parties', reason: 'More or less acceptable, needs discussion.' },
  { by: 'ushakov', party: 'ru', point: 'line-of-contact', level: 'discuss', visibility: 'mediator', reason: 'More or less acceptable, needs discussion.' },
  { by: 'ushakov', party: 'ru', point: 'humanitarian', level: 'discuss', visibility: 'parties' },
  { by: 'ushakov', party: 'ru', point: 'nuclear-plant', level: 'discuss', visibility: 'party' },
  // "Some of the wording proposed to us does not suit us."
  { by: 'ushakov', party: 'ru', point: 'guarantees', level: 'wording', visibility: 'mediator', reason: 'Some of the wording proposed to us does not suit us.' },
  { by: 'ushakov', party: 'ru', point: 'elections', level: 'wording', visibility: 'party', reason: 'The wording on timing does not suit us.' },
  // "We can agree on some things."
  { by: 'putin', party: 'ru', point: 'nato', level: 'accept', visibility: 'parties' },
  { by: 'putin', party: 'ru', point: 'sanctions', level: 'accept', visibility: 'parties' },
  { by: 'putin', party: 'ru', point: 'sovereignty', level: 'discuss', visibility: 'party', reason: 'Depends on the territorial settlement.' },
  // The European amendments: "demands that are absolutely unacceptable to Russia".
  { by: 'putin', party: 'ru', amendment: 'eu-nato', level: 'reject', visibility: 'parties', reason: 'Adds demands that are absolutely unacceptable to Russia.' },
  { by: 'putin', party: 'ru', amendment: 'eu-territory', level: 'reject', visibility: 'parties', reason: 'Adds demands that are absolutely unacceptable to Russia.' },
  { by: 'putin', party: 'ru', amendment: 'eu-guarantees', level: 'reject', visibility: 'parties', reason: 'Adds demands that are absolutely unacceptable to Russia.' },
  // Ukraine: ceding the whole Donbas and giving up NATO are non-starters.
  { by: 'ua-team', party: 'ua', point: 'donbas', level: 'reject', visibility: 'parties', reason: 'Handing over the whole eastern Donbas is a non-starter.' },
  { by: 'ua-team', party: 'ua', point: 'nato', level: 'reject', visibility: 'parties', reason: 'Giving up the bid to join NATO is a non-starter.' },
  { by: 'ua-team', party: 'ua', point: 'sovereignty', level: 'accept', visibility: 'parties' },
  { by: 'ua-team', party: 'ua', point: 'humanitarian', level: 'accept', visibility: 'parties' },
  { by: 'ua-team', party: 'ua', point: 'guarantees', level: 'discuss', visibility: 'mediator', reason: 'Guarantees must be binding.' },
  { by: 'ua-team', party: 'ua', point: 'armed-forces', level: 'discuss', visibility: 'party', reason: 'Acceptable after the Florida revision if the ceiling holds.' },
  { by: 'ua-team', party: 'ua', point: 'elections', level: 'wording', visibility: 'mediator', reason: 'Elections only after a durable ceasefire and martial law ends.' },
  // The broker stands by its plan.
  ...['sovereignty', 'non-aggression', 'guarantees', 'nato', 'armed-forces', 'donbas', 'line-of-contact', 'sanctions', 'humanitarian', 'elections', 'peace-council', 'nuclear-plant', 'amnesty']
    .map((point): DemoPosition => ({ by: 'witkoff', party: 'us', point, level: 'accept', visibility: 'parties' })),
  // European allies: concern that the plan leans towards Moscow.
  { by: 'eu-team', party: 'eu', point: 'nato', level: 'wording', visibility: 'parties', reason: 'Leans too far towards Moscow; see our amendment.' },
  { by: 'eu-team', party: 'eu', point: 'donbas', level: 'reject', visibility: 'parties', reason: 'Leans too far towards Moscow; see our amendment.' },
  { by: 'eu-team', party: 'eu', point: 'guarantees', level: 'wording', visibility: 'parties', reason: 'Guarantees must mirror Article 5.' },
  { by: 'eu-team', party: 'eu', point: 'sovereignty', level: 'accept', visibility: 'parties' },
  { by: 'eu-team', party: 'eu', point: 'sanctions', level: 'discuss', visibility: 'mediator', reason: 'Sanctions relief only in step with implementation.' },
];

export const rounds = {
  florida: {
    title: { en: 'Talks in Florida: US officials and the Ukrainian team', ur: 'فلوریڈا میں امریکی حکام اور یوکرینی ٹیم کی بات چیت', ru: 'Переговоры во Флориде: официальные лица США и украинская команда' },
    // The report says only "a few days before" 2 December.
    startsAt: '2025-11-30T15:00:00Z',
    place: { en: 'Florida, United States', ur: 'فلوریڈا، امریکہ', ru: 'Флорида, США' },
    format: 'bilateral' as const,
    parties: ['us', 'ua'],
    attendees: ['rubio', 'witkoff', 'kushner'],
    publicReadout: {
      en: 'US Secretary of State Marco Rubio described the talks in cautiously optimistic terms.',
      ur: 'امریکی وزیر خارجہ مارکو روبیو نے بات چیت کو محتاط انداز میں پر امید الفاظ میں بیان کیا۔',
    },
    points: ['armed-forces', 'donbas', 'elections'],
  },
  kremlin: {
    title: { en: 'Talks in the Kremlin', ur: 'کریملن میں مذاکرات', ru: 'Переговоры в Кремле' },
    // "Talks that began late on Tuesday" (2 December 2025, Moscow time) and lasted "five hours".
    startsAt: '2025-12-02T19:00:00+03:00',
    durationMinutes: 300,
    place: { en: 'The Kremlin, Moscow', ur: 'کریملن، ماسکو', ru: 'Кремль, Москва' },
    format: 'bilateral' as const,
    parties: ['ru', 'us'],
    attendees: ['putin', 'ushakov', 'witkoff', 'kushner'],
    confidentiality: {
      nonDisclosure: true,
      terms: {
        en: 'The sides agreed not to disclose what was discussed.',
        ur: 'فریقین نے مذاکرات میں ہوئی بات چیت کو ظاہر نہ کرنے پر اتفاق کیا۔',
        ru: 'Стороны договорились не разглашать содержание переговоров.',
      },
    },
    publicReadout: {
      en: 'Ushakov called the five-hour talks "useful, constructive and meaningful": the framework of the US proposal was discussed rather than specific wording; no compromise on territories so far; contacts will continue.',
      ur: 'اوشاکوف نے پانچ گھنٹے تک چلی بات چیت کو "مفید، تعمیری اور اہم" قرار دیا۔',
    },
    points: ['donbas', 'nato', 'guarantees', 'non-aggression'],
    readouts: <{ by: string; visibility: 'party' | 'mediator'; text: L }[]>[
      { by: 'ushakov', visibility: 'party', text: { en: 'Illustrative private readout: the President confirmed to his negotiators which points we can agree on; territory remains the condition for everything else.', ru: 'Иллюстративная запись: президент подтвердил переговорщикам, по каким пунктам возможна договорённость; территориальный вопрос остаётся условием для всего остального.' } },
      { by: 'witkoff', visibility: 'mediator', text: { en: 'Illustrative private readout: Moscow open on non-aggression and humanitarian points; firm on Donbas; rejects every European amendment.' } },
    ],
  },
};

export interface DemoStatement {
  line: number; speaker: string; asNamed: string; kind: 'speech' | 'phrase' | 'reported';
  quote: string; en: string; points: string[]; stance: Level | null;
}

/**
 * The 13 quotations of the report (answer key in src/demo/seed/README.md), exactly as in
 * the file without their marks. The report is dated Wednesday 3 December 2025.
 */
export const statements: DemoStatement[] = [
  { line: 4, speaker: 'ushakov', asNamed: 'اوشاکوف', kind: 'phrase', quote: 'مفید، تعمیری اور اہم', en: 'useful, constructive and meaningful', points: [], stance: null },
  { line: 4, speaker: 'ushakov', asNamed: 'اوشاکوف', kind: 'phrase', quote: 'مخصوص الفاظ', en: 'specific wording', points: [], stance: null },
  { line: 4, speaker: 'ushakov', asNamed: 'اوشاکوف', kind: 'speech', quote: 'دور نہیں، یہ یقینی بات ہے۔', en: 'Not far, that is certain.', points: [], stance: null },
  { line: 5, speaker: 'ushakov', asNamed: 'اوشاکوف', kind: 'speech', quote: 'لیکن واشنگٹن اور ماسکو دونوں کو ابھی بہت کام کرنا باقی ہے۔ اسی پر اتفاق ہوا ہے اور رابطے جاری رہیں گے۔', en: 'But both Washington and Moscow still have a lot of work to do. That is what was agreed, and contacts will continue.', points: [], stance: null },
  { line: 5, speaker: 'ushakov', asNamed: 'پوتن کے معاون', kind: 'speech', quote: 'اب تک کوئی سمجھوتہ نہیں ہو سکا۔', en: 'No compromise has been reached so far.', points: ['donbas'], stance: 'redline' },
  { line: 5, speaker: 'ushakov', asNamed: 'پوتن کے معاون', kind: 'phrase', quote: 'بحران کا کوئی حل', en: 'no solution to the crisis', points: ['donbas'], stance: 'redline' },
  { line: 6, speaker: 'ushakov', asNamed: 'اوشاکوف', kind: 'speech', quote: 'کچھ امریکی تجاویز کم و بیش قابل قبول معلوم ہوتی ہیں، لیکن ان پر بات کرنے کی ضرورت ہے۔ کچھ الفاظ جو ہمیں تجویز کیے گئے تھے وہ ہمارے موافق نہیں ہیں۔ لہذا، کام جاری رہے گا۔', en: 'Some American proposals seem more or less acceptable, but they need to be discussed. Some of the wording proposed to us does not suit us. So the work will continue.', points: ['non-aggression', 'guarantees'], stance: 'discuss' },
  { line: 7, speaker: 'ushakov', asNamed: 'انہوں', kind: 'speech', quote: 'ہم کچھ چیزوں پر متفق ہو سکتے ہیں، اور صدر نے اپنے مذاکرات کاروں سے اس کی تصدیق کی۔ دیگر کچھ چیزوں پر اعتراض ہے اور صدر نے بھی متعدد تجاویز کے بارے میں ہمارے تنقیدی اور حتیٰ کہ منفی رویے کو نہیں چھپایا۔', en: 'We can agree on some things, and the President confirmed this to his negotiators. There are objections to some other things, and the President did not hide our critical and even negative attitude to a number of proposals.', points: [], stance: null },
  { line: 10, speaker: 'ushakov', asNamed: 'اہلکار', kind: 'speech', quote: 'پہلے تو ایک ورژن تھا، پھر اس ورژن پر نظر ثانی کی گئی، اور اب چند اور نکات سامنے آئے۔', en: 'First there was one version, then that version was revised, and now a few more points have come up.', points: [], stance: null },
  { line: 11, speaker: 'putin', asNamed: 'پوتن', kind: 'speech', quote: 'ان کے پاس امن کا ایجنڈا نہیں ہے، وہ جنگ کی حمایت میں ہیں۔', en: 'They have no peace agenda, they are on the side of war.', points: [], stance: null },
  { line: 12, speaker: 'putin', asNamed: 'انہوں', kind: 'phrase', quote: 'ایسے مطالبات کا اضافہ کر رہا ہے جو روس کے لیے قطعی طور پر ناقابل قبول ہیں۔', en: 'adding demands that are absolutely unacceptable to Russia', points: [], stance: 'reject' },
  { line: 12, speaker: 'putin', asNamed: 'ماسکو', kind: 'phrase', quote: 'مکمل امن عمل کو مسدود کرنے', en: 'blocking the whole peace process', points: [], stance: null },
  { line: 12, speaker: 'putin', asNamed: 'پوتن', kind: 'speech', quote: 'لیکن اگر یورپ اچانک ہمارے ساتھ جنگ چھیڑنا چاہتا ہے اور اسے شروع کر دیتا ہے تو ہم فوراً تیار ہیں۔ اس میں کسی کو کوئی کوئی شک نہیں ہونا چاہیے۔', en: 'But if Europe suddenly wants to start a war with us and starts it, we are ready immediately. No one should have any doubt about that.', points: [], stance: null },
];

export const statementSource = {
  title: 'Urdu news report of the Kremlin talks (seed of the demo)',
  publisher: 'news report in Urdu',
  url: `seed:${SEED_FILE}`,
  date: '2025-12-03',
};
