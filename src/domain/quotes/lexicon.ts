/**
 * The words of the genre, per language: reporting verbs and phrases, the words that make a
 * cue introduce what follows (colon, "that"), pronouns and roles that stand for a person,
 * the nouns that announce a title in marks («Ведомости»), and place names that speak for
 * a government ("Moscow said"). All lists are folded (see fold.ts) once, at load.
 *
 * `*` at the end of a word accepts up to three more letters: Russian and Ukrainian verbs
 * and nouns inflect (заявил, заявила, заявили; помощника, помощнику).
 */
import { fold } from './fold.ts';

/** Where the speaker stands relative to the cue: `before` (SOV, "X said"), `after` ("said X", "according to X"), `either`. */
export type Side = 'before' | 'after' | 'either';

export interface CueEntry {
  readonly words: readonly string[];
  readonly lang: string;
  /** `according`: the speaker is the cue's object ("according to X", "X کے مطابق"). */
  readonly kind: 'verb' | 'according';
  readonly side: Side;
  readonly text: string;
}

function cues(lang: string, kind: 'verb' | 'according', side: Side, list: string): CueEntry[] {
  return list
    .split('|')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((text) => ({ text, lang, kind, side, words: text.split(/\s+/u).map((w) => (w.endsWith('*') ? fold(w.slice(0, -1)) + '*' : fold(w))) }));
}

