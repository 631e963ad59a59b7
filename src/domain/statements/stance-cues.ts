/**
 * The words a public statement signals its stance with, per language, mapped onto the
 * position scale. A cue is a word sequence; `*` ends a stem that matches any ending (Russian
 * and Ukrainian inflect, English takes -s/-ed). `negated` is what the cue means under a
 * negation ("not acceptable" is a rejection; "not a red line" leaves room to discuss); null
 * means the negated cue says nothing. A cue that spells its own negation ("unacceptable",
 * "неприемлемо", "ناقابل قبول", "غير مقبول") is listed as such and is never negated again.
 *
 * Written from the languages' usage in diplomatic reporting, not copied from a list.
 */
import type { PositionLevel } from '../model.ts';

export interface CueSpec {
  readonly words: string;
  readonly level: PositionLevel;
  readonly negated?: PositionLevel | null;
}

export interface LanguageCues {
  readonly cues: readonly CueSpec[];
  /** Words that negate a cue when they stand just before it. */
  readonly negateBefore: readonly string[];
  /** Words that negate a cue when they follow it (verb-final Urdu and Persian). */
  readonly negateAfter: readonly string[];
}

const c = (level: PositionLevel, negated: PositionLevel | null | undefined, ...words: string[]): CueSpec[] =>
  words.map((w) => (negated === undefined ? { words: w, level } : { words: w, level, negated }));

