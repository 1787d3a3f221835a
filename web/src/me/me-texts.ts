/**
 * The participant's page in her language. Dutch at B1 level is the default and the fallback (the language of her
 * course); right-to-left languages turn the page. Somali and Tigrinya fall back to Dutch until a translator
 * writes them (the pictograms carry the meaning meanwhile).
 */
export interface MeTexts {
  title: string;
  hello: (name: string) => string;
  sessions: string;
  none: string;
  pickup: (time: string) => string;
  home: (time: string) => string;
  noRide: string;
  care: (where: string) => string;
  cancelled: string;
  absent: string;
  cantCome: string;
  why: string;
  ill: string;
  childIll: string;
  other: string;
  back: string;
  reported: string;
  loading: string;
  failed: string;
  badLink: string;
  carPool: CarPoolTexts;
}

/** Car-pooling: a ride she is asked to give, the ride she gives, the ride she gets. */
export interface CarPoolTexts {
  heading: string;
  ask: (name: string, count: number) => string;
  yes: string;
  no: string;
  driving: (name: string) => string;
  riding: (name: string) => string;
}

const nl: MeTexts = {
  title: 'Mijn groep',
  hello: (name) => `Hallo ${name}`,
  sessions: 'Mijn bijeenkomsten',
  none: 'Er zijn geen bijeenkomsten gepland.',
  pickup: (time) => `We halen je op om ${time}`,
  home: (time) => `Je bent thuis rond ${time}`,
  noRide: 'Je komt zelf',
  care: (where) => `Opvang voor je kinderen: ${where}`,
  cancelled: 'Deze bijeenkomst gaat niet door',
  absent: 'Je hebt gezegd dat je niet komt',
  cantCome: 'Ik kan niet komen',
  why: 'Waarom kun je niet komen?',
  ill: 'Ik ben ziek',
  childIll: 'Mijn kind is ziek',
  other: 'Iets anders',
  back: 'Terug',
  reported: 'Dank je. We weten dat je niet komt.',
  loading: 'Even wachten…',
  failed: 'Dat lukte niet. Probeer het later nog eens.',
  badLink: 'Deze link werkt niet meer. Vraag je coördinator om een nieuwe link.',
  carPool: {
    heading: 'Samen rijden',
    ask: (name, count) =>
      `${name} woont op je weg. Wil je haar meenemen in je auto, heen en terug? ${count} keer.`,
    yes: 'Ja, ik neem haar mee',
    no: 'Nee',
    driving: (name) => `Je neemt ${name} mee in je auto`,
    riding: (name) => `${name} neemt je mee in haar auto`,
  },
};

const en: MeTexts = {
  title: 'My group',
  hello: (name) => `Hello ${name}`,
  sessions: 'My sessions',
  none: 'No sessions are planned.',
  pickup: (time) => `We pick you up at ${time}`,
  home: (time) => `You are home at about ${time}`,
  noRide: 'You come by yourself',
  care: (where) => `Care for your children: ${where}`,
  cancelled: 'This session does not take place',
  absent: 'You said you cannot come',
  cantCome: 'I can’t come',
  why: 'Why can’t you come?',
  ill: 'I am ill',
  childIll: 'My child is ill',
  other: 'Something else',
  back: 'Back',
  reported: 'Thank you. We know you are not coming.',
  loading: 'One moment…',
  failed: 'That did not work. Please try again later.',
  badLink: 'This link no longer works. Ask your coordinator for a new link.',
  carPool: {
    heading: 'Riding together',
    ask: (name, count) =>
      `${name} lives on your way. Can you take her along in your car, there and back? ${count} times.`,
    yes: 'Yes, I take her along',
    no: 'No',
    driving: (name) => `You take ${name} along in your car`,
    riding: (name) => `${name} takes you along in her car`,
  },
};

const ar: MeTexts = {
  title: 'مجموعتي',
  hello: (name) => `مرحبًا ${name}`,
  sessions: 'لقاءاتي',
  none: 'لا توجد لقاءات مخطط لها.',
  pickup: (time) => `سنأتي لأخذك الساعة ${time}`,
  home: (time) => `ستكونين في البيت حوالي الساعة ${time}`,
  noRide: 'تأتين بنفسك',
  care: (where) => `رعاية أطفالك: ${where}`,
  cancelled: 'هذا اللقاء لن يُعقد',
  absent: 'قلتِ إنك لن تأتي',
  cantCome: 'لا أستطيع الحضور',
  why: 'لماذا لا تستطيعين الحضور؟',
  ill: 'أنا مريضة',
  childIll: 'طفلي مريض',
  other: 'سبب آخر',
  back: 'رجوع',
  reported: 'شكرًا. نعلم أنك لن تأتي.',
  loading: 'لحظة من فضلك…',
  failed: 'لم ينجح ذلك. حاولي مرة أخرى لاحقًا.',
  badLink: 'هذا الرابط لم يعد يعمل. اطلبي رابطًا جديدًا من المنسقة.',
  carPool: {
    heading: 'الذهاب معًا',
    ask: (name, count) =>
      `${name} تسكن في طريقك. هل يمكنك أن تأخذيها معك في سيارتك ذهابًا وإيابًا؟ ${count} مرات.`,
    yes: 'نعم، سآخذها معي',
    no: 'لا',
    driving: (name) => `ستأخذين ${name} معك في سيارتك`,
    riding: (name) => `${name} ستأخذك معها في سيارتها`,
  },
};