export const CUES: readonly CueEntry[] = [
  ...cues('en', 'verb', 'either', `said|says|say|saying|told|tells|telling|added|adds|adding|stated|states|declared|declares|noted|notes|noting|stressed|stresses|stressing|emphasized|emphasised|emphasizing|insisted|insists|warned|warns|warning|explained|explains|argued|argues|asked|asks|replied|replies|responded|answered|wrote|writes|writing|posted|tweeted|announced|announces|claimed|claims|acknowledged|admitted|admits|continued|concluded|suggested|suggests|recalled|remarked|observed|commented|described|describing|called|calls|calling|accused|accuses|urged|urges|vowed|pledged|promised|predicted|complained|cautioned|conceded|confirmed|confirms|denied|denies|insisting|reiterated|repeated|signalled|signaled|maintained|countered|retorted|quipped|assured|announced|dismissed|rejected|branded|labelled|labeled|characterised|characterized|hailed|praised|welcomed|criticised|criticized|condemned|blamed|quoted`),
  ...cues('en', 'according', 'after', `according to|in the words of|quoting|quoted by|citing`),

  ...cues('ru', 'verb', 'either', `сказал*|заявил*|отметил*|подчеркнул*|добавил*|сообщил*|пояснил*|уточнил*|признал*|указал*|написал*|рассказал*|ответил*|констатировал*|заверил*|предупредил*|напомнил*|назвал*|обвинил*|призвал*|охарактеризовал*|высказал*|выразил*|продолжил*|резюмировал*|считает|полагает|говорит|говорил*|заявляет|отмечает|подчеркивает|подчёркивает|уверен|уверена|пишет|сказав|заявив|отметив|подчеркнув|добавив|пояснив|уточнив|назвав|говоря|признался|признавшись|сетовал*|посетовал*|возразил*|парировал*|убежден|настаивал*|настаивает|объяснил*|цитирует|процитировал*`),
  ...cues('ru', 'according', 'after', `по словам|по мнению|по утверждению|как сказал*|как заявил*|как отметил*|как подчеркнул*`),
  ...cues('ru', 'verb', 'either', `по его словам|по ее словам|по её словам|по их словам`),

  ...cues('uk', 'verb', 'either', `сказав|сказала|сказали|заявив|заявила|заявили|зазначив|зазначила|зазначили|наголосив|наголосила|наголосили|додав|додала|додали|повідомив|повідомила|повідомили|пояснив|пояснила|уточнив|уточнила|визнав|визнала|написав|написала|розповів|розповіла|відповів|відповіла|підкреслив|підкреслила|нагадав|нагадала|попередив|попередила|назвав|назвала|звинуватив|звинуватила|закликав|закликала|запевнив|запевнила|вважає|каже|говорить|заявляє|зазначає|наголошує|сказавши|заявивши|зазначивши|додавши|наголосивши|пише|переконаний|переконана|висловив|висловила|продовжив|продовжила|констатував|констатувала|прокоментував|прокоментувала|відзначив|відзначила`),
  // "— цитирует ТАСС пресс-секретаря Дмитрия Пескова": the speaker is the verb's object, after the outlet.
  ...cues('ru', 'according', 'after', `цитирует|цитируют|цитировал*|цитирует агентство|цитирует издание|цитирует газета`),
  ...cues('uk', 'according', 'after', `цитує|цитують|цитувал*|цитує агентство|цитує видання|цитує газета`),
  ...cues('uk', 'according', 'after', `за словами|на думку|як сказав|як заявив|як зазначив|як наголосив`),
  // "За його словами": the speaker is whoever "його" stands for.
  ...cues('uk', 'verb', 'either', `за його словами|за її словами|за їхніми словами|відповіли|зазначили|наголосили|заявили|сказали|додали|підкреслили|відповіла|відповів`),

  ...cues('ar', 'verb', 'after', `قال|قالت|قالوا|يقول|تقول|أكد|أكدت|يؤكد|أضاف|أضافت|يضيف|صرح|صرحت|أوضح|أوضحت|أشار|أشارت|لفت|شدد|شددت|أعلن|أعلنت|ذكر|ذكرت|اعتبر|اعتبرت|تابع|تابعت|كتب|كتبت|أفاد|أفادت|قائلا|قائلًا|قائلاً|مضيفا|مضيفًا|مضيفاً|مؤكدا|مؤكدًا|مؤكداً|متابعا|اتهم|اتهمت|وصف|وصفت|حذر|حذرت|دعا|دعت|أردف|استطرد|اعترف|نفى|أعرب|أعربت|ختم|زعم|لافتا|مشيرا|مشيرًا|مشيراً|واصل|علق|علّق|أجاب|رد`),
  ...cues('ar', 'verb', 'before', `قوله|قولها|تصريحه|تصريحها`),
  ...cues('ar', 'according', 'after', `بحسب|حسب|وفق|وفقا ل*|وفقًا ل*|وفقاً ل*|على حد قوله|على حد تعبير|نقلا عن|نقلًا عن|نقل عن|نقلت عن`),

  ...cues('fa', 'verb', 'before', `گفت|گفته|می‌گوید|میگوید|گفته است|اظهار کرد|اظهار داشت|افزود|تاکید کرد|تأکید کرد|اعلام کرد|خاطرنشان کرد|خاطر نشان کرد|توضیح داد|نوشت|اضافه کرد|تصریح کرد|عنوان کرد|ادامه داد|یادآور شد|هشدار داد|پاسخ داد|متهم کرد|توصیف کرد|خواند|دانست|تاکید دارد|معتقد است|گفتند|افزوده است|بیان کرد|بیان داشت`),
  ...cues('fa', 'according', 'after', `به گفته|بنا به گفته|به نقل از|از قول`),

  ...cues('ur', 'verb', 'before', `کہا|کہتے|کہتی|کہا تھا|کہنا|بتایا|قرار دیا|قرار دے|اضافہ کیا|زور دیا|واضح کیا|اعلان کیا|دعویٰ کیا|دعوی کیا|تصدیق کی|لکھا|جواب دیا|الزام لگایا|الزام عائد کیا|خبردار کیا|قصوروار ٹھہرایا|موردِ الزام ٹھہرایا|مورد الزام ٹھہرایا|کا کہنا|کا کہنا تھا|کا کہنا ہے|نے کہا|وضاحت کی|یقین دلایا|اعتراف کیا|تسلیم کیا|ریمارکس دیے|بیان دیا|بیان کیا|ٹویٹ کیا|پوسٹ کیا`),
  ...cues('ur', 'according', 'before', `کے مطابق|کے بقول|بقول`),

  ...cues('zh', 'verb', 'before', `说|表示|称|指出|强调|宣布|透露|告诉|认为|补充|回应|说道|写道`),
  ...cues('zh', 'according', 'after', `据`),
];