export const stanceCues: Readonly<Record<string, LanguageCues>> = {
  en: {
    cues: [
      ...c('accept', undefined, 'acceptable', 'accept*', 'agree*', 'support*', 'welcome*', 'endorse*', 'ready to sign', 'satisfied', 'a good basis', 'good basis'),
      ...c('discuss', undefined, 'constructive', 'productive', 'positive', 'useful', 'fruitful', 'progress', 'need* to be discussed', 'need* discussion', 'needs further discussion',
        'to be discussed', 'open to discuss*', 'room for', 'work in progress', 'more or less acceptable'),
      ...c('discuss', 'redline', 'negotiable'),
      ...c('wording', null, 'wording', 'formulation*', 'language needs', 'needs rewording', 'rephras*', 'redraft*'),
      ...c('reject', 'discuss', 'unacceptable', 'inacceptable', 'reject*', 'refuse*', 'oppose*', 'cannot accept', "can't accept", 'will not accept', "won't accept", 'out of the question'),
      ...c('redline', 'discuss', 'red line', 'red lines', 'non-negotiable', 'nonnegotiable', 'no compromise', 'no compromises', 'never accept', 'under no circumstances', 'not negotiable', 'will never'),
    ],
    negateBefore: ['not', 'no', 'never', "n't", 'cannot', 'hardly', 'nor', 'neither', "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "won't", "can't", "couldn't", "wouldn't"],
    negateAfter: [],
  },
  ru: {
    cues: [
      ...c('accept', undefined, 'приемлем*', 'соглас*', 'поддерж*', 'приветству*', 'устраива*', 'готов* подписать', 'хорош* основ*'),
      ...c('discuss', undefined, 'конструктив*', 'продуктив*', 'полезн*', 'позитивн*', 'плодотворн*', 'прогресс*', 'более или менее приемлем*', 'нужно обсудить', 'надо обсудить',
        'требу* обсуждения', 'нужда* в обсуждении', 'предмет* обсуждения', 'открыт* к обсуждению', 'поле для'),
      ...c('discuss', 'redline', 'обсужда*', 'обсудим', 'договорн*'),
      ...c('wording', null, 'формулировк*', 'редакци*'),
      ...c('reject', 'discuss', 'неприемлем*', 'отверга*', 'отклоня*', 'отвергн*', 'отклон*', 'не устраива*', 'не можем принять', 'не примем', 'исключено', 'категорически против', 'против'),
      ...c('redline', 'discuss', 'красн* лини*', 'никаких компромисс*', 'без компромисс*', 'бескомпромисс*', 'ни при каких', 'не обсуждается', 'не подлежит обсуждению', 'никогда не'),
    ],
    negateBefore: ['не', 'ни', 'нет', 'нельзя', 'невозможно'],
    negateAfter: [],
  },
  uk: {
    cues: [
      ...c('accept', undefined, 'прийнятн*', 'погодж*', 'підтриму*', 'вітаємо', 'віта*', 'готов* підписати', 'добр* основ*'),
      ...c('discuss', undefined, 'конструктив*', 'продуктив*', 'корисн*', 'позитивн*', 'плідн*', 'прогрес*', 'потрібно обговорити', 'треба обговорити', 'потребу* обговорення',
        'відкрит* до обговорення'),
      ...c('discuss', 'redline', 'обговорю*', 'обговорим*', 'обговорити'),
      ...c('wording', null, 'формулюванн*', 'редакці*'),
      ...c('reject', 'discuss', 'неприйнятн*', 'відкида*', 'відхиля*', 'відкин*', 'відхил*', 'не можемо прийняти', 'не приймемо', 'виключено', 'категорично проти', 'проти'),
      ...c('redline', 'discuss', 'червон* лін*', 'жодних компроміс*', 'без компроміс*', 'безкомпроміс*', 'за жодних обставин', 'не обговорюється', 'ніколи не'),
    ],
    negateBefore: ['не', 'ні', 'немає', 'неможливо'],
    negateAfter: [],
  },
  ar: {
    cues: [
      ...c('accept', undefined, 'مقبول', 'مقبولة', 'مقبولا', 'نقبل', 'يقبل', 'تقبل', 'نوافق', 'يوافق', 'توافق', 'موافقة', 'نرحب', 'يرحب', 'ترحب', 'نؤيد', 'يؤيد', 'تؤيد', 'أساس جيد'),
      ...c('discuss', undefined, 'بناء', 'بناءة', 'إيجابي', 'إيجابية', 'مثمر', 'مثمرة', 'مفيد', 'مفيدة', 'تقدم', 'بحاجة إلى نقاش', 'بحاجة إلى مناقشة', 'تحتاج إلى نقاش',
        'تحتاج إلى مناقشة', 'يحتاج إلى نقاش', 'قابل للنقاش', 'قابلة للنقاش', 'للنقاش'),
      ...c('discuss', 'redline', 'للتفاوض', 'قابل للتفاوض', 'قابلة للتفاوض'),
      ...c('wording', null, 'صياغة', 'الصياغة'),
      ...c('reject', 'discuss', 'غير مقبول', 'غير مقبولة', 'مرفوض', 'مرفوضة', 'نرفض', 'يرفض', 'ترفض', 'رفض', 'لا نقبل', 'لن نقبل', 'لا يمكن قبول'),
      ...c('redline', 'discuss', 'خط أحمر', 'خطا أحمر', 'خطوط حمراء', 'الخطوط الحمراء', 'لا تنازل', 'لا مساومة', 'لن نتنازل', 'غير قابل للتفاوض', 'غير قابلة للتفاوض', 'تحت أي ظرف'),
    ],
    negateBefore: ['لا', 'لم', 'لن', 'ليس', 'ليست', 'غير', 'عدم'],
    negateAfter: [],
  },
  ur: {
    cues: [
      ...c('accept', undefined, 'قابل قبول', 'قبول', 'متفق', 'حمایت کرتے', 'خیرمقدم', 'خیر مقدم', 'اچھی بنیاد'),
      ...c('discuss', undefined, 'تعمیری', 'مثبت', 'مفید', 'نتیجہ خیز', 'پیش رفت', 'بات کرنے کی ضرورت', 'بات چیت کی ضرورت', 'بحث کی ضرورت', 'زیر غور', 'کم و بیش قابل قبول', 'کام کرنا باقی', 'سمجھوتہ نہیں ہو سکا'),
      ...c('discuss', 'redline', 'قابل مذاکرات', 'قابل بحث'),
      ...c('wording', null, 'الفاظ میں تبدیلی', 'الفاظ بدلنے', 'مسودے کی زبان'),
      ...c('reject', 'discuss', 'ناقابل قبول', 'مسترد', 'رد', 'قبول نہیں', 'مخالفت', 'خارج از امکان'),
      ...c('redline', 'discuss', 'سرخ لکیر', 'ریڈ لائن', 'سمجھوتہ نہیں کریں گے', 'کوئی سمجھوتہ نہیں کریں گے', 'کسی صورت', 'ناقابل مذاکرات', 'کبھی نہیں'),
    ],
    negateBefore: ['نہ', 'غیر', 'بغیر'],
    negateAfter: ['نہیں', 'نہ'],
  },
  fa: {
    cues: [
      ...c('accept', undefined, 'قابل قبول', 'می‌پذیریم', 'می‌پذیرد', 'پذیرفتنی', 'موافق', 'موافقیم', 'حمایت', 'استقبال', 'مبنای خوبی'),
      ...c('discuss', undefined, 'سازنده', 'مثبت', 'مفید', 'ثمربخش', 'پیشرفت', 'نیاز به بحث', 'نیاز به گفتگو', 'نیاز به مذاکره', 'قابل بحث'),
      ...c('discuss', 'redline', 'قابل مذاکره'),
      ...c('wording', null, 'عبارت‌پردازی', 'متن پیشنهادی', 'نگارش'),
      ...c('reject', 'discuss', 'غیرقابل قبول', 'غیر قابل قبول', 'نمی‌پذیریم', 'نمی‌پذیرد', 'نپذیرفتنی', 'رد می‌کنیم', 'رد می‌کند', 'مخالف', 'مخالفیم'),
      ...c('redline', 'discuss', 'خط قرمز', 'خطوط قرمز', 'غیرقابل مذاکره', 'غیر قابل مذاکره', 'هیچ سازشی', 'به هیچ وجه', 'هرگز'),
    ],
    negateBefore: ['نه', 'غیر', 'بدون'],
    negateAfter: ['نیست', 'نیستند', 'نمی‌شود'],
  },
};