const prs: MeTexts = {
  title: 'گروپ من',
  hello: (name) => `سلام ${name}`,
  sessions: 'جلسه‌های من',
  none: 'هیچ جلسه‌ای برنامه‌ریزی نشده است.',
  pickup: (time) => `ما شما را ساعت ${time} می‌بریم`,
  home: (time) => `شما حدود ساعت ${time} در خانه هستید`,
  noRide: 'شما خودتان می‌آیید',
  care: (where) => `نگهداری از اطفال شما: ${where}`,
  cancelled: 'این جلسه برگزار نمی‌شود',
  absent: 'شما گفتید که نمی‌آیید',
  cantCome: 'نمی‌توانم بیایم',
  why: 'چرا نمی‌توانید بیایید؟',
  ill: 'من مریض هستم',
  childIll: 'طفلم مریض است',
  other: 'دلیل دیگر',
  back: 'برگشت',
  reported: 'تشکر. می‌دانیم که نمی‌آیید.',
  loading: 'لطفاً صبر کنید…',
  failed: 'نشد. لطفاً بعداً دوباره کوشش کنید.',
  badLink: 'این لینک دیگر کار نمی‌کند. از هماهنگ‌کننده لینک جدید بخواهید.',
  carPool: {
    heading: 'با هم رفتن',
    ask: (name, count) =>
      `${name} در مسیر شما زندگی می‌کند. آیا می‌توانید او را با موتر خود ببرید و برگردانید؟ ${count} بار.`,
    yes: 'بله، او را می‌برم',
    no: 'نه',
    driving: (name) => `شما ${name} را با موتر خود می‌برید`,
    riding: (name) => `${name} شما را با موتر خود می‌برد`,
  },
};

const tr: MeTexts = {
  title: 'Grubum',
  hello: (name) => `Merhaba ${name}`,
  sessions: 'Buluşmalarım',
  none: 'Planlanmış buluşma yok.',
  pickup: (time) => `Sizi saat ${time}’de alıyoruz`,
  home: (time) => `Saat ${time} civarında evdesiniz`,
  noRide: 'Kendiniz geliyorsunuz',
  care: (where) => `Çocuklarınızın bakımı: ${where}`,
  cancelled: 'Bu buluşma yapılmayacak',
  absent: 'Gelemeyeceğinizi söylediniz',
  cantCome: 'Gelemiyorum',
  why: 'Neden gelemiyorsunuz?',
  ill: 'Hastayım',
  childIll: 'Çocuğum hasta',
  other: 'Başka bir sebep',
  back: 'Geri',
  reported: 'Teşekkürler. Gelmeyeceğinizi biliyoruz.',
  loading: 'Bir dakika…',
  failed: 'Olmadı. Lütfen daha sonra tekrar deneyin.',
  badLink: 'Bu bağlantı artık çalışmıyor. Koordinatörünüzden yeni bir bağlantı isteyin.',
  carPool: {
    heading: 'Birlikte gitmek',
    ask: (name, count) =>
      `${name} yolunuz üzerinde oturuyor. Onu arabanızla gidiş-dönüş götürebilir misiniz? ${count} kez.`,
    yes: 'Evet, onu götürürüm',
    no: 'Hayır',
    driving: (name) => `${name} kişisini arabanızla götürüyorsunuz`,
    riding: (name) => `${name} sizi arabasıyla götürüyor`,
  },
};

const uk: MeTexts = {
  title: 'Моя група',
  hello: (name) => `Вітаємо, ${name}`,
  sessions: 'Мої зустрічі',
  none: 'Зустрічей не заплановано.',
  pickup: (time) => `Ми заберемо вас о ${time}`,
  home: (time) => `Ви будете вдома близько ${time}`,
  noRide: 'Ви приходите самі',
  care: (where) => `Догляд за дітьми: ${where}`,
  cancelled: 'Ця зустріч не відбудеться',
  absent: 'Ви сказали, що не прийдете',
  cantCome: 'Я не можу прийти',
  why: 'Чому ви не можете прийти?',
  ill: 'Я хвора',
  childIll: 'Моя дитина хвора',
  other: 'Інша причина',
  back: 'Назад',
  reported: 'Дякуємо. Ми знаємо, що ви не прийдете.',
  loading: 'Хвилинку…',
  failed: 'Не вдалося. Спробуйте пізніше.',
  badLink: 'Це посилання більше не працює. Попросіть координатора про нове.',
  carPool: {
    heading: 'Їдемо разом',
    ask: (name, count) =>
      `${name} живе по дорозі. Чи можете ви підвезти її своєю машиною туди й назад? ${count} разів.`,
    yes: 'Так, я її підвезу',
    no: 'Ні',
    driving: (name) => `Ви підвозите ${name} своєю машиною`,
    riding: (name) => `${name} підвозить вас своєю машиною`,
  },
};

const TEXTS: Record<string, MeTexts> = { nl, en, ar, prs, fa: prs, tr, uk };

export const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'prs']);

/** Her texts, and the locale her dates are written in (Dari counts days in the Persian calendar). */
export function textsFor(language: string): { texts: MeTexts; locale: string; language: string } {
  const known = TEXTS[language] ? language : 'nl';
  const locale = known === 'prs' || known === 'fa' ? 'fa-AF-u-ca-persian' : known === 'en' ? 'en-GB' : known;
  return { texts: TEXTS[known], locale, language: known };
}
