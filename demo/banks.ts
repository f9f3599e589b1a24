// Neutral building blocks for ad texts. Everything here must stay clean: no cue of demo/cue-banks.ts,
// so that an ad without planted cues is clean whatever a profile makes of it.
import type { Lang } from './world.ts';

type Bank = Record<Lang, readonly string[]>;

export const TITLES: Bank = {
  nl: [
    '{alias} in {city}', 'Ontspannende massage in {city}', '{alias}, gezellig en discreet',
    'Charmante {alias} ({age})', 'Dinerdate of escort in {city}', 'Sfeervolle ontmoeting met {alias}',
    '{alias} – privé ontvangst {city}', 'Escort {alias}, {city} e.o.', 'Verwennerij bij {alias}',
    'Elegante dame in {city}', 'Even ontsnappen met {alias}', 'Massage en gezelligheid in {city}',
  ],
  en: [
    '{alias} in {city}', 'Relaxing massage in {city}', '{alias}, friendly and discreet',
    'Charming {alias} ({age})', 'Dinner date or escort in {city}', 'Sweet {alias} – private visits {city}',
    'Elegant companion {alias}', 'Unwind with {alias}', 'Classy lady in {city}',
    'Massage and good company in {city}', 'Your evening with {alias}',
  ],
};

export const INTROS: Bank = {
  nl: [
    'Hoi, ik ben {alias}, {age} jaar.', 'Hallo heren, mijn naam is {alias}.',
    'Welkom op mijn pagina, ik ben {alias}.', 'Ik ben {alias}, een spontane vrouw van {age}.',
    'Hoi! {alias} hier, leuk dat je kijkt.', 'Mijn naam is {alias} en ik ben {age} jaar.',
    'Hallo, ik ben {alias} en ik stel me graag even voor.', 'Goedendag, ik ben {alias}.',
  ],
  en: [
    'Hi, I am {alias}, {age} years old.', 'Hello gentlemen, my name is {alias}.',
    'Welcome to my page, I am {alias}.', 'I am {alias}, a cheerful woman of {age}.',
    'Hi there! {alias} here, thanks for stopping by.', 'My name is {alias} and I am {age}.',
    'Hello, let me introduce myself: I am {alias}.', 'Good day, I am {alias}.',
  ],
};

export const LOCATIONS: Bank = {
  nl: [
    'Je vindt mij in {city}, vlak bij het centrum.', 'Ik ontvang in een rustig appartement in {city}.',
    'Mijn adres ligt in {city}, met parkeergelegenheid in de buurt.',
    'Ik woon in {city} en ontvang in een nette, discrete woning.',
    'In {city} ontvang ik je in een sfeervolle kamer.',
    'Ik ben te vinden in {city}, goed bereikbaar met het openbaar vervoer.',
    'Ik kom ook naar je hotel in de omgeving van {city}.',
  ],
  en: [
    'You can find me in {city}, close to the centre.', 'I receive in a quiet apartment in {city}.',
    'My place is in {city}, with parking nearby.', 'I live in {city} and receive in a tidy, discreet home.',
    'In {city} I welcome you in a cosy room.', 'I am based in {city}, easy to reach by public transport.',
    'I also visit hotels around {city}.',
  ],
};

export const PERSONAL: Bank = {
  nl: [
    'In mijn vrije tijd sport ik graag en lees ik veel.', 'Ik hou van lekker koken, wandelen en goede muziek.',
    'Ik ben open, vrolijk en een goede gesprekspartner.', 'Mensen noemen mij zorgzaam en gezellig.',
    'Ik reis graag en heb een zwak voor Italiaans eten.', 'Ik dans graag en ga vaak naar concerten.',
    'Een goed glas wijn en een fijn gesprek, daar hou ik van.', 'Ik ben sportief, verzorgd en goedgehumeurd.',
    'Ik ben een echte levensgenieter met gevoel voor humor.', 'Ik fotografeer graag en hou van de zee.',
  ],
  en: [
    'In my free time I enjoy sports and reading.', 'I love cooking, long walks and good music.',
    'I am open, cheerful and a good listener.', 'People describe me as caring and easy-going.',
    'I love to travel and have a soft spot for Italian food.', 'I like dancing and going to concerts.',
    'A good glass of wine and a nice chat, that is what I enjoy.', 'I am sporty, well groomed and good-humoured.',
    'I enjoy life and have a good sense of humour.', 'I like photography and the seaside.',
  ],
};

export const AMBIANCE: Bank = {
  nl: [
    'Bij mij kun je ontspannen na een drukke werkdag.', 'Een ontspannende massage is mijn specialiteit.',
    'Ik zorg voor een prettige en ontspannen sfeer.', 'Discretie vind ik erg belangrijk.',
    'Ik neem graag de tijd voor je.', 'Hygiëne en respect staan bij mij voorop.',
    'Voor een dinerdate of een avondje uit ben je ook bij mij aan het goede adres.',
  ],
  en: [
    'With me you can unwind after a busy day.', 'A relaxing massage is my speciality.',
    'I take care of a pleasant and calm atmosphere.', 'Discretion is very important to me.',
    'I like to take my time for you.', 'Hygiene and respect come first with me.',
    'For a dinner date or a night out you have come to the right place.',
  ],
};