/** After a cue, these make it introduce what follows rather than close what came before. */
export const COMPLEMENTIZERS = new Set(['that', 'что', 'що', 'إن', 'أن', 'إنه', 'أنه', 'بأن', 'إنها', 'أنها', 'که', 'کہ', 'чтобы'].map(fold));

export interface PronounEntry {
  readonly words: readonly string[];
  readonly lang: string;
}

function pronouns(lang: string, list: string): PronounEntry[] {
  return list.split('|').map((t) => ({ lang, words: t.trim().split(/\s+/u).map(fold) }));
}

export const PRONOUNS: readonly PronounEntry[] = [
  ...pronouns('en', 'he|she'),
  ...pronouns('ru', 'он|она'),
  ...pronouns('uk', 'він|вона'),
  ...pronouns('ar', 'هو|هي'),
  ...pronouns('fa', 'او|وی|ایشان'),
  ...pronouns('ur', 'انہوں|اس نے|ان کا|ان کے|وہ'),
  ...pronouns('zh', '他|她'),
];

/**
 * Nouns that name a speaker by role ("the official", "the Kremlin aide", اہلکار, чиновник).
 * In English only after "the": "a senior adviser" is an apposition, not a speaker.
 */
export const ROLES: ReadonlySet<string> = new Set(
  [
    'official', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'diplomat', 'minister', 'president',
    'envoy', 'negotiator', 'source', 'senator', 'leader', 'chancellor', 'premier', 'secretary', 'ambassador', 'general',
    'commander', 'officer', 'representative', 'mediator', 'lawmaker', 'chief', 'prime minister',
    'чиновник*', 'представител*', 'дипломат*', 'помощник*', 'советник*', 'министр*', 'пресс-секретар*', 'президент*',
    'глав*', 'спецпосланник*', 'посланник*', 'переговорщик*', 'источник*', 'собеседник*', 'политик*', 'лидер*', 'спикер*',
    'посадовец*', 'посадовц*', 'речник*', 'речниц*', 'помічник*', 'радник*', 'міністр*', 'очільник*', 'посланц*', 'посланец*',
    'спецпосланц*', 'переговірник*', 'джерел*', 'співрозмовник*', 'прессекретар*', 'прес-секретар*',
    'المسؤول', 'المتحدث', 'المتحدثة', 'الدبلوماسي', 'المستشار', 'المساعد', 'مساعد', 'مستشار', 'الوزير', 'الرئيس', 'المبعوث',
    'المصدر', 'مصدر', 'المفاوض', 'السفير', 'الزعيم', 'متحدث',
    'مقام', 'سخنگو', 'سخنگوی', 'دیپلمات', 'مشاور', 'دستیار', 'وزیر', 'فرستاده', 'نماینده', 'منبع', 'مذاکره‌کننده',
    'اہلکار', 'عہدیدار', 'صدر', 'وزیراعظم', 'ترجمان', 'مشیر', 'معاون', 'سفارت کار', 'ایلچی', 'مندوب', 'ذرائع', 'سفیر',
    '官员', '发言人', '外交官', '顾问', '特使',
  ].map((w) => (w.endsWith('*') ? fold(w.slice(0, -1)) + '*' : fold(w))),
);