export const APPOINTMENTS: Bank = {
  nl: [
    'Afspraken maak je telefonisch of via WhatsApp.', 'Bel of app mij voor een afspraak.',
    'Ik werk alleen op afspraak, graag een dag van tevoren.',
    'Je kunt mij bereiken van maandag tot en met vrijdag tussen 12:00 en 20:00.',
    'Stuur me gerust een berichtje voor de mogelijkheden.', 'Afspraken graag minimaal een uur van tevoren.',
    'Ik ben bereikbaar op werkdagen tussen 10:00 en 18:00.',
    'Graag een beleefd bericht met je naam en het gewenste tijdstip.',
  ],
  en: [
    'Appointments by phone or WhatsApp.', 'Call or text me to make an appointment.',
    'By appointment only, preferably a day ahead.', 'You can reach me Monday to Friday between 12:00 and 20:00.',
    'Feel free to send me a message to ask what is possible.', 'Please book at least an hour in advance.',
    'I can be reached on weekdays between 10:00 and 18:00.',
    'Please send a polite message with your name and preferred time.',
  ],
};

export const CLOSINGS: Bank = {
  nl: ['Tot snel!', 'Ik hoop je snel te ontmoeten.', 'Liefs, {alias}.', 'Tot ziens, kus {alias}.', 'Bel gerust, ik zie je graag.'],
  en: ['See you soon!', 'I hope to meet you soon.', 'Kisses, {alias}.', 'Take care, {alias}.', 'Give me a call, I look forward to it.'],
};

export const ALIASES = [
  'Lena', 'Mila', 'Sofia', 'Bianca', 'Nikki', 'Jasmijn', 'Daisy', 'Roxy', 'Chantal', 'Naomi', 'Esmee',
  'Zoë', 'Chloé', 'Renée', 'Ilse', 'Femke', 'Lotte', 'Sanne', 'Vera', 'Kim', 'Anouk', 'Melissa',
  'Jade', 'Luna', 'Amber', 'Elena', 'Irina', 'Daria', 'Andreea', 'Ioana', 'Alina', 'Camila', 'Lucía',
  'Valentina', 'Isabela', 'Nadia', 'Yasmin', 'Layla', 'Sasha', 'Monique', 'Gabriela', 'Patrícia',
  'Noor', 'Eva', 'Tess', 'Fleur', 'Maud', 'Roos', 'Angel', 'Candy', 'Scarlett', 'Ruby', 'Stella',
  'Bella', 'Lola', 'Nina', 'Mia', 'Kira', 'Mona', 'Dana', 'Hanna', 'Julia', 'Mariana', 'Emília',
];

/** Real Dutch cities, the larger ones listed more than once so they are drawn more often. */
export const CITIES = [
  'Amsterdam', 'Amsterdam', 'Amsterdam', 'Rotterdam', 'Rotterdam', 'Den Haag', 'Den Haag', 'Utrecht',
  'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Arnhem', 'Haarlem',
  'Enschede', 'Apeldoorn', 'Amersfoort', 'Zaandam', "'s-Hertogenbosch", 'Zwolle', 'Leeuwarden',
  'Maastricht', 'Dordrecht', 'Leiden', 'Alkmaar', 'Heerlen', 'Venlo', 'Deventer', 'Delft', 'Hilversum',
];

/** Checklist values, in the platform's interface language (a site offers its own list). */
export const SERVICES: Bank = {
  nl: ['Massage', 'Escort', 'Dinner date', 'Girlfriend experience', 'Ontspanningsmassage', 'Hotelbezoek',
    'Thuisbezoek', 'Gezelschap', 'Weekendafspraak', 'Saunabezoek'],
  en: ['Massage', 'Escort', 'Dinner date', 'Girlfriend experience', 'Relaxing massage', 'Hotel visit',
    'Home visit', 'Companionship', 'Weekend date', 'Sauna visit'],
};

/** Language names by key, in each interface language. */
export const LANGUAGE_NAMES = {
  dutch: { nl: 'Nederlands', en: 'Dutch' },
  english: { nl: 'Engels', en: 'English' },
  german: { nl: 'Duits', en: 'German' },
  french: { nl: 'Frans', en: 'French' },
  spanish: { nl: 'Spaans', en: 'Spanish' },
  italian: { nl: 'Italiaans', en: 'Italian' },
  romanian: { nl: 'Roemeens', en: 'Romanian' },
  polish: { nl: 'Pools', en: 'Polish' },
  hungarian: { nl: 'Hongaars', en: 'Hungarian' },
  bulgarian: { nl: 'Bulgaars', en: 'Bulgarian' },
  portuguese: { nl: 'Portugees', en: 'Portuguese' },
} as const;
export type LanguageKey = keyof typeof LANGUAGE_NAMES;

/** Price rows: label per interface language and price as a share of the hourly rate. */
export const PRICE_ROWS = [
  { label: { nl: '30 min', en: '30 min' }, ofHourly: 0.6 },
  { label: { nl: '1 uur', en: '1 hour' }, ofHourly: 1 },
  { label: { nl: '90 min', en: '90 min' }, ofHourly: 1.45 },
  { label: { nl: '2 uur', en: '2 hours' }, ofHourly: 1.8 },
] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example'];