/** Nouns that announce a name in marks: «Ведомости» after газета is a newspaper, not a quotation. */
export const NAME_NOUNS: ReadonlySet<string> = new Set(
  [
    'newspaper', 'daily', 'magazine', 'agency', 'channel', 'network', 'platform', 'website', 'site', 'app', 'operation', 'party',
    'movement', 'group', 'company', 'book', 'film', 'programme', 'program', 'show', 'series', 'plan', 'project', 'initiative',
    'газет*', 'издани*', 'агентств*', 'телеканал*', 'канал*', 'платформ*', 'сайт*', 'портал*', 'журнал*', 'компани*', 'парти*',
    'операци*', 'движени*', 'групп*', 'соцсет*', 'сет*', 'программ*', 'проект*', 'телеграм-канал*', 'мессенджер*', 'книг*', 'фильм*',
    'газет*', 'видання', 'агенці*', 'телеканал*', 'платформ*', 'компані*', 'парті*', 'операці*', 'рух*', 'груп*', 'програм*', 'проєкт*',
    'صحيفة', 'جريدة', 'وكالة', 'قناة', 'منصة', 'موقع', 'مجلة', 'شركة', 'حزب', 'عملية', 'برنامج', 'حركة', 'مبادرة', 'مشروع', 'تطبيق',
    'روزنامه', 'خبرگزاری', 'شبکه', 'شبکه‌ی', 'پلتفرم', 'سایت', 'وبسایت', 'مجله', 'شرکت', 'حزب', 'عملیات', 'برنامه', 'طرح', 'کانال',
    'اخبار', 'روزنامہ', 'جریدہ', 'ایجنسی', 'چینل', 'پلیٹ', 'ویب', 'سائٹ', 'کمپنی', 'جماعت', 'آپریشن', 'پروگرام', 'منصوبہ', 'تحریک',
    '报', '通讯社', '频道', '平台', '网站',
    // A titled document or text: 'a document titled "…"', «под названием», "بعنوان", کے عنوان سے.
    'titled', 'entitled', 'document', 'названием', 'документ*', 'назвою', 'документ*', 'عنوان', 'بعنوان', 'المعنونة', 'وثيقة',
    'موسوم', 'سند', 'عنوان', 'نامی', 'دستاویز',
  ].map((w) => (w.endsWith('*') ? fold(w.slice(0, -1)) + '*' : fold(w))),
);

/** Labels that look like "Name: words" but are not speakers (captions, datelines, Q&A). */
export const LABELS: ReadonlySet<string> = new Set(
  [
    'photo', 'video', 'source', 'read', 'also', 'see', 'updated', 'update', 'date', 'by', 'note', 'editor', 'question', 'answer', 'q', 'a',
    'watch', 'listen', 'related', 'breaking', 'live', 'exclusive', 'analysis', 'opinion', 'comment', 'file', 'image', 'credit', 'tags',
    'фото', 'видео', 'источник', 'читайте', 'также', 'вопрос', 'ответ', 'обновлено', 'автор', 'теги', 'смотрите',
    'відео', 'джерело', 'читайте', 'питання', 'відповідь', 'оновлено', 'теги',
    'صورة', 'فيديو', 'المصدر', 'اقرأ', 'أيضا', 'سؤال', 'جواب', 'تحديث',
    'عکس', 'ویدیو', 'ویدئو', 'منبع', 'بخوانید', 'پرسش', 'پاسخ', 'سوال',
    'تصویر', 'ویڈیو', 'ذریعہ', 'پڑھیں', 'سوال', 'جواب', 'فائل',
    '图', '视频', '来源',
  ].map(fold),
);

/**
 * Capitals and seats of government that speak for their country in the genre ("Moscow said",
 * "the Kremlin called"). Each group is matched against a person's `party`.
 */
export const METONYMS: readonly { readonly party: readonly string[]; readonly names: readonly string[] }[] = [
  {
    party: ['russia', 'russian federation', 'россия', 'росія', 'روس', 'روسيا', 'روسیه', '俄罗斯', 'ru'],
    names: ['moscow', 'kremlin', 'russia', 'москва', 'кремль', 'россия', 'москв*', 'кремл*', 'росси*', 'росі*', 'ماسکو', 'کریملن', 'روس', 'موسكو', 'الكرملين', 'كرملين', 'روسيا', 'مسکو', 'کرملین', 'روسیه', '莫斯科', '克里姆林宫', '俄罗斯'],
  },
  {
    party: ['united states', 'usa', 'us', 'america', 'сша', 'امریکہ', 'الولايات المتحدة', 'آمریکا', '美国'],
    names: ['washington', 'white house', 'вашингтон*', 'белый дом', 'білий дім', 'сша', 'واشنگٹن', 'وائٹ ہاؤس', 'امریکہ', 'واشنطن', 'البيت الأبيض', 'واشنگتن', 'کاخ سفید', 'آمریکا', '华盛顿', '白宫', '美国'],
  },
  {
    party: ['ukraine', 'украина', 'україна', 'یوکرین', 'أوكرانيا', 'اوکراین', '乌克兰', 'ua'],
    names: ['kyiv', 'kiev', 'ukraine', 'киев*', 'украин*', 'київ*', 'києв*', 'україн*', 'کیف', 'کیو', 'یوکرین', 'كييف', 'كييڤ', 'أوكرانيا', 'کی‌یف', 'کییف', 'اوکراین', '基辅', '乌克兰'],
  },
  {
    party: ['european union', 'europe', 'eu', 'european allies', 'ес', 'єс', 'یورپ', 'أوروبا', 'اروپا', '欧盟'],
    names: ['brussels', 'europe', 'брюссел*', 'европ*', 'європ*', 'برسلز', 'یورپ', 'یوروپ', 'بروكسل', 'أوروبا', 'بروکسل', 'اروپا', '布鲁塞尔', '欧盟', '欧洲'],
  },
].map((g) => ({
  party: g.party.map(fold),
  names: g.names.map((w) => (w.endsWith('*') ? fold(w.slice(0, -1)) + '*' : fold(w))),
}));

/** Does folded token `t` match a lexicon word `w` (where `w*` accepts up to three more letters)? */
export function wordMatches(w: string, t: string): boolean {
  if (!w.endsWith('*')) return w === t;
  const stem = w.slice(0, -1);
  return t.startsWith(stem) && t.length - stem.length <= 3;
}

/** Arabic and Persian glue "and", "then", "by", "to" to the next word (وقال، فأضاف، بحسب، لبوتين). */
export function withoutClitic(t: string): string | undefined {
  if (t.length > 3 && /^[وفبل]/u.test(t) && /\p{Script=Arabic}/u.test(t)) return t.slice(1);
  return undefined;
}

/** Words that are capitalized for grammar, not because they name someone. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  [
    'the', 'a', 'an', 'but', 'and', 'or', 'in', 'on', 'at', 'as', 'it', 'this', 'that', 'these', 'those', 'he', 'she', 'they', 'we', 'i',
    'you', 'his', 'her', 'their', 'our', 'my', 'there', 'here', 'when', 'while', 'after', 'before', 'if', 'asked', 'speaking', 'for',
    'of', 'with', 'from', 'to', 'by', 'during', 'meanwhile', 'however', 'still', 'yet', 'so', 'then', 'also', 'both', 'some', 'many',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
    'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'not', 'no', 'yes', 'what',
    'who', 'why', 'how', 'where', 'one', 'two', 'all', 'each', 'every', 'such', 'according', 'despite', 'although', 'though', 'since',
    'в', 'во', 'на', 'но', 'и', 'а', 'по', 'с', 'со', 'к', 'у', 'о', 'об', 'от', 'до', 'за', 'из', 'при', 'для', 'как', 'так', 'это',
    'этот', 'эта', 'он', 'она', 'они', 'мы', 'я', 'вы', 'тем', 'однако', 'также', 'кроме', 'когда', 'если', 'после', 'перед', 'уже',
    'ещё', 'еще', 'же', 'ли', 'не', 'нет', 'да', 'вот', 'понедельник', 'вторник', 'среду', 'среда', 'четверг', 'пятницу', 'пятница',
    'субботу', 'воскресенье', 'між', 'він', 'вона', 'вони', 'але', 'та', 'і', 'й', 'що', 'це', 'цей', 'ця', 'при', 'під', 'після',
    'водночас', 'крім', 'коли', 'якщо', 'вже', 'ще', 'понеділок', 'вівторок', 'середу', 'четвер', 'пʼятницю', "п'ятницю", 'суботу', 'неділю',
  ].map(fold),
);

/** Honorifics and titles that may open a name ("President Vladimir Putin", "г-н Песков"). */
export const TITLES: ReadonlySet<string> = new Set(
  ['president', 'mr', 'mrs', 'ms', 'dr', 'prime', 'minister', 'foreign', 'secretary', 'senator', 'general', 'chancellor', 'king', 'prince', 'sheikh', 'pope', 'special', 'envoy', 'vice', 'deputy', 'spokesman', 'spokeswoman', 'ambassador', 'governor', 'mayor', 'premier', 'kremlin', 'white', 'house', 'state', 'defence', 'defense'].map(fold),
);
